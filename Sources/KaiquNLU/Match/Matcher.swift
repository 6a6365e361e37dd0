/// How well a pattern explains an utterance. Patterns are ranked by this, then by load order:
///
/// 1. more tokens matched by fixed words (literal text and synonym lists);
/// 2. then more tokens matched by typed entities (a known customer, a number, a lookup word);
/// 3. then fewer tokens taken by captures ({name}, {text}, an unknown {customer}) and wildcards.
///
/// So the pattern that says most about the sentence in fixed words wins, and a file added
/// later only wins a tie it would otherwise lose if it is more specific; `kaiqu check` runs
/// every example against all files together and reports the sentences whose intent changes.
public struct Specificity: Sendable, Comparable, CustomStringConvertible {
    public var words = 0
    public var entities = 0
    public var loose = 0

    public static func < (a: Self, b: Self) -> Bool {
        (a.words, a.entities, -a.loose) < (b.words, b.entities, -b.loose)
    }

    public var description: String { "words \(words), entities \(entities), loose \(loose)" }
}

/// The tokens and entities of one utterance, as the matcher sees them.
struct MatchInput {
    let text: NormalizedText
    let tokens: [Token]
    /// For each token index, the entities that start there and the token index they end before.
    let entitiesAt: [[(end: Int, entity: Entity)]]
    /// Which lexicon words the utterance holds, one bit each.
    let present: [UInt64]
    let notNames: LookupTrie
    /// The entity types found anywhere in the utterance.
    let entityTypes: Set<String>

    func has(_ id: Int) -> Bool { id >= 0 && id >> 6 < present.count && present[id >> 6] & (1 << UInt64(id & 63)) != 0 }
}

/// A successful match of one pattern.
struct PatternMatch {
    var specificity: Specificity
    var slots: [(name: String, value: String)]
}

/// Matches one pattern against the whole utterance by backtracking, keeping the best way.
struct Matcher {
    let input: MatchInput
    private var best: PatternMatch?
    private var steps = 0
    // Patterns are short, but wildcards multiply: past this many steps the pattern gives up.
    private static let stepLimit = 20_000

    init(input: MatchInput) { self.input = input }

    static func match(_ pattern: Pattern, _ input: MatchInput) -> PatternMatch? {
        for group in pattern.required where !group.contains(where: input.has) { return nil }
        for group in pattern.requiredTypes where !group.contains(where: input.entityTypes.contains) { return nil }
        var matcher = Matcher(input: input)
        matcher.walk(pattern.elements, 0, nil, 0, PatternMatch(specificity: Specificity(), slots: []))
        return matcher.best
    }

    /// The rest of an enclosing sequence to continue with after a choice ends.
    final class Continuation {
        let elements: [PatternElement]
        let index: Int
        let next: Continuation?
        init(_ elements: [PatternElement], _ index: Int, _ next: Continuation?) {
            self.elements = elements
            self.index = index
            self.next = next
        }
    }

    private mutating func walk(_ elements: [PatternElement], _ i: Int, _ rest: Continuation?, _ pos: Int, _ acc: PatternMatch) {
        steps += 1
        if steps > Self.stepLimit { return }
        guard i < elements.count else {
            if let rest { walk(rest.elements, rest.index, rest.next, pos, acc) }
            else if pos == input.tokens.count, best.map({ $0.specificity < acc.specificity }) ?? true { best = acc }
            return
        }
        let tokens = input.tokens
        switch elements[i] {
        case .word(let id):
            guard pos < tokens.count, tokens[pos].id == id else { return }
            var next = acc
            next.specificity.words += 1
            walk(elements, i + 1, rest, pos + 1, next)
        case .choice(let alternatives, let optional):
            let after = Continuation(elements, i + 1, rest)
            for alternative in alternatives { walk(alternative, 0, after, pos, acc) }
            if optional { walk(elements, i + 1, rest, pos, acc) }
        case .slot(let name, let type):
            guard pos < tokens.count else { return }
            switch type {
            case .entity(let wanted):
                takeEntities(wanted, name, elements, i, rest, pos, acc)
            case .customer:
                takeEntities("customer", name, elements, i, rest, pos, acc)
                takeName(name, elements, i, rest, pos, acc)
            case .name:
                takeName(name, elements, i, rest, pos, acc)
            case .text:
                for end in pos + 1...tokens.count {
                    var next = acc
                    next.specificity.loose += end - pos
                    next.slots.append((name, typed(pos..<end)))
                    walk(elements, i + 1, rest, end, next)
                }
            }
        case .wildcard:
            guard pos < tokens.count else { return }
            // When a fixed word follows, only the places holding it can end the wildcard.
            let next = Self.followingWord(elements, i + 1, rest)
            for end in pos + 1...tokens.count {
                if let next, end < tokens.count, tokens[end].id != next { continue }
                var next = acc
                next.specificity.loose += end - pos
                walk(elements, i + 1, rest, end, next)
            }
        }
    }

    // The fixed word that must come next, if the next element is one.
    private static func followingWord(_ elements: [PatternElement], _ i: Int, _ rest: Continuation?) -> Int? {
        if i < elements.count {
            if case .word(let id) = elements[i] { return id }
            return nil
        }
        guard let rest else { return nil }
        return followingWord(rest.elements, rest.index, rest.next)
    }

    private mutating func takeEntities(_ type: String, _ name: String, _ elements: [PatternElement], _ i: Int,
                                       _ rest: Continuation?, _ pos: Int, _ acc: PatternMatch) {
        let temporal = TemporalSlot.isTemporal(type)
        for (end, entity) in input.entitiesAt[pos] where entity.type == type || temporal && TemporalSlot.isTemporal(entity.type) {
            var next = acc
            next.specificity.entities += end - pos
            if temporal { next.slots += TemporalSlot.slots(named: name, from: entity) }
            else { next.slots.append((name, entity.value)) }
            walk(elements, i + 1, rest, end, next)
        }
    }

    // A name as typed: 2–4 Han characters, or 1–3 Latin words, holding no known non-name.
    private mutating func takeName(_ name: String, _ elements: [PatternElement], _ i: Int,
                                   _ rest: Continuation?, _ pos: Int, _ acc: PatternMatch) {
        let tokens = input.tokens
        let first = tokens[pos].text.unicodeScalars.first!
        let han = ScalarClass(first) == .han
        guard han || ScalarClass(first) == .letter else { return }
        let range = han ? 2...4 : 1...3
        var end = pos
        while end < tokens.count, end - pos < range.upperBound {
            let scalar = tokens[end].text.unicodeScalars.first!
            guard (ScalarClass(scalar) == .han) == han, ScalarClass(scalar) != .digit else { break }
            end += 1
            guard range.contains(end - pos), !containsNotName(pos..<end) else { continue }
            var next = acc
            next.specificity.loose += end - pos
            next.slots.append((name, typed(pos..<end)))
            walk(elements, i + 1, rest, end, next)
        }
    }

    private func containsNotName(_ span: Range<Int>) -> Bool {
        // A place (义乌, 杭州) is not a person.
        for start in span { for (_, entity) in input.entitiesAt[start] where entity.type == "region" { return true } }
        for start in span {
            var node = input.notNames
            var j = start
            while j < span.upperBound, let next = node.children[input.tokens[j].id] {
                node = next
                j += 1
                if node.value != nil { return true }
            }
        }
        return false
    }

    private func typed(_ span: Range<Int>) -> String {
        input.text.typed(input.tokens[span.lowerBound].range.lowerBound..<input.tokens[span.upperBound - 1].range.upperBound)
    }
}
