import KaiquNLU

/// Role-play training, from intents/: the scenarios Kaiqu plays (roleplay.scenarios.kaiqu)
/// and the words that tell what a rep's line does (the `moves` block of roleplay.kaiqu).
public struct TrainingData: Sendable {
    /// The scenarios in file order: the menu shows them so.
    public internal(set) var scenarios: [Scenario] = []
    /// Words that show a move, written folded (simplified, lower case), by move.
    public internal(set) var cues: [Move: [String]] = [:]
    /// Words that name the competitor: a put-down (`knock`) counts only with one of them.
    public internal(set) var knockTargets: [String] = []
    /// Negations: a cue shortly after one does not count (Chinese within four characters,
    /// English within the clause's last few words); `negationExceptions` only look like one (要不).
    public internal(set) var negationsChinese: [String] = []
    public internal(set) var negationsEnglish: [String] = []
    public internal(set) var negationExceptions: [String] = []
    /// Currencies written before the figure (RM3, $24).
    public internal(set) var currencies: [String] = []
    /// Longer than this is talking at the dealer, not with him: Chinese characters, English words.
    public internal(set) var longChinese = 80
    public internal(set) var longEnglish = 50

    /// The block kinds read here.
    static let kinds: Set<String> = ["scenario", "moves"]

    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

    init(blocks: [DataBlock], objectionIDs: Set<String>) throws(DataErrors) {
        var errors: [DataError] = []
        var seen: [String: SourceLocation] = [:]
        for block in blocks where Self.kinds.contains(block.kind) {
            if block.kind == "moves" {
                guard block.name == "roleplay" else {
                    errors.append(block.location.error(.unknownBlock("moves " + block.name, known: ["moves roleplay"])))
                    continue
                }
                for line in block.lines {
                    switch line.key {
                    case Move.knockTarget:
                        knockTargets += line.entries
                    case "negation-zh": negationsChinese += line.entries
                    case "negation-en": negationsEnglish += line.entries
                    case "not-negation": negationExceptions += line.entries
                    case "currency": currencies += line.entries
                    case "long-zh", "long-en":
                        guard let limit = Int(line.value), limit > 0 else {
                            errors.append(line.location.error(.notANumber(line.value)))
                            continue
                        }
                        if line.key == "long-zh" { longChinese = limit } else { longEnglish = limit }
                    case let key?:
                        guard let move = Move(rawValue: key) else {
                            errors.append(line.location.error(.unknownKey(key, block: "moves roleplay",
                                                                          expected: Move.cued.map(\.rawValue) + [Move.knockTarget, "negation-zh", "negation-en", "not-negation", "currency", "long-zh", "long-en"])))
                            continue
                        }
                        cues[move, default: []] += line.entries
                    case nil:
                        errors.append(line.location.error(.missingKey("move", block: "moves roleplay")))
                    }
                }
                continue
            }
            if let first = seen[block.name] {
                errors.append(block.location.error(.duplicateBlock("scenario " + block.name, firstAt: first.description)))
                continue
            }
            seen[block.name] = block.location
            do { scenarios.append(try Scenario(block: block, objectionIDs: objectionIDs)) } catch { errors += error.errors }
        }
        let at = blocks.first { Self.kinds.contains($0.kind) }?.location ?? SourceLocation(file: "intents/roleplay.kaiqu", line: 1, column: 1)
        errors += Move.cued.filter { (cues[$0] ?? []).isEmpty }.map { at.error(.missingKey($0.rawValue, block: "moves roleplay")) }
        if knockTargets.isEmpty { errors.append(at.error(.missingKey(Move.knockTarget, block: "moves roleplay"))) }
        if scenarios.isEmpty { errors.append(at.error(.missingBlock("scenario"))) }
        if !errors.isEmpty { throw DataErrors(errors) }
    }
}

/// A dealer Kaiqu plays: who he is, what he objects to, and his lines for each turn of the
/// meeting (see the header of intents/roleplay.scenarios.kaiqu).
public struct Scenario: Sendable {
    public var id: String
    /// The language he speaks and the scorecard is written in.
    public var language: Language
    public var title: String
    public var speaker: String
    /// The objection he raises: its playbook gives the scorecard's model lines.
    public var objection: String
    /// The step it trains most: 3 (a refusal) or 5 (an objection).
    public var step: Int
    public var scene: String
    /// His lines by when he says them; the kinds that repeat are said in turn.
    public var lines: [String: [String]]

    /// The kinds of line each scenario has.
    static let lineKinds = ["opening", "refusal", "raise", "soft", "hard", "knock", "concede", "monologue", "early",
                            "signal", "nudge", "close", "leave", "timeout"]
    static let keys = ["language", "title", "speaker", "objection", "step", "scene"] + lineKinds

    /// His line of `kind`, the `n`th time he says one (0 first), round and round.
    public func line(_ kind: String, _ n: Int) -> String {
        let said = lines[kind] ?? []
        return said.isEmpty ? "" : said[n % said.count]
    }

    init(block: DataBlock, objectionIDs: Set<String>) throws(DataErrors) {
        var errors: [DataError] = []
        var plain: [String: String] = [:]
        var lines: [String: [String]] = [:]
        for line in block.lines {
            guard let key = line.key, Self.keys.contains(key) else {
                errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "scenario", expected: Self.keys)))
                continue
            }
            if Self.lineKinds.contains(key) { lines[key, default: []].append(line.value) } else { plain[key] = line.value }
        }
        for key in ["language", "title", "speaker", "objection", "scene"] + Self.lineKinds where plain[key] == nil && lines[key] == nil {
            errors.append(block.location.error(.missingKey(key, block: "scenario " + block.name)))
        }
        for kind in ["soft", "hard"] where (lines[kind]?.count ?? 0) == 1 {
            errors.append(block.location.error(.missingKey(kind + " (two or more)", block: "scenario " + block.name)))
        }
        let language: Language? = switch plain["language"] {
        case "zh-Hans", "zh": .zhHans
        case "zh-Hant": .zhHant
        case "en": .en
        default: nil
        }
        if plain["language"] != nil, language == nil {
            errors.append(block.location.error(.unknownKey(plain["language"]!, block: "scenario language", expected: ["zh-Hans", "zh-Hant", "en"])))
        }
        if let objection = plain["objection"], !objectionIDs.isEmpty, !objectionIDs.contains(objection) {
            errors.append(block.location.error(.unknownKey(objection, block: "scenario objection", expected: objectionIDs.sorted())))
        }
        let step = plain["step"].map { Int($0) } ?? 5
        if step == nil || ![3, 4, 5, 6].contains(step!) { errors.append(block.location.error(.notANumber(plain["step"] ?? ""))) }
        if !errors.isEmpty { throw DataErrors(errors) }
        id = block.name
        self.language = language!
        title = plain["title"]!
        speaker = plain["speaker"]!
        objection = plain["objection"]!
        self.step = step!
        scene = plain["scene"]!
        self.lines = lines
    }
}
