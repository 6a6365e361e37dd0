/// The cues of intents/ (`words` and `cue` blocks), compiled: what lets Kaiqu understand a
/// sentence that no pattern covers end to end.
///
///     words add
///       添加 | 新增 | 录 | 建 | add | create        ← cue words, written folded
///
///     cue customer.add
///       slots: name phone region role company      ← what slot filling may take anywhere
///       4: ~add ~customer                          ← weight: elements, in this order
///       -8: ~question-word                         ← negative evidence
///       3: {phone} !{customer}                     ← an entity anywhere / none anywhere
///
/// An element is `~words` (any word of that block), `a|b` or `(a|b)` (literal words), `{type}` (an
/// entity of that type anywhere in the sentence), `!` before any of them (must be absent),
/// or `^` before words (they must open the message: 不是这个人, not 今天天气不错).
/// Word elements must appear in the order written, each after the previous one; entity
/// elements may be anywhere. An intent's score is the sum of the weights of its lines that
/// hold. See `CueScorer` for how scores meet exact patterns.
///
///     infer objection
///       has_supplier: ~supplier-tie ~supplier-noun  ← a value said in other words
///
/// An `infer TYPE` line gives an entity of that type where its elements hold within one
/// clause and no extractor found one (现在合作的那家厂给的条件太好 → has_supplier).
public struct CueBook: Sendable {
    enum Element: Sendable {
        /// `atStart`: written `^~words`, the words must open the message.
        case words(group: Int, negated: Bool, atStart: Bool = false)
        /// An entity type's number in `typeNames`.
        case entity(type: Int, negated: Bool)
    }

    struct Line: Sendable {
        var weight: Double
        var elements: [Element]
        var source: String
        var location: SourceLocation
    }

    /// An `infer` line: an entity `value` of `type` where `elements` hold within a clause.
    struct Inference: Sendable {
        var type: String
        var value: String
        var elements: [Element]
    }

    struct IntentCues: Sendable {
        var intent: String
        var slots: [String]
        var lines: [Line]
    }

    // Every cue word is read for every message, so words are kept flat: word i is
    // wordScalars[wordStart[i]..<wordStart[i + 1]], of group wordGroup[i]. Copying a word
    // out as a struct of its own would cost a retain and a release at each comparison.
    private(set) var wordScalars: [Unicode.Scalar] = []
    private(set) var wordStart: [Int] = [0]
    private(set) var wordGroup: [Int] = []
    /// All letters (or digits, spaces, apostrophes): matched on word boundaries and, on the
    /// typo pass, within one edit when four letters or longer.
    private(set) var wordLatin: [Bool] = []
    private(set) var groupNames: [String] = []
    private var groupIDs: [String: Int] = [:]
    /// The words a scalar starts, by code point (below U+10000: cue words are Han, Latin and
    /// punctuation): firstLists[firstSlot[c]] are word indices, -1 when it starts none. An
    /// array read per scalar of a message, no hashing.
    private(set) var firstSlot = [Int32](repeating: -1, count: 0x10000)
    private(set) var firstLists: [[Int]] = []
    /// The entity types lines name ({customer}, {past}…), by number.
    private(set) var typeNames: [String] = []
    private(set) var typeIDs: [String: Int] = [:]
    private(set) var intents: [IntentCues] = []
    private(set) var inferences: [Inference] = []
    private var rewriter = PhraseRewriter()

    public init() {}

    public var isEmpty: Bool { intents.isEmpty }

    /// The slots slot filling may take for `intent` (none when it has no cue block).
    public func slots(of intent: String) -> [String] { intents.first { $0.intent == intent }?.slots ?? [] }

    var wordCount: Int { wordGroup.count }
    func word(_ i: Int) -> ArraySlice<Unicode.Scalar> { wordScalars[wordStart[i]..<wordStart[i + 1]] }

    /// The words of a `words` block, folded.
    func words(inGroup name: String) -> [[Unicode.Scalar]] {
        guard let group = groupIDs[name] else { return [] }
        return (0..<wordCount).filter { wordGroup[$0] == group }.map { Array(word($0)) }
    }

    /// The Han cue words, which the typo pass corrects towards.
    var hanWords: [[Unicode.Scalar]] { (0..<wordCount).filter { !wordLatin[$0] }.map { Array(word($0)) } }
    var latinWords: [String] { (0..<wordCount).filter { wordLatin[$0] }.map { String(scalars: word($0)) } }

    // MARK: compiling

