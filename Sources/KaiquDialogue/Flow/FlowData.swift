import KaiquNLU

/// The flow and its playbooks, from intents/: the steps and their checklists, the kinds of
/// refusal, the buying signals, the MAN and 5C questions, the credit grades and the
/// objection playbooks (block kinds step, item, refusal, signal, man, credit, credit-grade,
/// objection; README "The flow as data").
///
/// Their texts go into the reply catalogue under `kind.name.field`, with `.1`, `.2` … for
/// lines that repeat (`objection.price.answer.2`), so they render, fall back and turn
/// traditional as every reply does. What is kept here is the structure: which items a step
/// has, which are essential, which words tick them or show a refusal or a signal.
public struct FlowData: Sendable {
    public struct Step: Sendable {
        public var number: Int
        /// How many tips the step has, in each language.
        public var tips: [Language: Int]
        /// How many items must be ticked to pass, when it is not "every essential one".
        public var needs: Int?
    }

    public struct Item: Sendable {
        public var id: String
        public var step: Int
        public var essential: Bool
        /// Words that tick it when the rep names it, simplified and lower case as written.
        public var words: [String]
    }

    /// A kind of refusal or buying signal, and the words in a note that show it.
    public struct Cue: Sendable {
        public var kind: String
        public var words: [String]
    }

    public struct Grade: Sendable {
        public var letter: String
        public var min: Int
        /// The credit limit the grade calls for, in days of the customer's average purchases
        /// (`limit-days`: 30 is a month's; 0 is none, cash before delivery), and its terms.
        public var limitDays: Int?
        public var terms: Int?
    }

    public struct Playbook: Sendable {
        public var id: String
        /// How many model answers and things to avoid there are, in each language.
        public var answers: [Language: Int]
        public var avoid: [Language: Int]
        /// The step it belongs to: 5, or 3 for a refusal in disguise (没时间).
        public var step: Int
        /// At step 3, the kind of refusal it is (indirect, direct).
        public var refusal: String?
    }

    public internal(set) var steps: [Int: Step] = [:]
    public internal(set) var items: [Item] = []
    public internal(set) var refusals: [Cue] = []
    public internal(set) var signals: [Cue] = []
    public internal(set) var grades: [Grade] = []
    /// What reps say when they answer a 5C question in words, by question (character…).
    public internal(set) var creditAnswers: [String: CreditAnswers] = [:]

    /// The words that give each score (`5: 从不拖欠 | 一直准时`, written folded), and for a
    /// question about a ratio the score of each ceiling (`ratio: 30=5 | 50=3 | 100=1`: 30% or
    /// less is 5).
    public struct CreditAnswers: Sendable {
        public var words: [(score: Int, words: [String])] = []
        public var ratio: [(ceiling: Int, score: Int)] = []
    }
    public internal(set) var objections: [String: Playbook] = [:]
    /// How a rep answers a checklist, from the `checklist answers` block.
    public internal(set) var answers = ChecklistAnswers()

    /// Words in answers to a checklist.
    public struct ChecklistAnswers: Sendable {
        /// The whole answer ticks every item (全部, all done).
        public var all: [String] = []
        /// A clause with one of these ticks nothing (没带, forgot).
        public var notDone: [String] = []
        /// Phrases that only look like `notDone` (没问题).
        public var except: [String] = []
        /// Words that start a new clause (但是, but), for text typed without punctuation.
        public var turns: [String] = []
    }

    /// The refusal kinds: what it is about, then how it is said.
    public static let refusalAbout = ["person", "product", "instinct"]
    public static let refusalForm = ["indirect", "direct"]
    public static let man = ["money", "authority", "need"]
    /// The 5C, in the order they are asked.
    public static let credit = ["character", "capacity", "capital", "collateral", "conditions"]

    /// The block kinds read here.
    static let kinds: Set<String> = ["step", "item", "objection", "refusal", "signal", "man", "credit", "credit-grade", "checklist"]

    /// The checklist of a step, in file order.
    public func items(of step: Int) -> [Item] { items.filter { $0.step == step } }

