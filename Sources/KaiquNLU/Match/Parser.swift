/// normalize → entities → intent match → slots.
///
/// The parser is a value: it holds the compiled rules and reads nothing else. The clock,
/// the time zone and the known customers come in a `ParseContext`.
public struct Parser: Sendable {
    public let rules: RuleSet
    private let extractors: [any EntityExtractor]

    /// Token id → the patterns whose first required group holds it, and the patterns with no
    /// required word: a sentence is tried only against patterns one of its words can anchor.
    private let anchored: [Int: [Int]]
    private let unanchored: [Int]

    public init(rules: RuleSet) {
        self.rules = rules
        self.extractors = BuiltInExtractors.make(rules: rules) + rules.lookupExtractors
        var anchored: [Int: [Int]] = [:]
        var unanchored: [Int] = []
        for (index, pattern) in rules.patterns.enumerated() {
            guard let group = pattern.required.first else { unanchored.append(index); continue }
            for id in group { anchored[id, default: []].append(index) }
        }
        self.anchored = anchored
        self.unanchored = unanchored
    }

    /// Parses one utterance.
    public func parse(_ text: String, context: ParseContext) -> ParseResult {
        analyze(text, context: context, keepCandidates: false).result
    }

    /// Parses one utterance and keeps what `--explain` shows.
    public func analyze(_ text: String, context: ParseContext, keepCandidates: Bool = true) -> Analysis {
        let normalized = rules.normalizer.normalize(text)
        let allTokens = Tokenizer.tokens(of: normalized, lexicon: rules.lexicon)
        var entities: [Entity] = []
        for extractor in extractors { extractor.extract(from: normalized, tokens: allTokens, context: context, into: &entities) }
        let tokens = rules.filler.removing(from: allTokens, in: normalized, keeping: entities)
        let input = matchInput(normalized, tokens, entities)

        var candidates: [Candidate] = []
        var best: Candidate?
        if !tokens.isEmpty {
            var tried = [Bool](repeating: false, count: rules.patterns.count)
            for index in unanchored { tried[index] = true }
            for token in tokens where token.id >= 0 {
                for index in anchored[token.id] ?? [] { tried[index] = true }
            }
            for index in tried.indices where tried[index] {
                let pattern = rules.patterns[index]
                guard let match = Matcher.match(pattern, input) else { continue }
                let explained = match.specificity.words + match.specificity.entities
                let confidence = ((0.5 + 0.49 * Double(explained) / Double(tokens.count)) * 100).rounded() / 100
                var slots: [String: String] = [:]
                for slot in match.slots { slots[slot.name] = slot.value }
                let candidate = Candidate(pattern: pattern, specificity: match.specificity, confidence: confidence, slots: slots)
                if best.map({ $0.specificity < candidate.specificity }) ?? true { best = candidate }
                if keepCandidates { candidates.append(candidate) }
            }
        }
        candidates.sort { $0.specificity != $1.specificity ? $1.specificity < $0.specificity : $0.pattern.order < $1.pattern.order }
        let language = Language.detect(text, normalizer: rules.normalizer)
        let result = ParseResult(text: text, intent: best?.pattern.intent ?? ParseResult.fallback,
                                 confidence: best?.confidence ?? 0, slots: best?.slots ?? [:], language: language)
        return Analysis(result: result, normalized: normalized.foldedText, tokens: tokens, entities: entities, candidates: candidates)
    }

    // Places each entity on the tokens it covers exactly; one that starts or ends inside a
    // token (say "li" inside "list") is dropped, which is how word boundaries are kept.
    private func matchInput(_ text: NormalizedText, _ tokens: [Token], _ entities: [Entity]) -> MatchInput {
        var at = [[(end: Int, entity: Entity)]](repeating: [], count: tokens.count)
        for entity in entities {
            guard let start = tokens.firstIndex(where: { $0.range.lowerBound >= entity.range.lowerBound }),
                  tokens[start].range.lowerBound < entity.range.upperBound else { continue }
            var end = start
            while end < tokens.count, tokens[end].range.upperBound <= entity.range.upperBound { end += 1 }
            guard end > start, end == tokens.count || tokens[end].range.lowerBound >= entity.range.upperBound else { continue }
            at[start].append((end, entity))
        }
        var present = [UInt64](repeating: 0, count: rules.lexicon.words.count / 64 + 1)
        for token in tokens where token.id >= 0 { present[token.id >> 6] |= 1 << UInt64(token.id & 63) }
        var types = Set<String>()
        for list in at { for (_, entity) in list { types.insert(entity.type) } }
        return MatchInput(text: text, tokens: tokens, entitiesAt: at, present: present, notNames: rules.notNames, entityTypes: types)
    }
}
