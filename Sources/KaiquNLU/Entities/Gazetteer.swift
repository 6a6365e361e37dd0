/// The customers the parser knows, found in an utterance by whole tokens.
///
/// Names are keyed by a hash of their folded tokens, so finding them costs a few hash
/// look-ups per token of the utterance whatever the number of customers: the list is never
/// scanned. Simplified and traditional spellings fold to one key.
public struct Gazetteer: Sendable {
    /// The names as stored.
    public private(set) var names: [String] = []
    private var folded: [[String]] = []
    private var byHash: [UInt64: [Int32]] = [:]
    private var soleBySurname: [BytesKey: Int32] = [:]
    private var maxTokens = 0
    private let compoundSurnames: Set<String>
    /// Whether some stored name starts with a compound surname: when none does, a message's
    /// pairs of characters need not be looked up as one.
    private(set) var hasCompoundSurnames = false

    // Names are read as the parser reads a message: folded, then rewritten (a name holding
    // a character the rewrites change still meets itself).
    private let rewriter: PhraseRewriter

    public init() {
        compoundSurnames = []
        rewriter = PhraseRewriter()
    }

    /// Builds the gazetteer for `names`, folding them with `normalizer` and `rewriter`.
    /// `compoundSurnames` (欧阳, 司马 …) tell where a Chinese surname ends; otherwise it is the
    /// first character.
    public init<S: Sequence>(names: S, normalizer: Normalizer, rewriter: PhraseRewriter = PhraseRewriter(),
                             compoundSurnames: Set<String> = []) where S.Element == String {
        self.compoundSurnames = compoundSurnames
        self.rewriter = rewriter
        for name in names { add(name, normalizer: normalizer) }
    }

    /// Adds one stored name.
    public mutating func add(_ name: String, normalizer: Normalizer) {
        let tokens = Tokenizer.tokens(of: rewriter.apply(to: normalizer.normalize(name)).text.scalars, lexicon: nil).map(\.text)
        guard !tokens.isEmpty, tokens.count <= 8 else { return }
        var hash = Self.seed
        for token in tokens { hash = Self.hash(hash, token) }
        let index = Int32(names.count)
        byHash[hash, default: []].append(index)
        names.append(name)
        folded.append(tokens)
        maxTokens = max(maxTokens, tokens.count)
        // Surnames, for 王总 and 老王: a Chinese name's first one or two characters; each word
        // of a Latin name, since "Li Ming" and "David Chen" put the surname at either end.
        if ScalarClass(tokens[0].unicodeScalars.first!) == .han {
            let two = tokens.count >= 3 ? tokens[0] + tokens[1] : ""
            let compound = compoundSurnames.contains(two)
            hasCompoundSurnames = hasCompoundSurnames || compound
            addSurname(compound ? two : tokens[0], index)
        } else {
            for word in Set(tokens) where ScalarClass(word.unicodeScalars.first!) == .letter { addSurname(word, index) }
        }
    }

    // Keeps, per surname, the one name all its customers share, or -1 once two differ: 王总
    // must not list thousands of 王s to learn it is ambiguous.
    private mutating func addSurname(_ surname: String, _ index: Int32) {
        let key = BytesKey(surname)
        if let sole = soleBySurname[key] {
            if sole >= 0, names[Int(sole)] != names[Int(index)] { soleBySurname[key] = -1 }
        } else {
            soleBySurname[key] = index
        }
    }

    /// Whether some stored name has this surname (folded).
    public func hasSurname(_ surname: String) -> Bool { soleBySurname[BytesKey(surname)] != nil }

    /// The one stored name every customer with this surname has, or nil (none, or several).
    public func soleName(withSurname surname: String) -> String? {
        guard let sole = soleBySurname[BytesKey(surname)], sole >= 0 else { return nil }
        return names[Int(sole)]
    }

    /// True when `text` (folded) is a compound surname such as 欧阳.
    func isCompoundSurname(_ text: String) -> Bool { compoundSurnames.contains(text) }

    /// The number of names known.
    public var count: Int { names.count }