    /// Reads the blocks, adding their texts to `catalogue`; `objectionIDs` are the values of
    /// the objection lookup, each of which needs a playbook.
    init(blocks: [DataBlock], objectionIDs: Set<String>, into catalogue: inout ReplyCatalogue) throws(DataErrors) {
        var errors: [DataError] = []
        var seenMan = Set<String>(), seenCredit = Set<String>()
        for block in blocks where Self.kinds.contains(block.kind) {
            let texts = Texts(block: block)
            func require(_ fields: [String]) {
                for field in fields {
                    for (language, code) in [(Language.zhHans, "zh"), (.en, "en")] where !texts.entries.contains(where: { $0.field == field && $0.language == language }) {
                        errors.append(block.location.error(.missingKey(field == "name" ? code : field + "." + code, block: block.kind)))
                    }
                }
            }
            let prefix = block.kind + "." + block.name
            switch block.kind {
            case "step":
                guard let number = Int(block.name), (1...FlowState.maintenance).contains(number) else {
                    errors.append(block.location.error(.unknownBlock("step " + block.name, known: (1...FlowState.maintenance).map { "step \($0)" })))
                    continue
                }
                require(["name", "intro", "done", "tip"])
                steps[number] = Step(number: number, tips: texts.counts("tip"), needs: texts.plain["needs"].flatMap { Int($0) })
            case "item":
                guard let step = block.name.split(separator: ".").first.flatMap({ Int($0) }), (1...FlowState.maintenance).contains(step) else {
                    errors.append(block.location.error(.missingKey("STEP.ID", block: "item " + block.name)))
                    continue
                }
                require(["group", "ask"])
                items.append(Item(id: block.name, step: step, essential: texts.plain["essential"] == "yes",
                                  words: texts.words("words")))
            case "refusal":
                guard (Self.refusalAbout + Self.refusalForm).contains(block.name) else {
                    errors.append(block.location.error(.unknownBlock("refusal " + block.name, known: (Self.refusalAbout + Self.refusalForm).map { "refusal " + $0 })))
                    continue
                }
                require(["name", "tell", "respond"])
                refusals.append(Cue(kind: block.name, words: texts.words("cue")))
            case "signal":
                require(["name", "tell"])
                signals.append(Cue(kind: block.name, words: texts.words("cue")))
            case "checklist":
                guard block.name == "answers" else {
                    errors.append(block.location.error(.unknownBlock("checklist " + block.name, known: ["checklist answers"])))
                    continue
                }
                answers = ChecklistAnswers(all: texts.words("all"), notDone: texts.words("not-done"), except: texts.words("except"), turns: texts.words("turn"))
            case "man", "credit":
                let known = block.kind == "man" ? Self.man : Self.credit
                guard known.contains(block.name) else {
                    errors.append(block.location.error(.unknownBlock(block.kind + " " + block.name, known: known.map { block.kind + " " + $0 })))
                    continue
                }
                require(["name", "ask"])
                if block.kind == "man" { seenMan.insert(block.name) } else { seenCredit.insert(block.name) }
                if block.kind == "credit" {
                    var answers = CreditAnswers(words: (1...5).map { ($0, texts.words(String($0))) }.filter { !$0.1.isEmpty })
                    for entry in texts.words("ratio") {
                        let parts = entry.split(separator: "=")
                        guard parts.count == 2, let ceiling = Int(parts[0]), let score = Int(parts[1]), (1...5).contains(score) else {
                            errors.append((texts.plainLines["ratio"]?.location ?? block.location).error(.notANumber(entry)))
                            continue
                        }
                        answers.ratio.append((ceiling, score))
                    }
                    answers.ratio.sort { $0.ceiling < $1.ceiling }
                    creditAnswers[block.name] = answers
                }
            case "credit-grade":
                guard let min = texts.plain["min"].flatMap({ Int($0) }) else {
                    errors.append(block.location.error(.missingKey("min", block: "credit-grade")))
                    continue
                }
                require(["name", "advice"])
                var grade = Grade(letter: block.name, min: min)
                for key in ["limit-days", "terms"] {
                    guard let value = texts.plain[key] else { continue }
                    guard let days = Int(value), days >= 0 else {
                        errors.append(block.location.error(.notANumber(value)))
                        continue
                    }
                    if key == "terms" { grade.terms = days } else { grade.limitDays = days }
                }
                grades.append(grade)
            case "objection":
                require(["name", "real", "false", "listen", "acknowledge", "clarify", "respond", "confirm", "next", "answer", "avoid", "followup"])
                if !objectionIDs.contains(block.name) {
                    errors.append(block.location.error(.unknownBlock("objection " + block.name, known: objectionIDs.sorted().map { "objection " + $0 })))
                }
                let step = texts.plain["step"].flatMap { Int($0) } ?? 5
                let refusal = texts.plain["refusal"]
                if step == 3, !Self.refusalForm.contains(refusal ?? "") {
                    errors.append(block.location.error(.missingKey("refusal", block: "objection " + block.name)))
                }
                objections[block.name] = Playbook(id: block.name, answers: texts.counts("answer"), avoid: texts.counts("avoid"),
                                                  step: step, refusal: refusal)
            default:
                continue
            }
            texts.add(to: &catalogue, prefix: prefix)
        }
        let at = blocks.first { Self.kinds.contains($0.kind) }?.location ?? SourceLocation(file: "intents/flow.steps.kaiqu", line: 1, column: 1)
        var missing = (1...FlowState.maintenance).filter { steps[$0] == nil }.map { "step \($0)" }
        missing += Self.man.filter { !seenMan.contains($0) }.map { "man " + $0 }
        missing += Self.credit.filter { !seenCredit.contains($0) }.map { "credit " + $0 }
        missing += objectionIDs.sorted().filter { objections[$0] == nil }.map { "objection " + $0 }
        if grades.isEmpty { missing.append("credit-grade A") }
        if answers.all.isEmpty { missing.append("checklist answers") }
        errors += missing.map { at.error(.missingBlock($0)) }
        if !errors.isEmpty { throw DataErrors(errors) }
        grades.sort { $0.min > $1.min }
    }

