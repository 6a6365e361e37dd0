/// Compiles the blocks of intents/ into a `RuleSet`: filler first (every other word of the
/// data is read without it), then lists and lookups (patterns refer to them from any file),
/// then intents in load order.
///
/// A value that pattern compilers borrow (`inout`), not a class: it is touched for every word
/// of intents/, and each access to a class's stored property is checked at run time.
struct RuleCompiler {
    let normalizer: Normalizer
    private(set) var lexicon: Lexicon
    let filler: Filler
    var rewriter = PhraseRewriter()
    /// Synonym lists by number, each entry a run of token ids, longest first.
    private(set) var lists: [[[Int]]] = []
    /// For each list, the words its entries start with, sorted: what `~list` requires.
    private(set) var listFirstWords: [[Int]] = []
    private var listIndices: [String: Int] = [:]
    private var lookups: [String: TokenTrie] = [:]
    private var lookupWords: [String: [String: [String]]] = [:]
    private var builtInTypes: [String: SlotType] = [
        "customer": .customer, "name": .name, "text": .text, "number": .entity("number"),
    ]
    /// Entity types by number, as the ops of compiled patterns name them.
    private var entityTypes: [String] = []
    private var entityTypeIDs: [String: Int] = [:]
    /// Slot names by number, as the ops of compiled patterns name them.
    private var slotNames: [String] = []
    private var slotNameIDs: [String: Int] = [:]

    /// The rule set of `blocks`, or every error found in them. `entityTypes` are the types the
    /// built-in extractors find. `checkingExamples` reads the example lines and the fixture
    /// too, only to report their mistakes: they are kept as written either way.
    /// `rewriter`: the words the input is rewritten with (Cantonese), applied to every word of
    /// the data too, so a pattern or synonym written in Cantonese still meets the input.
    static func compile(blocks: [DataBlock], normalizer: Normalizer, rewriter: PhraseRewriter, entityTypes: [String],
                        checkingExamples: Bool) throws(DataErrors) -> RuleSet {
        var errors = namingErrors(blocks)
        var lexicon = Lexicon()
        let filler = compileFiller(blocks, normalizer: normalizer, rewriter: rewriter, lexicon: &lexicon, errors: &errors)
        var compiler = RuleCompiler(normalizer: normalizer, lexicon: lexicon, filler: filler, entityTypes: entityTypes)
        compiler.rewriter = rewriter
        return try compiler.compile(blocks: blocks, checkingExamples: checkingExamples, errors: errors)
    }

    /// The entity types compiling `blocks` gives (`RuleSet.entityTypes`), known before: the
    /// built-in extractors', the date and time ones, and one per lookup.
    static func entityTypes(of blocks: [DataBlock]) -> Set<String> {
        Set(BuiltInExtractors.types + TemporalExtractor.types + blocks.filter { $0.kind == "lookup" }.map(\.name))
    }

    private init(normalizer: Normalizer, lexicon: Lexicon, filler: Filler, entityTypes: [String]) {
        self.normalizer = normalizer
        self.lexicon = lexicon
        self.filler = filler
        // "customer" keeps its own type: a known customer, or else a name as typed.
        for type in entityTypes where builtInTypes[type] == nil { builtInTypes[type] = .entity(type) }
        for type in entityTypes + TemporalExtractor.types { _ = entityType(type) }
        temporalTypes = TemporalExtractor.types.map { entityTypeIDs[$0]! }
    }

    var slotTypeNames: [String] { (Array(builtInTypes.keys) + Array(lookups.keys)).sorted() }

    func slotType(named name: String) -> SlotType? {
        builtInTypes[name] ?? (lookups[name] != nil ? .entity(name) : nil)
    }

    /// The number of a synonym list, or nil when no list has this name.
    func listIndex(named name: String) -> Int? { listIndices[name] }

    /// The number of an entity type, given one if new.
    mutating func entityType(_ name: String) -> Int {
        if let id = entityTypeIDs[name] { return id }
        entityTypeIDs[name] = entityTypes.count
        entityTypes.append(name)
        return entityTypes.count - 1
    }

    /// The numbers of the date and time entity types, which every temporal slot accepts.
    private(set) var temporalTypes: [Int] = []