    /// `rewriter`: the rewrites the input goes through, applied to cue words too, so a cue
    /// written in Cantonese (点算) meets the rewritten input.
    static func compile(_ blocks: [DataBlock], normalizer: Normalizer, rewriter: PhraseRewriter, intentIDs: Set<String>,
                        entityTypes: Set<String>, errors: inout [DataError]) -> CueBook {
        var book = CueBook()
        book.rewriter = rewriter
        for block in blocks where block.kind == "words" {
            let group = book.group(named: block.name)
            for line in block.lines {
                if line.key != nil { errors.append(line.location.error(.keyedLineInList)) }
                for entry in line.entries { book.addWord(entry, group: group, normalizer: normalizer) }
            }
        }
        for block in blocks where block.kind == "cue" {
            if !intentIDs.contains(block.name) {
                errors.append(block.location.error(.unknownBlock("cue " + block.name, known: intentIDs.sorted().map { "cue " + $0 })))
                continue
            }
            var cues = IntentCues(intent: block.name, slots: [], lines: [])
            for line in block.lines {
                if line.key == "slots" {
                    cues.slots += line.value.split(separator: " ").map(String.init)
                    continue
                }
                guard let key = line.key, let weight = Double(key) else {
                    errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "cue", expected: ["slots", "a weight such as 4 or -6"])))
                    continue
                }
                let elements = book.elements(of: line, entityTypes: entityTypes, normalizer: normalizer, errors: &errors)
                if elements.isEmpty {
                    errors.append(line.location.error(.emptyPattern))
                    continue
                }
                cues.lines.append(Line(weight: weight, elements: elements, source: line.value, location: line.location))
            }
            book.intents.append(cues)
        }
        for block in blocks where block.kind == "infer" {
            if !entityTypes.contains(block.name) {
                errors.append(block.location.error(.unknownSlotType(block.name, known: entityTypes.sorted())))
                continue
            }
            for line in block.lines {
                guard let value = line.key else {
                    errors.append(line.location.error(.unknownKey(line.value, block: "infer", expected: ["a value such as price"])))
                    continue
                }
                let elements = book.elements(of: line, entityTypes: entityTypes, normalizer: normalizer, errors: &errors)
                if elements.isEmpty { errors.append(line.location.error(.emptyPattern)); continue }
                book.inferences.append(Inference(type: block.name, value: value, elements: elements))
            }
        }
        return book
    }

    // The elements of a `cue` or `infer` line.
    private mutating func elements(of line: DataLine, entityTypes: Set<String>, normalizer: Normalizer,
                                   errors: inout [DataError]) -> [Element] {
        var elements: [Element] = []
        for raw in Self.splitElements(line.value) {
            var text = Substring(raw)
            let negated = text.hasPrefix("!")
            if negated { text = text.dropFirst() }
            let atStart = text.hasPrefix("^")
            if atStart { text = text.dropFirst() }
            if text.hasPrefix("~") {
                let name = String(text.dropFirst())
                guard let group = groupIDs[name] else {
                    errors.append(line.location.error(.unknownList(name)))
                    continue
                }
                elements.append(.words(group: group, negated: negated, atStart: atStart))
            } else if text.hasPrefix("{"), text.hasSuffix("}") {
                let type = String(text.dropFirst().dropLast())
                guard entityTypes.contains(type) else {
                    errors.append(line.location.error(.unknownSlotType(type, known: entityTypes.sorted())))
                    continue
                }
                elements.append(.entity(type: typeID(type), negated: negated))
            } else {
                // `a|b`, or `(a|b)` as patterns write it.
                if text.hasPrefix("("), text.hasSuffix(")") { text = text.dropFirst().dropLast() }
                let group = group(named: "(" + text + ")")
                for entry in text.split(separator: "|") { addWord(String(entry), group: group, normalizer: normalizer) }
                elements.append(.words(group: group, negated: negated, atStart: atStart))
            }
        }
        return elements
    }

    // A line's elements: split at spaces, except inside parentheses ((drop by|dropped by)).
    static func splitElements(_ text: String) -> [Substring] {
        var elements: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for i in text.indices {
            switch text[i] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case " " where depth == 0:
                if start < i { elements.append(text[start..<i]) }
                start = text.index(after: i)
            default: break
            }
        }
        if start < text.endIndex { elements.append(text[start...]) }
        return elements
    }

    private mutating func group(named name: String) -> Int {
        if let id = groupIDs[name] { return id }
        groupIDs[name] = groupNames.count
        groupNames.append(name)
        return groupNames.count - 1
    }

    private mutating func typeID(_ name: String) -> Int {
        if let id = typeIDs[name] { return id }
        typeIDs[name] = typeNames.count
        typeNames.append(name)
        return typeNames.count - 1
    }

    private mutating func addWord(_ entry: String, group: Int, normalizer: Normalizer) {
        let scalars = rewriter.rewrite(entry).unicodeScalars.map(normalizer.fold)
        guard let first = scalars.first, first.value < 0x10000 else { return }
        if firstSlot[Int(first.value)] < 0 {
            firstSlot[Int(first.value)] = Int32(firstLists.count)
            firstLists.append([])
        }
        firstLists[Int(firstSlot[Int(first.value)])].append(wordCount)
        wordScalars += scalars
        wordStart.append(wordScalars.count)
        wordGroup.append(group)
        wordLatin.append(scalars.allSatisfy { ScalarClass($0) != .han })
    }

    /// The indices of the words `s` starts (none for most scalars).
    func words(startingWith s: Unicode.Scalar) -> [Int] {
        guard s.value < 0x10000, case let slot = firstSlot[Int(s.value)], slot >= 0 else { return [] }
        return firstLists[Int(slot)]
    }
}

extension CueBook {
    /// The number of a `words` block, for the slot filler's named groups.
    func groupIndex(_ name: String) -> Int? { groupIDs[name] }

    /// Whether folded Han text starts with a surname of the `surnames` words (true when there
    /// are none, or for text that is not Han: Latin names are judged elsewhere).
    func startsWithSurname(_ folded: [Unicode.Scalar]) -> Bool {
        guard let group = groupIDs["surnames"], let first = folded.first, ScalarClass(first) == .han else { return true }
        return words(startingWith: first).contains { wordGroup[$0] == group && folded.starts(with: word($0)) }
    }
}
