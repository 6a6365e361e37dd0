/// Everything loaded from intents/: the folding table, the compiled patterns, the intents
/// with their examples, the lookup extractors, and the blocks other modules read (replies…).
public struct RuleSet: Sendable {
    public let normalizer: Normalizer
    public let lexicon: Lexicon
    /// Every pattern in load order.
    public let patterns: [Pattern]
    /// Every intent block in load order.
    public let intents: [IntentRule]
    let lookupExtractors: [any EntityExtractor]
    /// Each lookup's values with their synonyms as written: lookup → value → synonyms.
    public let lookupWords: [String: [String: [String]]]
    let filler: Filler
    /// Synonym lists by number (`PatternOp.list`), each entry a run of token ids, longest first.
    let lists: [[[Int]]]
    let listIndices: [String: Int]
    let notNames: TokenTrie
    /// Entity types by number (`PatternOp.entity`).
    let entityTypes: [String]
    /// Slot names by number (the `slot` of `PatternOp`s).
    let slotNames: [String]
    /// Blocks of kinds the NLU does not read (reply, and what later modules add).
    public let blocks: [DataBlock]
    /// The `fixture` blocks: only examples are read against them, so they are read when asked.
    let fixtureBlocks: [DataBlock]

    /// The clock and customers the examples are written against (the default fixture when
    /// the data's has a mistake, which loading with `checkingExamples` reports).
    public var fixture: Fixture { (try? Fixture(blocks: fixtureBlocks)) ?? Fixture() }

    /// Cues and slot lists of the layer that understands sentences no pattern covers.
    public internal(set) var cues = CueBook()
    /// Cantonese and other word folding (`rewrite` blocks), applied before anything matches.
    public internal(set) var rewriter = PhraseRewriter()
    /// Homophone slips, for the typo pass (pinyin.table and the cue words).
    public internal(set) var homophones = HomophoneIndex()
    /// English slips, for the typo pass (every Latin word of intents/ and of the date grammar).
    public var spelling: SpellingIndex { deferredSpelling.value }
    var deferredSpelling = Deferred(ready: SpellingIndex())
    /// Festivals and the official holiday schedule (`festival` and `holidays` blocks).
    public internal(set) var calendar = SalesCalendar()

    /// The folding table's file name inside intents/.
    public static let tableFile = "hant-hans.table"
    /// The character → pinyin table's file name inside intents/ (typo tolerance).
    public static let pinyinFile = "pinyin.table"
    /// The English word list's file name inside intents/ (telling a slip from a word).
    public static let englishFile = "english.table"
    /// Whether a file of intents/ (path relative to it) is one the NLU reads.
    public static func isDataFile(_ path: String) -> Bool {
        path.hasSuffix(".kaiqu") || path == tableFile || path == pinyinFile || path == englishFile
    }
    /// The block kinds the NLU reads.
    public static let kinds: Set<String> = Set(["intent", "list", "lookup", "filler", "fixture", "words", "cue", "infer", "rewrite"])
        .union(SalesCalendar.kinds)

    /// Loads data files given as (path relative to intents/, text). Files load in path order,
    /// which is the order ties between equally specific patterns are broken in.
    /// `otherKinds` are block kinds other modules read; any other header is an error.
    ///
    /// Any error in what parsing needs stops loading. Examples and the fixture they are read
    /// against are only used by `kaiqu check`, the tests and the bench (and examples by the
    /// fallback's suggestions), so `checkingExamples: false` (the chat's start-up) leaves them
    /// unchecked: a malformed example is then simply never offered as a suggestion.
    public static func load(files: [(path: String, text: String)], otherKinds: Set<String>,
                            checkingExamples: Bool = true) throws(DataErrors) -> RuleSet {
        let (table, blocks, homophones, english) = try readFiles(files, kinds: kinds.union(otherKinds))
        let normalizer = Normalizer(pairs: table)
        let rewriter = try rewrites(blocks, normalizer: normalizer)
        // The patterns on this thread; the cue layer, the calendar and the homophone targets,
        // which need only the blocks, on the other.
        let intentIDs = Set(blocks.filter { $0.kind == "intent" }.map(\.name))
        let cueTypes = RuleCompiler.entityTypes(of: blocks).union(["pronoun", "when", "short", "past", "future", "later"])
        var (rules, understanding) = try concurrently({ () throws(DataErrors) in
            try RuleCompiler.compile(blocks: blocks, normalizer: normalizer, rewriter: rewriter,
                                     entityTypes: BuiltInExtractors.types, checkingExamples: checkingExamples)
        }, { () throws(DataErrors) in
            try Understanding.compile(blocks, normalizer: normalizer, rewriter: rewriter, intentIDs: intentIDs,
                                      entityTypes: cueTypes, homophones: homophones)
        })
        rules.rewriter = rewriter
        (rules.cues, rules.calendar, rules.homophones) = understanding
        // The English slips index is built while start-up goes on: only an unsure reading reads it.
        let (lexicon, cues, lookupWords) = (rules.lexicon, rules.cues, rules.lookupWords)
        rules.deferredSpelling = Deferred { spellingIndex(english, lexicon: lexicon, cues: cues, lookupWords: lookupWords) }
        return rules
    }

