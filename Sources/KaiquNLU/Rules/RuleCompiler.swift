/// Compiles the blocks of intents/ into a `RuleSet`: lists, lookups and filler first (patterns
/// refer to them from any file), then intents in load order.
final class RuleCompiler {
    let normalizer: Normalizer
    let lexicon = Lexicon()
    private var lists: [String: [[Int]]] = [:]
    private var lookups: [String: LookupTrie] = [:]
    private var lookupWords: [String: [String: [String]]] = [:]
    private let filler = Filler()
    private var builtInTypes: [String: SlotType] = [
        "customer": .customer, "name": .name, "text": .text, "number": .entity("number"),
    ]
    private var defined: [String: SourceLocation] = [:]

    init(normalizer: Normalizer, entityTypes: [String]) {
        self.normalizer = normalizer
        // "customer" keeps its own type: a known customer, or else a name as typed.
        for type in entityTypes where builtInTypes[type] == nil { builtInTypes[type] = .entity(type) }
    }

    var slotTypeNames: [String] { (Array(builtInTypes.keys) + Array(lookups.keys)).sorted() }

    func slotType(named name: String) -> SlotType? {
        builtInTypes[name] ?? (lookups[name] != nil ? .entity(name) : nil)
    }

    func list(named name: String) -> [[Int]]? { lists[name] }

    /// A list as a pattern element, built once however many patterns name it.
    func listElement(named name: String) -> PatternElement? {
        if let cached = listElements[name] { return cached }
        guard let entries = lists[name] else { return nil }
        let element = PatternElement.choice(entries.map { $0.map(PatternElement.word) }, optional: false)
        listElements[name] = element
        return element
    }
    private var listElements: [String: PatternElement] = [:]

    /// Folds and tokenizes fixed text as the input will be, filler removed.
    func words(_ text: String) -> [Int] {
        let folded = text.unicodeScalars.map(normalizer.fold)
        // All Han (most entries): one token per character, no Token values to build.
        if !folded.isEmpty, folded.allSatisfy({ ScalarClass.isHan($0.value) }) {
            return filler.removingAnywhere(folded.map { lexicon.intern(String($0)) })
        }
        let ids = Tokenizer.tokens(of: folded, lexicon: nil).map { lexicon.intern($0.text) }
        return filler.removingAnywhere(ids)
    }

    func compile(blocks: [DataBlock]) throws(DataErrors) -> RuleSet {
        var errors: [DataError] = []
        // Names must be unique per kind across all files: a second definition would otherwise
        // silently change what the first one means.
        for block in blocks where ["intent", "list", "lookup", "reply"].contains(block.kind) {
            let key = block.kind + " " + block.name
            if block.name.isEmpty {
                errors.append(block.location.error(.blockWithoutName(block.kind)))
            } else if let first = defined[key] {
                errors.append(block.location.error(.duplicateBlock(key, firstAt: first.description)))
            } else {
                defined[key] = block.location
            }
        }
        let notNames = LookupTrie()
        for block in blocks where block.kind == "filler" {
            for line in block.lines {
                let trie: LookupTrie
                switch line.key {
                case "start": trie = filler.start
                case "end": trie = filler.end
                case "anywhere": trie = filler.anywhere
                default:
                    errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "filler", expected: ["start", "end", "anywhere"])))
                    continue
                }
                // Filler words themselves are folded but not stripped of filler.
                for entry in Self.entries(line) {
                    let ids = Tokenizer.tokens(of: normalizer.normalize(entry).scalars, lexicon: nil).map { lexicon.intern($0.text) }
                    if !ids.isEmpty { _ = trie.insert(ids, value: "") }
                }
            }
        }
        for block in blocks where block.kind == "list" {
            var entries: [[Int]] = []
            for line in block.lines {
                if line.key != nil {
                    errors.append(line.location.error(.keyedLineInList))
                }
                for entry in Self.entries(line) {
                    let ids = words(entry)
                    if !ids.isEmpty && !entries.contains(ids) { entries.append(ids) }
                }
            }
            // Longest first, so a longer synonym is tried before its prefix.
            lists[block.name] = entries.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
            if block.name == "not-names" { for entry in entries { _ = notNames.insert(entry, value: "") } }
        }
        for block in blocks where block.kind == "lookup" {
            let trie = LookupTrie()
            for line in block.lines {
                // `value: synonym | …`, or just `synonym | …` whose first synonym is the value
                // (regions: 杭州 | 杭州市 | hangzhou).
                let entries = Self.entries(line)
                guard let value = line.key ?? entries.first else { continue }
                lookupWords[block.name, default: [:]][value, default: []] += entries
                for entry in entries {
                    let ids = words(entry)
                    if ids.isEmpty { continue }
                    if let other = trie.insert(ids, value: value) {
                        errors.append(line.location.error(.synonymConflict(entry, means: other, lookup: block.name)))
                    }
                }
            }
            lookups[block.name] = trie
        }
        var patterns: [Pattern] = []
        var intents: [IntentRule] = []
        for block in blocks where block.kind == "intent" {
            var rule = IntentRule(id: block.name, location: block.location, examples: [])
            for line in block.lines {
                switch line.key {
                case "zh", "en":
                    var parser = PatternParser(source: line.value, location: line.location, compiler: self)
                    do {
                        let elements = try parser.parse()
                        patterns.append(Pattern(intent: block.name, language: line.key!, source: line.value,
                                                location: line.location, order: patterns.count,
                                                elements: elements, required: Pattern.requirements(elements),
                                                requiredTypes: Pattern.typeRequirements(elements)))
                    } catch { errors.append(error) }
                case "example", "not":
                    do { rule.examples.append(try Example.parse(line, positive: line.key == "example")) } catch { errors.append(error) }
                default:
                    errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "intent", expected: ["zh", "en", "example", "not"])))
                }
            }
            intents.append(rule)
        }
        var fixture: Fixture?
        do { fixture = try Fixture(blocks: blocks) } catch { errors += error.errors }
        if !errors.isEmpty { throw DataErrors(errors) }
        var extractors: [any EntityExtractor] = []
        for name in lookups.keys.sorted() { extractors.append(LookupExtractor(name: name, root: lookups[name]!)) }
        return RuleSet(normalizer: normalizer, lexicon: lexicon, patterns: patterns, intents: intents,
                       lookupExtractors: extractors, lookupWords: lookupWords, filler: filler, lists: lists, notNames: notNames,
                       blocks: blocks.filter { !RuleSet.kinds.contains($0.kind) }, fixture: fixture!)
    }

    static func entries(_ line: DataLine) -> [String] {
        line.value.utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

/// An intent block: its id, where it is, and its examples.
public struct IntentRule: Sendable {
    public var id: String
    public var location: SourceLocation
    public var examples: [Example]
}
