import KaiquNLU

/// The work of one event: what the dialogue knows, what it has said and asked so far.
/// Handlers are extensions of it, one file per intent.
struct Turn {
    let dialogue: Dialogue
    let records: any Records
    let context: DialogueContext
    var state: DialogueState
    private(set) var effects: [Effect] = []
    /// A customer the rep picked from a numbered choice, for the request being resumed.
    var chosen: CustomerID?

    init(dialogue: Dialogue, records: any Records, context: DialogueContext, state: DialogueState) {
        self.dialogue = dialogue
        self.records = records
        self.context = context
        self.state = state
    }

    var language: Language { state.language }
    var rules: RuleSet { dialogue.rules }
    var catalogue: ReplyCatalogue { dialogue.catalogue }
    var today: CivilDay { context.today }

    /// Says a reply from the catalogue.
    mutating func say(_ key: String, _ parameters: ReplyParameters = [:]) {
        effects.append(.say(Reply(key, language, parameters)))
    }

    /// Says a tip, the first time only.
    mutating func tip(_ key: String, _ parameters: ReplyParameters = [:]) {
        guard state.tipsGiven.insert(key).inserted else { return }
        say(key, parameters)
    }

    /// Says text already composed (a table row, a list line).
    mutating func line(_ text: String) {
        effects.append(.say(Reply("line", language, ["text": text])))
    }

    /// Asks the caller to make a change; its acknowledgement comes with `.applied`.
    mutating func apply(_ change: Change) {
        effects.append(.apply(change))
    }

    mutating func end() { effects.append(.end) }

    /// Asks the caller to read a line again now that the store has changed.
    mutating func reread(_ text: String) { effects.append(.reread(text)) }

    /// A reply rendered now, to be part of another.
    func text(_ key: String, _ parameters: ReplyParameters = [:]) -> String {
        catalogue.render(key, language, parameters)
    }

    /// A lookup value in words: role dealer → 经销商, level 2 → 二级.
    func label(_ lookup: String, _ value: String) -> String {
        // Regions are thousands: their English names are looked up when needed, not at start-up.
        if lookup == "region", language == .en, let name = rules.label(of: value, lookup: "region", chinese: false) {
            return name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        return dialogue.valueLabels[lookup]?[value]?[language] ?? value
    }

    /// A count from the records as a rep reads it: "1000+" once it passed `countLimit`.
    func counted(_ total: Int, less shown: Int = 0) -> String {
        total > countLimit ? text("count.at_least", ["count": String(countLimit - shown)]) : String(total - shown)
    }

    /// The folded key a name is found by.
    func key(_ name: String) -> String { NameKey.of(name, normalizer: rules.normalizer) }
}

extension Array where Element == String {
    /// The items as one phrase in the turn's language: 甲，乙，丙 / a, b, c.
    /// The list is built from the pieces of the pair reply around its two values: rendering
    /// it for each item around all the items before is quadratic, and a card shows lists of a
    /// dozen fields on every look.
    func joinedList(_ turn: Turn) -> String {
        guard var out = first else { return "" }
        // An English "1" makes the next words singular, which only the whole rendering knows.
        guard let (before, between, after) = turn.catalogue.around("list.pair", turn.language, first: "a", second: "b"),
              turn.language != .en || !contains("1") else {
            for item in dropFirst() { out = turn.text("list.pair", ["a": out, "b": item]) }
            return out
        }
        if !before.isEmpty { out = String(repeating: String(before), count: count - 1) + out }
        for item in dropFirst() {
            out += between
            out += item
            out += after
        }
        return out
    }
}
