/// What the parser made of one utterance: the contract's intent and slots.
public struct ParseResult: Sendable {
    public var text: String
    /// A contract intent id, or "fallback".
    public var intent: String
    /// 0…1: how much of the utterance the winning pattern explained.
    public var confidence: Double
    /// Slot values in the contract's formats; slots not found are absent.
    public var slots: [String: String]
    /// The language of the utterance, nil when it has no letters.
    public var language: Language?

    public init(text: String, intent: String, confidence: Double, slots: [String: String], language: Language?) {
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.slots = slots
        self.language = language
    }

    public static let fallback = "fallback"
}

/// A pattern that matched, for `--explain` and for ranking.
public struct Candidate: Sendable {
    public var pattern: Pattern
    public var specificity: Specificity
    public var confidence: Double
    public var slots: [String: String]
}

/// Everything the parser saw, for `kaiqu nlu --explain`.
public struct Analysis: Sendable {
    public var result: ParseResult
    public var normalized: String
    public var tokens: [Token]
    public var entities: [Entity]
    /// Every pattern that matched, best first.
    public var candidates: [Candidate]
}