    /// The grade a total of 5C scores earns: the highest whose minimum it reaches.
    public func grade(total: Int) -> String? { (grades.first { total >= $0.min } ?? grades.last)?.letter }

    /// The grade with this letter.
    public func grade(_ letter: String) -> Grade? { grades.first { $0.letter == letter } }
}

/// The lines of one block, by field and language: `tip.zh: …` is field tip, language zh;
/// `zh: …` is the block's name. Keys without a language (`essential:`, `cue:`) are plain.
/// Kept as a list in file order: a block has a few dozen lines at most.
private struct Texts {
    var entries: [(field: Substring, language: Language, value: String)] = []
    var plain: [String: String] = [:]
    var plainLines: [String: DataLine] = [:]

    init(block: DataBlock) {
        for line in block.lines {
            guard let key = line.key else { continue }
            let language: Language?
            let field: Substring
            if let dot = key.utf8.lastIndex(of: UInt8(ascii: ".")) {
                language = Self.language(key[key.index(after: dot)...])
                field = key[..<dot]
            } else {
                language = Self.language(key[...])
                field = "name"
            }
            if let language { entries.append((field, language, line.value)) } else { plain[key] = line.value; plainLines[key] = line }
        }
    }

    private static func language(_ code: Substring) -> Language? {
        switch code {
        case "zh": .zhHans
        case "zh-Hant": .zhHant
        case "en": .en
        default: nil
        }
    }

    func counts(_ field: String) -> [Language: Int] {
        let zh = entries.filter { $0.field == field && $0.language == .zhHans }.count
        let hant = entries.filter { $0.field == field && $0.language == .zhHant }.count
        return [.zhHans: zh, .zhHant: hant == 0 ? zh : hant, .en: entries.filter { $0.field == field && $0.language == .en }.count]
    }

    // Data words are written folded already (simplified, lower case), as in every list of
    // intents/: only the rep's text is folded before it is compared with them.
    func words(_ key: String) -> [String] { plainLines[key]?.entries ?? [] }

    // One catalogue key per field, with .1, .2 … for fields that repeat (counted among the
    // block's few lines, not hashed).
    func add(to catalogue: inout ReplyCatalogue, prefix: String) {
        for (index, entry) in entries.enumerated() {
            var key = entry.field == "name" ? prefix : prefix + "." + entry.field
            if entry.field == "tip" || entry.field == "answer" || entry.field == "avoid" {
                let before = entries[..<index].filter { $0.field == entry.field && $0.language == entry.language }.count
                key += ".\(before + 1)"
            }
            catalogue.add(key, entry.language, entry.value)
        }
    }
}
