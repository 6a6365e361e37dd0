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

/// What a slot took: a span of tokens, and the entity that filled it (-1 when it is taken as
/// typed). Slot values are made into strings only for the pattern that wins.
struct Capture: Equatable {
    /// The slot's name in `RuleSet.slotNames`.
    var slot: Int32
    var start: Int32
    var end: Int32
    /// The entity in `MatchInput.entities`, or -1.
    var entity: Int32
    /// True for a name taken as typed (no known customer): text may not follow it unbroken.
    var name = false
}

/// A successful match of one pattern: how specific it is and what its slots took.
struct PatternMatch {
    var specificity: Specificity
    var captures: [Capture]
}

/// Matches compiled patterns (`PatternOp`) against one utterance.
///
/// A pattern matches when its ops take every token, first to last. The matcher tries every way
/// depth first, in the order the pattern is written: alternatives left to right, an optional
/// part taken before it is left out, entities in the order they were found, shorter names,
/// texts and wildcards before longer ones. It keeps the first of the most specific ways, so
/// equally specific readings always give the same slots.
///
/// Depth-first search is written as recursion: one call per branch taken, steps without a
/// choice (words, jumps) loop inside the call. The state of a branch is a position, a
/// `Specificity` (three integers, copied) and the captures so far, kept on one stack that a
/// branch pops when it returns; so trying a branch allocates nothing. (An explicit backtrack
/// stack would need a resume state for each kind of branch — the next alternative, entity,
/// name length, text or wildcard end; recursion keeps each op's options in one loop, and a
/// call costs a few instructions.)
struct Matcher {
    let input: MatchInput
    private let lists: [[[Int]]]
    private var captures: [Capture] = []
    private var best: Specificity?
    private var bestCaptures: [Capture] = []
    private var steps = 0
    // Patterns are short, but wildcards and texts multiply: past this many steps a pattern
    // gives up with the best way found so far. No sentence of intents/ needs a tenth of it.
    private static let stepLimit = 20_000

    init(input: MatchInput, lists: [[[Int]]]) {
        self.input = input
        self.lists = lists
    }

    /// The best way `pattern` matches the whole utterance, or nil.
    mutating func match(_ pattern: Pattern) -> PatternMatch? {
        guard input.holdsWhatIsRequired(by: pattern) else { return nil }
        best = nil
        steps = 0
        captures.removeAll(keepingCapacity: true)
        walk(pattern.program, from: 0, at: 0, Specificity())
        return best.map { PatternMatch(specificity: $0, captures: bestCaptures) }
    }