    // The data files, read on every core, then taken in path order.
    private static func readFiles(_ files: [(path: String, text: String)], kinds: Set<String>) throws(DataErrors)
        -> (table: [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)], blocks: [DataBlock], homophones: HomophoneIndex, english: EnglishWords) {
        var table: [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)] = []
        var blocks: [DataBlock] = []
        var errors: [DataError] = []
        var homophones = HomophoneIndex()
        var english = EnglishWords()
        let sorted = files.sorted { $0.path < $1.path }
        // The biggest first (the pinyin table), so that no core is left alone with it at the end.
        let bySize = sorted.indices.sorted { sorted[$0].text.utf8.count > sorted[$1].text.utf8.count }
        var read = [ReadFile](repeating: .other, count: sorted.count)
        for (file, index) in zip(concurrentMap(bySize) { ReadFile(sorted[$0], kinds: kinds) }, bySize) { read[index] = file }
        for file in read {
            switch file {
            case .table(let pairs): table = pairs
            case .pinyin(let index): homophones = index
            case .english(let words): english = words
            case .blocks(let more): blocks += more
            case .failed(let more): errors += more
            case .other: break
            }
        }
        if !errors.isEmpty { throw DataErrors(errors) }
        return (table, blocks, homophones, english)
    }

    // One data file, read on its own.
    private enum ReadFile: Sendable {
        case table([(traditional: Unicode.Scalar, simplified: Unicode.Scalar)])
        case pinyin(HomophoneIndex)
        case english(EnglishWords)
        case blocks([DataBlock])
        case failed([DataError])
        case other

        init(_ file: (path: String, text: String), kinds: Set<String>) {
            do throws(DataError) {
                switch file.path {
                case tableFile: self = .table(try Normalizer.pairs(inTable: file.text, file: file.path))
                case pinyinFile: self = .pinyin(try HomophoneIndex.parse(file.text, file: file.path))
                case englishFile: self = .english(try EnglishWords.parse(file.text, file: file.path))
                default:
                    guard file.path.hasSuffix(".kaiqu") else { self = .other; return }
                    do throws(DataErrors) { self = .blocks(try DataFileParser.parse(file.text, file: file.path, kinds: kinds)) } catch { self = .failed(error.errors) }
                }
            } catch {
                self = .failed([error])
            }
        }
    }

    // The `rewrite` blocks: `typed -> read | typed -> read`, sources as typed (case aside),
    // targets folded.
    private static func rewrites(_ blocks: [DataBlock], normalizer: Normalizer) throws(DataErrors) -> PhraseRewriter {
        var rewriter = PhraseRewriter()
        var errors: [DataError] = []
        for block in blocks where block.kind == "rewrite" {
            for line in block.lines {
                for entry in line.entries where line.key != nil || !rewriter.add(entry: entry, normalizer: normalizer) {
                    errors.append(line.location.error(.rewriteLength(entry)))
                }
            }
        }
        if !errors.isEmpty { throw DataErrors(errors) }
        return rewriter
    }

    // English slips: every Latin word of intents/ and of the date grammar.
    private static func spellingIndex(_ english: EnglishWords, lexicon: Lexicon, cues: CueBook,
                                      lookupWords: [String: [String: [String]]]) -> SpellingIndex {
        var spelling = SpellingIndex(words: english)
        for word in lexicon.words where word.unicodeScalars.first?.isASCII == true { spelling.add(word) }
        for word in cues.latinWords { spelling.add(word) }
        for synonyms in lookupWords.values { for words in synonyms.values { for word in words { spelling.add(word) } } }
        for word in EnglishTime.firstWords { spelling.add(word) }
        for (word, _) in EnglishTime.weekdayNames + EnglishTime.monthNames where word.count >= 4 { spelling.addCapitalized(word) }
        return spelling
    }

    /// `text` as the parser reads it: characters folded, then words rewritten (佢 → 他).
    public func fold(_ text: String) -> NormalizedText { rewriter.apply(to: normalizer.normalize(text)).text }

    /// How to show a lookup value to a person: its first Chinese synonym for Chinese, its first
    /// Latin one for English (objection "price" → 太贵 / too expensive); nil for other slots.
    public func label(of value: String, lookup: String, chinese: Bool) -> String? {
        guard let words = lookupWords[lookup]?[value] else { return nil }
        let han = { (w: String) in w.unicodeScalars.contains { ScalarClass($0) == .han } }
        return words.first { han($0) == chinese }
    }

    /// The intent block with this id.
    public func intent(_ id: String) -> IntentRule? { intents.first { $0.id == id } }

    /// A gazetteer of `names`, folded as the parser folds, with the data's compound surnames.
    public func gazetteer<S: Sequence>(_ names: S) -> Gazetteer where S.Element == String {
        let compounds = list(named: "compound-surnames").map { $0.map(lexicon.word).joined() }
        return Gazetteer(names: names, normalizer: normalizer, rewriter: rewriter, compoundSurnames: Set(compounds))
    }

    /// The entries of a synonym list as token ids (none when the list is not defined).
    func list(named name: String) -> [[Int]] {
        listIndices[name].map { lists[$0] } ?? []
    }

    /// The entries of a synonym list as a trie (empty when the list is not defined).
    func trie(ofList name: String) -> TokenTrie {
        var trie = TokenTrie()
        for entry in list(named: name) { trie.insert(entry, value: "") }
        return trie
    }
}
