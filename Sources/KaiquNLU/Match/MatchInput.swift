/// The tokens and entities of one utterance, laid out for the matcher: flat arrays it indexes
/// by token position, made once per utterance and shared by every pattern tried.
struct MatchInput {
    let text: NormalizedText
    let tokens: [Token]
    let entities: [Entity]
    /// Each token's lexicon id (-1 for a word no pattern uses).
    let ids: [Int]
    /// Each token's kind: Han, letter or digit (never separator).
    let kinds: [ScalarClass]
    /// The entities that cover whole tokens, grouped by the token they start at, and in the
    /// order they were found within a group.
    let placed: [Placed]
    // placed[placedStart[i]..<placedStart[i + 1]] start at token i.
    private let placedStart: [Int]
    // One bit per lexicon word the utterance holds.
    private let present: [UInt64]
    // Whether an entity of each type (`RuleSet.entityTypes`) is placed anywhere.
    private let typePresent: [Bool]
    // For each token, the end of the shortest known non-name starting there (a region counts
    // from its first token), or Int.max.
    private let nonNameEnd: [Int]

    /// True when something (a space, punctuation, dropped filler) stands between token
    /// `position` and the one before it.
    func hasBreak(before position: Int) -> Bool {
        position > 0 && position < tokens.count && tokens[position - 1].range.upperBound < tokens[position].range.lowerBound
    }

    /// True when a comma or the like (not a space, nor the full stop of Mr., nor the hyphen
    /// of Jean-Luc; a dash with spaces) stands between token `position` and the one before.
    func hasComma(before position: Int) -> Bool {
        guard hasBreak(before: position) else { return false }
        let gap = text.scalars[tokens[position - 1].range.upperBound..<tokens[position].range.lowerBound]
        return gap.contains { ",;，；、".unicodeScalars.contains($0) } || gap.contains("-") && gap.contains(" ")
    }

    /// An entity on the tokens it covers.
    struct Placed {
        /// The token it ends before.
        var end: Int
        /// Its type's number in `RuleSet.entityTypes`.
        var type: Int
        /// Whether it is a date or time, which any temporal slot takes.
        var isTemporal: Bool
        /// Its index in `entities`.
        var entity: Int
    }

    /// Places each entity on the tokens it covers exactly; one that starts or ends inside a
    /// token (say "li" inside "list") is dropped, which is how word boundaries are kept.
    init(text: NormalizedText, tokens: [Token], entities: [Entity], rules: RuleSet, types: EntityTypeTable) {
        self.text = text
        self.tokens = tokens
        self.entities = entities
        let ids = tokens.map(\.id)
        self.ids = ids
        kinds = tokens.map { ScalarClass(text.scalars[$0.range.lowerBound]) }

        var spans: [(start: Int, placed: Placed)] = []
        var typePresent = [Bool](repeating: false, count: types.count)
        for (index, entity) in entities.enumerated() {
            guard let type = types.id(of: entity.type),
                  let start = tokens.firstIndex(where: { $0.range.lowerBound >= entity.range.lowerBound }),
                  tokens[start].range.lowerBound < entity.range.upperBound else { continue }
            var end = start
            while end < tokens.count, tokens[end].range.upperBound <= entity.range.upperBound { end += 1 }
            guard end > start, end == tokens.count || tokens[end].range.lowerBound >= entity.range.upperBound else { continue }
            spans.append((start, Placed(end: end, type: type, isTemporal: types.isTemporal(type), entity: index)))
            typePresent[type] = true
        }
        // Grouped by start, keeping the order found (a counting sort).
        var placedStart = [Int](repeating: 0, count: tokens.count + 1)
        for span in spans { placedStart[span.start + 1] += 1 }
        for i in 0..<tokens.count { placedStart[i + 1] += placedStart[i] }
        var fill = placedStart
        var placed = [Placed](repeating: Placed(end: 0, type: 0, isTemporal: false, entity: 0), count: spans.count)
        for span in spans {
            placed[fill[span.start]] = span.placed
            fill[span.start] += 1
        }
        self.placed = placed
        self.placedStart = placedStart
        self.typePresent = typePresent

        var present = [UInt64](repeating: 0, count: rules.lexicon.words.count / 64 + 1)
        for id in ids where id >= 0 { present[id >> 6] |= 1 << UInt64(id & 63) }
        self.present = present

        // A place (义乌, 杭州) is not a person, nor is a word of the not-names list.
        var nonNameEnd = tokens.indices.map { rules.notNames.shortest(in: ids, from: $0, id: { $0 }) ?? Int.max }
        if let region = types.id(of: "region") {
            for start in tokens.indices where placed[placedStart[start]..<placedStart[start + 1]].contains(where: { $0.type == region }) {
                nonNameEnd[start] = start + 1
            }
        }
        self.nonNameEnd = nonNameEnd
    }

    /// The indices in `placed` of the entities that start at token `pos`.
    func entitiesStarting(at pos: Int) -> Range<Int> { placedStart[pos]..<placedStart[pos + 1] }

    /// Whether the tokens of `span` hold a known non-name (a not-names word, a region).
    func holdsNonName(_ span: Range<Int>) -> Bool {
        span.contains { nonNameEnd[$0] <= span.upperBound }
    }

    /// Whether the utterance holds a word of each of the pattern's required groups and an entity
    /// of each of its required type groups; without them the pattern cannot match.
    func holdsWhatIsRequired(by pattern: Pattern) -> Bool {
        for group in pattern.required where !group.contains(where: has) { return false }
        for group in pattern.requiredTypes where !group.contains(where: { typePresent[$0] }) { return false }
        return true
    }

    private func has(_ id: Int) -> Bool {
        id >= 0 && id >> 6 < present.count && present[id >> 6] & (1 << UInt64(id & 63)) != 0
    }
}

/// The entity types patterns name, by number: made once from the rule set, so placing an
/// entity costs one look-up of its type's name per utterance.
struct EntityTypeTable: Sendable {
    private let ids: [String: Int]
    private let temporal: [Bool]

    init(_ names: [String]) {
        ids = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        temporal = names.map(TemporalSlot.isTemporal)
    }

    var count: Int { temporal.count }
    func id(of name: String) -> Int? { ids[name] }
    func isTemporal(_ id: Int) -> Bool { temporal[id] }
}
