/// What the parser made of one utterance: the contract's intent and slots.
public struct ParseResult: Sendable, Codable, Equatable {
    public var text: String
    /// A contract intent id, or "fallback".
    public var intent: String
    /// 0…1: how much of the utterance the winning pattern explained.
    public var confidence: Double
    /// Slot values in the contract's formats; slots not found are absent.
    public var slots: [String: String]
    /// The language of the utterance, nil when it has no letters.
    public var language: Language?
    /// Which layer decided the intent.
    public var reading: Reading = .none
    /// True when a typo correction overruled a reading that was sure as typed (拜访 … 取宵):
    /// a change of mind the chat confirms before it acts, whoever is named.
    public var overruled = false

    /// A reading by cues alone, weak and naming no customer: while a question is pending, the
    /// dialogue takes such a line as a possible answer rather than as a new request
    /// (没放弃，留了名片 answers a checklist; it is not a lost deal).
    public var isTentative: Bool {
        (reading == .cues || reading == .typoCues) && confidence < 0.75 && slots["customer"] == nil
    }

    public init(text: String, intent: String, confidence: Double, slots: [String: String], language: Language?) {
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.slots = slots
        self.language = language
    }

    public static let fallback = "fallback"

    /// The contract intents whose handling changes the store: a reading of one of them needs
    /// clear evidence (the typo pass asks for its object; the chat asks about a loose one).
    public static let changingStore: Set<String> = ["customer.add", "customer.update", "customer.delete", "customer.note", "visit.schedule",
                                                    "visit.log", "visit.cancel", "deal.won", "deal.lost", "qualify.man"]

    /// What takes most away: deleting a card. A typo reading of it takes only slips of the very
    /// same sound (删出 → 删除), never a near one (直接上 is no 直接删).
    public static let destructive: Set<String> = ["customer.delete"]
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
    /// The best cue scores (intent, score, the cue lines that held as file:line, weight, source).
    public var cueScores: [CueScore]
    /// Words folded before matching (Cantonese 佢 → 他), as typed → as read.
    public var rewrites: [(from: String, to: String)]
    /// Typos corrected on the typo pass (客护 → 客户, custmer → customer).
    public var typos: [(from: String, to: String)]
}

/// One intent's cue score, for `--explain`.
public struct CueScore: Sendable {
    public var intent: String
    public var score: Double
    public var lines: [(location: String, weight: Double, source: String)]
}

/// Which layer decided an utterance's intent.
public enum Reading: String, Sendable, Codable {
    /// Nothing fitted: fallback.
    case none
    /// An exact pattern, as written in intents/.
    case pattern
    /// The cues of intents/ (no pattern covered the sentence, or cues outweighed a loose one).
    case cues
    /// A pattern, once typos were corrected.
    case typoPattern = "pattern after typo correction"
    /// Cues, once typos were corrected.
    case typoCues = "cues after typo correction"
}