    /// Every known name that starts at a token and ends at a token, as (token range, stored names).
    /// Several stored names can share one spelling; all are returned so the caller can ask which.
    public func matches(in tokens: [Token]) -> [(tokens: Range<Int>, names: [String])] {
        guard maxTokens > 0 else { return [] }
        var found: [(Range<Int>, [String])] = []
        for start in tokens.indices {
            var hash = Self.seed
            for end in start..<min(tokens.count, start + maxTokens) {
                let before = hash
                hash = Self.hash(hash, tokens[end].text)
                if let hits = byHash[hash] {
                    let span = start...end
                    let same = hits.filter { folded[Int($0)].elementsEqual(tokens[span].lazy.map(\.text)) }
                    if !same.isEmpty { found.append((start..<end + 1, same.map { names[Int($0)] })) }
                }
                // Ryan Doyles details: an English possessive typed without its apostrophe.
                // (Bytes first: this runs for every span of every message.)
                let last = tokens[end].text
                if end > start, last.utf8.last == UInt8(ascii: "s"), last.utf8.count > 3, last.utf8.allSatisfy({ $0 < 0x80 }) {
                    let stem = String(last.dropLast())
                    guard let hits = byHash[Self.hash(before, stem)] else { continue }
                    let same = hits.filter { folded[Int($0)].elementsEqual(tokens[start..<end].lazy.map(\.text) + [stem]) }
                    if !same.isEmpty { found.append((start..<end + 1, same.map { names[Int($0)] })) }
                }
            }
        }
        return found
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    // FNV-1a over the token's scalars, then a separator so "ab"+"c" differs from "a"+"bc".
    private static func hash(_ start: UInt64, _ token: String) -> UInt64 {
        var h = start
        for s in token.unicodeScalars {
            h = (h ^ UInt64(s.value)) &* 0x100_0000_01b3
        }
        return (h ^ 0x1F) &* 0x100_0000_01b3
    }
}

/// Finds known customers (the gazetteer in the context) in an utterance: by their full name,
/// and by the forms reps use every day, 王总, 李经理, 陈姐, 老王, 小李, Mr. Chen.
///
/// The value is the stored name when the words point at one customer. When several customers
/// share the name or the surname, the value is the text as typed, and the dialogue asks which.
/// A back-reference (他, 这个客户, him) is a customer too, as typed: the dialogue knows whom
/// it means.
public struct CustomerExtractor: EntityExtractor {
    public let name = "customer"
    /// The `source` of a customer entity that is a back-reference (他, this customer), not a name.
    public static let backReference = "back-reference"
    /// Titles after a surname (总, 经理, 姐 …) and prefixes before one (老, 小, mr …), from the
    /// lists honorific-titles and honorific-prefixes of intents/; back-references from the
    /// list back-reference.
    let titles: TokenTrie
    let prefixes: TokenTrie
    let backReferences: TokenTrie

    init(titles: TokenTrie = TokenTrie(), prefixes: TokenTrie = TokenTrie(), backReferences: TokenTrie = TokenTrie()) {
        self.titles = titles
        self.prefixes = prefixes
        self.backReferences = backReferences
    }

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        for i in tokens.indices {
            if let end = backReferences.longest(in: tokens, from: i, id: \.id)?.end { add(i..<end, nil, tokens, text, &entities, source: Self.backReference) }
        }
        let gazetteer = context.customers
        var spans = Set<Range<Int>>()
        for match in gazetteer.matches(in: tokens) {
            let distinct = Set(match.names)
            add(match.tokens, distinct.count == 1 ? distinct.first : nil, tokens, text, &entities)
            spans.insert(match.tokens)
        }
        guard gazetteer.count > 0 else { return }
        for i in tokens.indices {
            // 老王, 小李, Mr. Chen
            if let afterPrefix = prefixes.longest(in: tokens, from: i, id: \.id)?.end, let surname = surname(at: afterPrefix, tokens, gazetteer) {
                let span = i..<surname.end
                if !spans.contains(span) { add(span, gazetteer.soleName(withSurname: surname.text), tokens, text, &entities) }
            }
            // 王总, 李经理, 欧阳姐
            if let surname = surname(at: i, tokens, gazetteer), let end = titles.longest(in: tokens, from: surname.end, id: \.id)?.end {
                let span = i..<end
                if !spans.contains(span) { add(span, gazetteer.soleName(withSurname: surname.text), tokens, text, &entities) }
            }
        }
    }

    /// What it finds in the tokens, in the order a parse adds them.
    func found(in text: NormalizedText, tokens: [Token], context: ParseContext) -> [Entity] {
        var entities: [Entity] = []
        extract(from: text, tokens: tokens, context: context, into: &entities)
        return entities
    }

    // `sole` is the one customer the surname means, nil when several share it (then as typed).
    private func add(_ span: Range<Int>, _ sole: String?, _ tokens: [Token], _ text: NormalizedText, _ entities: inout [Entity],
                     source: String = "customer") {
        let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
        let value = sole ?? text.typed(range)
        entities.append(Entity(type: "customer", range: range, value: value, source: source))
    }

    // A surname of at least one known customer starting at token i: a compound of two Han
    // characters, one Han character, or a Latin word.
    private func surname(at i: Int, _ tokens: [Token], _ gazetteer: Gazetteer) -> (text: String, end: Int)? {
        guard i < tokens.count else { return nil }
        if i + 1 < tokens.count, gazetteer.hasCompoundSurnames {
            let two = tokens[i].text + tokens[i + 1].text
            if gazetteer.isCompoundSurname(two), gazetteer.hasSurname(two) { return (two, i + 2) }
        }
        return gazetteer.hasSurname(tokens[i].text) ? (tokens[i].text, i + 1) : nil
    }
}