    /// The number of a slot name, given one if new.
    mutating func slotName(_ name: String) -> Int {
        if let id = slotNameIDs[name] { return id }
        slotNameIDs[name] = slotNames.count
        slotNames.append(name)
        return slotNames.count - 1
    }

    /// Folds and tokenizes fixed text as the input will be, filler removed.
    mutating func words<S: StringProtocol>(_ text: S) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count)
        words(text, into: &ids)
        return ids
    }

    /// The same, appended to `ids`: a caller that only looks at them reuses one array.
    mutating func words<S: StringProtocol>(_ text: S, into ids: inout [Int]) {
        let start = ids.count
        if rewriter.isEmpty {
            lexicon.intern(wordsOf: text, folding: normalizer, into: &ids)
        } else {
            lexicon.intern(wordsOf: rewriter.rewrite(String(text)), folding: normalizer, into: &ids)
        }
        filler.removeAnywhere(from: &ids, startingAt: start)
    }

    // Names must be unique per kind across all files: a second definition would otherwise
    // silently change what the first one means.
    private static func namingErrors(_ blocks: [DataBlock]) -> [DataError] {
        struct Name: Hashable {
            let kind: String
            let name: String
        }
        var errors: [DataError] = []
        var defined: [Name: SourceLocation] = [:]
        defined.reserveCapacity(blocks.count)
        for block in blocks {
            switch block.kind {
            case "intent", "list", "lookup", "reply": break
            default: continue
            }
            if block.name.isEmpty {
                errors.append(block.location.error(.blockWithoutName(block.kind)))
            } else if let first = defined[Name(kind: block.kind, name: block.name)] {
                errors.append(block.location.error(.duplicateBlock(block.kind + " " + block.name, firstAt: first.description)))
            } else {
                defined[Name(kind: block.kind, name: block.name)] = block.location
            }
        }
        return errors
    }

    private static func compileFiller(_ blocks: [DataBlock], normalizer: Normalizer, rewriter: PhraseRewriter, lexicon: inout Lexicon,
                                      errors: inout [DataError]) -> Filler {
        var filler = Filler()
        // Filler words themselves are folded but not stripped of filler.
        func insert(_ line: DataLine, into trie: inout TokenTrie) {
            for entry in line.entries {
                var ids: [Int] = []
                lexicon.intern(wordsOf: rewriter.isEmpty ? entry : rewriter.rewrite(entry), folding: normalizer, into: &ids)
                if !ids.isEmpty { trie.insert(ids, value: "") }
            }
        }
        for block in blocks where block.kind == "filler" {
            for line in block.lines {
                switch line.key {
                case "start": insert(line, into: &filler.start)
                case "end": insert(line, into: &filler.end)
                case "anywhere": insert(line, into: &filler.anywhere)
                default:
                    errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "filler", expected: ["start", "end", "anywhere"])))
                }
            }
        }
        return filler
    }

    private mutating func compile(blocks: [DataBlock], checkingExamples: Bool, errors: [DataError]) throws(DataErrors) -> RuleSet {
        var errors = errors
        var notNames = TokenTrie()
        for block in blocks where block.kind == "list" {
            let entries = compileList(block, errors: &errors)
            if block.name == "not-names" { for entry in entries { notNames.insert(entry, value: "") } }
        }
        for block in blocks where block.kind == "lookup" { compileLookup(block, errors: &errors) }
        var patterns: [Pattern] = []
        var intents: [IntentRule] = []
        for block in blocks where block.kind == "intent" {
            intents.append(compileIntent(block, into: &patterns, checkingExamples: checkingExamples, errors: &errors))
        }
        let fixtureBlocks = blocks.filter { $0.kind == "fixture" }
        if checkingExamples {
            do { _ = try Fixture(blocks: fixtureBlocks) } catch { errors += error.errors }
        }
        if !errors.isEmpty { throw DataErrors(errors) }
        let extractors = lookups.keys.sorted().map { LookupExtractor(name: $0, synonyms: lookups[$0]!) }
        return RuleSet(normalizer: normalizer, lexicon: lexicon, patterns: patterns, intents: intents,
                       lookupExtractors: extractors, lookupWords: lookupWords, filler: filler,
                       lists: lists, listIndices: listIndices, notNames: notNames,
                       entityTypes: entityTypes, slotNames: slotNames,
                       blocks: blocks.filter { !RuleSet.kinds.contains($0.kind) }, fixtureBlocks: fixtureBlocks)
    }

    // A synonym list; returns its entries in the order written.
    private mutating func compileList(_ block: DataBlock, errors: inout [DataError]) -> [[Int]] {
        var entries: [[Int]] = []
        for line in block.lines {
            if line.key != nil {
                errors.append(line.location.error(.keyedLineInList))
            }
            for entry in line.entries {
                let ids = words(entry)
                if !ids.isEmpty && !entries.contains(ids) { entries.append(ids) }
            }
        }
        // Longest first, so a longer synonym is tried before its prefix.
        let sorted = entries.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        let firstWords = Array(Set(entries.map { $0[0] })).sorted()
        if let index = listIndices[block.name] {
            lists[index] = sorted
            listFirstWords[index] = firstWords
        } else {
            listIndices[block.name] = lists.count
            lists.append(sorted)
            listFirstWords.append(firstWords)
        }
        return entries
    }

    // A lookup: its synonyms as a trie, and as written for `RuleSet.label`.
    private mutating func compileLookup(_ block: DataBlock, errors: inout [DataError]) {
        var trie = TokenTrie()
        var synonyms: [String: [String]] = [:]
        var ids: [Int] = []
        for line in block.lines {
            // `value: synonym | …`, or just `synonym | …` whose first synonym is the value
            // (regions: 杭州 | 杭州市 | hangzhou).
            let entries = line.entries
            guard let value = line.key ?? entries.first else { continue }
            synonyms[value, default: []] += entries
            for entry in entries {
                ids.removeAll(keepingCapacity: true)
                words(entry, into: &ids)
                if ids.isEmpty { continue }
                if let other = trie.insert(ids, value: value) {
                    errors.append(line.location.error(.synonymConflict(entry, means: other, lookup: block.name)))
                }
            }
        }
        // Hashing a Chinese value goes through Unicode normalization: merge only when needed.
        if lookupWords[block.name] == nil { lookupWords[block.name] = synonyms } else {
            lookupWords[block.name]!.merge(synonyms) { $0 + $1 }
        }
        lookups[block.name] = trie
        _ = entityType(block.name)
    }

    // An intent: its patterns, compiled and added to `patterns` in load order, and its example lines.
    private mutating func compileIntent(_ block: DataBlock, into patterns: inout [Pattern], checkingExamples: Bool,
                               errors: inout [DataError]) -> IntentRule {
        var rule = IntentRule(id: block.name, location: block.location, exampleLines: [])
        for line in block.lines {
            switch line.key {
            case "zh", "en":
                var compiler = PatternCompiler(source: line.value, location: line.location)
                do {
                    let compiled = try compiler.compile(with: &self)
                    patterns.append(Pattern(intent: block.name, language: line.key!, source: line.value,
                                            location: line.location, order: patterns.count, program: compiled.program,
                                            required: compiled.required, requiredTypes: compiled.requiredTypes))
                } catch { errors.append(error) }
            case "example", "not":
                if checkingExamples {
                    do { _ = try Example.parse(line, positive: line.key == "example") } catch { errors.append(error) }
                }
                rule.exampleLines.append(line)
            default:
                errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "intent", expected: ["zh", "en", "example", "not"])))
            }
        }
        return rule
    }

}

/// An intent block: its id, where it is, and its example lines.
public struct IntentRule: Sendable {
    public var id: String
    public var location: SourceLocation
    /// The `example:` and `not:` lines as written. Only `kaiqu check`, the tests, the bench and
    /// the fallback's suggestions read examples, so start-up keeps the lines and leaves them
    /// unparsed (`RuleSet.load` checks their syntax when asked to).
    var exampleLines: [DataLine]

    /// The examples, parsed from their lines when asked for; a line with a syntax error is
    /// left out (loading with `checkingExamples` reports it).
    public var examples: [Example] {
        exampleLines.compactMap { line in try? Example.parse(line, positive: line.key == "example") }
    }
}