    private mutating func walk(_ ops: [PatternOp], from start: Int, at position: Int, _ score: Specificity) {
        let ids = input.ids
        var pc = start
        var pos = position
        var score = score
        while true {
            steps += 1
            if steps > Self.stepLimit { return }
            guard pc < ops.count else {
                if pos == ids.count, best.map({ $0 < score }) ?? true {
                    best = score
                    bestCaptures.removeAll(keepingCapacity: true)
                    bestCaptures.append(contentsOf: captures)
                }
                return
            }
            switch ops[pc] {
            case .word(let id):
                guard pos < ids.count, ids[pos] == Int(id) else { return }
                score.words += 1
                pos += 1
                pc += 1
            case .jump(let target):
                pc = Int(target)
            case .list(let list):
                for entry in lists[Int(list)] where pos + entry.count <= ids.count && ids[pos] == entry[0] {
                    guard ids[pos..<pos + entry.count].elementsEqual(entry) else { continue }
                    var next = score
                    next.words += entry.count
                    walk(ops, from: pc + 1, at: pos + entry.count, next)
                }
                return
            case .choice(let optional, let end):
                var header = pc + 1
                while header >= 0, case .alternative(let next, let first) = ops[header] {
                    // An alternative that starts with another word than the one here would fail at once.
                    if first < 0 || pos < ids.count && ids[pos] == Int(first) {
                        walk(ops, from: header + 1, at: pos, score)
                    }
                    header = Int(next)
                }
                guard optional else { return }
                pc = Int(end)
            case .alternative:
                preconditionFailure("an alternative's header is only reached through its choice")
            case .entity(let type, let slot):
                takeEntities(ops, pc, pos, score, slot: slot) { $0.type == Int(type) }
                return
            case .anyTime(let slot):
                takeEntities(ops, pc, pos, score, slot: slot) { $0.isTemporal }
                return
            case .customer(let type, let slot):
                takeEntities(ops, pc, pos, score, slot: slot) { $0.type == Int(type) }
                takeName(ops, pc, pos, score, slot: slot)
                return
            case .name(let slot):
                takeName(ops, pc, pos, score, slot: slot)
                return
            case .text(let slot):
                guard pos < ids.count else { return }
                // Text right after a name typed without a break could be the name's last
                // character (拜访黄志强 → 黄志 + 强): there it must be two tokens at least
                // (记下孙丽爱打高尔夫 → 孙丽 + 爱打高尔夫), or have a space or comma before it.
                let unbroken = captures.last.map { $0.name && Int($0.end) == pos && !input.hasBreak(before: pos) } ?? false
                // Text that ends the pattern can only end with the sentence.
                let first = Self.settle(ops, pc + 1) == ops.count ? ids.count : pos + 1
                for end in first...ids.count where !unbroken || end - pos >= 2 {
                    var next = score
                    next.loose += end - pos
                    take(ops, pc, Capture(slot: slot, start: Int32(pos), end: Int32(end), entity: -1), next)
                }
                return
            case .wildcard(let following):
                guard pos < ids.count else { return }
                let first = Self.settle(ops, pc + 1) == ops.count ? ids.count : pos + 1
                for end in first...ids.count {
                    // Only a place holding the word that must follow can end the wildcard.
                    if following >= 0, end < ids.count, ids[end] != Int(following) { continue }
                    var next = score
                    next.loose += end - pos
                    walk(ops, from: pc + 1, at: end, next)
                }
                return
            }
        }
    }

    // Where the program goes on from `pc` once the jumps are followed (ops.count: it ends).
    private static func settle(_ ops: [PatternOp], _ pc: Int) -> Int {
        var pc = pc
        while pc < ops.count, case .jump(let target) = ops[pc] { pc = Int(target) }
        return pc
    }

    // Records what a slot took, walks on after it, and forgets it again.
    private mutating func take(_ ops: [PatternOp], _ pc: Int, _ capture: Capture, _ score: Specificity) {
        captures.append(capture)
        walk(ops, from: pc + 1, at: Int(capture.end), score)
        captures.removeLast()
    }

    private mutating func takeEntities(_ ops: [PatternOp], _ pc: Int, _ pos: Int, _ score: Specificity, slot: Int32,
                                       where accepts: (MatchInput.Placed) -> Bool) {
        guard pos < input.ids.count else { return }
        for index in input.entitiesStarting(at: pos) {
            let placed = input.placed[index]
            guard accepts(placed) else { continue }
            var next = score
            next.entities += placed.end - pos
            take(ops, pc, Capture(slot: slot, start: Int32(pos), end: Int32(placed.end), entity: Int32(placed.entity)), next)
        }
    }

    // A name as typed: 2–4 Han characters, or 1–3 Latin words, holding no known non-name.
    private mutating func takeName(_ ops: [PatternOp], _ pc: Int, _ pos: Int, _ score: Specificity, slot: Int32) {
        let kinds = input.kinds
        guard pos < kinds.count else { return }
        let han = kinds[pos] == .han
        guard han || kinds[pos] == .letter else { return }
        let range = han ? 2...4 : 1...3
        var end = pos
        while end < kinds.count, end - pos < range.upperBound {
            guard (kinds[end] == .han) == han, kinds[end] != .digit else { break }
            // Amy Wu, wholesaler: a comma ends a Latin name.
            if !han, end > pos, input.hasComma(before: end) { break }
            end += 1
            guard range.contains(end - pos), !input.holdsNonName(pos..<end) else { continue }
            var next = score
            next.loose += end - pos
            take(ops, pc, Capture(slot: slot, start: Int32(pos), end: Int32(end), entity: -1, name: true), next)
        }
    }
}
