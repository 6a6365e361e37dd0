import KaiquNLU

/// The data of intents/ the dialogue reads besides patterns: replies, the cadence policy,
/// the cue words that file notes into the software profile, and the calendar (festivals and
/// holiday schedules, which the NLU reads too).
///
///     policy cadence             days between contacts
///       A: 7                     by card
///       level-2: 7               by level (key customers)
///       otherwise: 30
///
///     profile hobbies            a note "喜欢钓鱼" fills hobbies = 钓鱼
///       after: 喜欢 | 爱 | likes    the value is what follows the cue
///       whole: 钓鱼                 the value is the whole clause
///
///     columns import             headers `kaiqu import` reads: field: header | header
///       phone: phone | 电话 | 手机
///     columns sales              …in an orders or payments file
///       amount: amount | 金额
public struct DialogueData: Sendable {
    /// Replaced once with traditional texts filled in, when a rep first writes traditional.
    public var catalogue: ReplyCatalogue
    public let cadence: Cadence
    public let profileCues: [ProfileCue]
    /// Festivals, holiday breaks and 调休 days (intents/calendar.kaiqu, `SalesCalendar`).
    public let calendar: SalesCalendar
    /// Column headers `kaiqu import` understands, folded (lower case), by card field.
    public let importColumns: [String: String]
    /// …and in an orders or payments file (`columns sales`), by sale field.
    public let saleColumns: [String: String]
    /// The development flow and its playbooks.
    public let flow: FlowData
    /// The role-play scenarios and the moves a rep's line is read for.
    public let training: TrainingData
    /// Days after an order its payment is due, for customers without terms of their own.
    public let receivableTerms: Int
    /// Days after a late payer's cause is recorded to follow up on collecting, by cause
    /// (`policy receivables`, `follow-up.cash: 7`).
    public let collectionDays: [String: Int]

    /// The block kinds read here, besides the NLU's own.
    public static let kinds: Set<String> = Set(["reply", "policy", "profile", "columns"]).union(FlowData.kinds).union(TrainingData.kinds)

    /// Reads the blocks of `rules` the dialogue needs.
    public init(rules: RuleSet) throws(DataErrors) {
        try self.init(blocks: rules.blocks, objectionIDs: Set(rules.lookupWords["objection"].map { Array($0.keys) } ?? []),
                      causeIDs: Set(rules.lookupWords["overdue-cause"].map { Array($0.keys) } ?? []), calendar: rules.calendar)
    }

    init(blocks: [DataBlock], objectionIDs: Set<String>, causeIDs: Set<String> = [], calendar: SalesCalendar = SalesCalendar()) throws(DataErrors) {
        var errors: [DataError] = []
        var catalogue: ReplyCatalogue?
        do { catalogue = try ReplyCatalogue(blocks: blocks) } catch { errors += error.errors }
        var cadence = Cadence()
        var cues: [ProfileCue] = []
        var columns: [String: [String: String]] = [:]
        var terms = 30
        var collectionDays: [String: Int] = [:]
        for block in blocks {
            switch block.kind {
            case "columns":
                guard ["import", "sales"].contains(block.name) else {
                    errors.append(block.location.error(.unknownBlock("columns " + block.name, known: ["columns import", "columns sales"])))
                    continue
                }
                for line in block.lines {
                    guard let field = line.key else {
                        errors.append(line.location.error(.missingKey("field", block: "columns")))
                        continue
                    }
                    for header in line.entries { columns[block.name, default: [:]][header.lowercased()] = field }
                }
            case "policy" where block.name == "cadence":
                for line in block.lines {
                    guard let days = Int(line.value), days > 0 else {
                        errors.append(line.location.error(.notANumber(line.value)))
                        continue
                    }
                    switch line.key ?? "" {
                    case "A", "B", "C": cadence.byCard[line.key!] = days
                    case "otherwise": cadence.otherwise = days
                    case let key where key.hasPrefix("level-") && Int(key.dropFirst(6)).map({ (1...4).contains($0) }) == true:
                        cadence.byLevel[Int(key.dropFirst(6))!] = days
                    default:
                        errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "policy cadence",
                                                                      expected: ["A", "B", "C", "level-1", "level-2", "level-3", "level-4", "otherwise"])))
                    }
                }
            case "policy" where block.name == "receivables":
                let expected = ["terms"] + causeIDs.sorted().map { "follow-up." + $0 }
                for line in block.lines {
                    guard let key = line.key, expected.contains(key) else {
                        errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "policy receivables", expected: expected)))
                        continue
                    }
                    guard let days = Int(line.value), days >= 0 else {
                        errors.append(line.location.error(.notANumber(line.value)))
                        continue
                    }
                    if key == "terms" { terms = days } else { collectionDays[String(key.dropFirst("follow-up.".count))] = days }
                }
            case "policy":
                errors.append(block.location.error(.unknownBlock("policy " + block.name, known: ["policy cadence", "policy receivables"])))
            case "profile":
                guard ProfileField.all.contains(block.name) else {
                    errors.append(block.location.error(.unknownBlock("profile " + block.name, known: ProfileField.all.map { "profile " + $0 })))
                    continue
                }
                for line in block.lines {
                    let words = line.entries
                    switch line.key {
                    case "after": cues += words.map { ProfileCue(field: block.name, word: $0, keepsWhole: false) }
                    case "whole": cues += words.map { ProfileCue(field: block.name, word: $0, keepsWhole: true) }
                    default: errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "profile", expected: ["after", "whole"])))
                    }
                }
            default:
                continue
            }
        }
        // Each overdue cause has its name, strategy and follow-up task.
        if let catalogue {
            let at = blocks.first { $0.kind == "policy" && $0.name == "receivables" }?.location
                ?? SourceLocation(file: "intents/accounts.kaiqu", line: 1, column: 1)
            for id in causeIDs.sorted() {
                for key in ["cause.\(id)", "cause.\(id).strategy", "cause.\(id).task"] where !catalogue.has(key) {
                    errors.append(at.error(.missingReply(key)))
                }
            }
        }
        var flow: FlowData?
        if var filled = catalogue {
            do { flow = try FlowData(blocks: blocks, objectionIDs: objectionIDs, into: &filled) } catch { errors += error.errors }
            catalogue = filled
        }
        var training: TrainingData?
        do { training = try TrainingData(blocks: blocks, objectionIDs: objectionIDs) } catch { errors += error.errors }
        if !errors.isEmpty { throw DataErrors(errors) }
        self.catalogue = catalogue!
        self.flow = flow!
        self.training = training!
        self.receivableTerms = terms
        self.collectionDays = collectionDays
        self.cadence = cadence
        // Longest cue first, so 喜欢玩 wins over 喜欢.
        self.profileCues = cues.sorted { $0.word.count > $1.word.count }
        self.calendar = calendar
        self.importColumns = columns["import"] ?? [:]
        self.saleColumns = columns["sales"] ?? [:]
    }
}

/// A word in a note that says which profile field the note fills.
public struct ProfileCue: Sendable, Equatable {
    public var field: String
    public var word: String
    /// True: the whole clause is the value (他老婆姓刘 → family); false: what follows the cue
    /// (喜欢钓鱼 → hobbies = 钓鱼).
    public var keepsWhole: Bool
}

/// The fields of the two profiles, in the order a card shows them. The method calls the
/// first the "hardware" (20 %) and the second the "software" (80 %) of knowing a customer.
public enum ProfileField {
    public static let hardware = ["gender", "age", "spend", "products"]
    public static let software = ["work", "family", "personality", "spending", "hobbies", "habits", "service", "promotion", "values"]
    public static let all = hardware + software
}
