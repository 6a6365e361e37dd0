/// Numbers every word that appears in a pattern, so matching compares integers. Filled while
/// the rules compile, read-only afterwards.
///
/// A value, not a class: interning touches it for every character of intents/, and each
/// access to a class's stored property is checked for exclusivity at run time.
public struct Lexicon: Sendable {
    private var ids: [String: Int] = [:]
    // Most words are one character of the main CJK block (U+4E00…U+9FFF): their ids are kept
    // by code point, -1 where there is none, so finding one is an array read and not a hash.
    // Other one-scalar words are keyed by the scalar, which hashes as an integer, where a
    // String key would be hashed through Unicode normalization.
    private var hanIDs = [Int32](repeating: -1, count: Lexicon.hanBlock.count)
    private var singleIDs: [Unicode.Scalar: Int] = [:]
    private(set) var words: [String] = []

    private static let hanBlock: ClosedRange<UInt32> = 0x4E00...0x9FFF

    public init() {}

    /// The id of `word`, or -1 if no pattern uses it.
    public func id(of word: String) -> Int {
        if let single = Self.single(word) { return id(of: single) }
        return ids[word] ?? -1
    }

    /// The id of the one-scalar word `scalar`, or -1 if no pattern uses it.
    func id(of scalar: Unicode.Scalar) -> Int {
        if Self.hanBlock.contains(scalar.value) { return Int(hanIDs[Int(scalar.value - Self.hanBlock.lowerBound)]) }
        return singleIDs[scalar] ?? -1
    }

    /// The id of the one-scalar word `scalar`, adding it if new; no String is made unless it is.
    mutating func intern(_ scalar: Unicode.Scalar) -> Int {
        let known = id(of: scalar)
        if known >= 0 { return known }
        if Self.hanBlock.contains(scalar.value) {
            hanIDs[Int(scalar.value - Self.hanBlock.lowerBound)] = Int32(words.count)
        } else {
            singleIDs[scalar] = words.count
        }
        words.append(String(scalar))
        return words.count - 1
    }

    /// The id of `word`, adding it if new.
    mutating func intern(_ word: String) -> Int {
        if let single = Self.single(word) { return intern(single) }
        return intern(newWord: word)
    }

    /// The ids of the words of `text` folded by `normalizer`, as the tokenizer splits an
    /// utterance (a Han character is a word, so is a run of letters or of digits), adding new
    /// ones, appended to `ids`. Every synonym and pattern word of intents/ comes through here at
    /// every start, so the scalars are walked once, a word of several scalars is gathered as
    /// UTF-8 in a byte array (far cheaper than appending to a String's scalars), and a word of
    /// one scalar makes no String at all unless it is new.
    mutating func intern<S: StringProtocol>(wordsOf text: S, folding normalizer: Normalizer, into ids: inout [Int]) {
        var first: Unicode.Scalar = " "
        var count = 0
        var bytes: [UInt8] = []
        var wordClass = ScalarClass.separator
        for typed in text.unicodeScalars {
            let s = normalizer.fold(typed)
            let c = ScalarClass(s)
            if c != wordClass, count > 0 {
                ids.append(count == 1 ? intern(first) : intern(newWord: String(decoding: bytes, as: UTF8.self)))
                count = 0
            }
            wordClass = c
            switch c {
            case .han:
                ids.append(intern(s))
            case .letter, .digit:
                count += 1
                if count == 1 {
                    first = s
                } else {
                    if count == 2 { bytes.removeAll(keepingCapacity: true); UTF8.encode(first) { bytes.append($0) } }
                    UTF8.encode(s) { bytes.append($0) }
                }
            case .separator:
                break
            }
        }
        if count > 0 { ids.append(count == 1 ? intern(first) : intern(newWord: String(decoding: bytes, as: UTF8.self))) }
    }

    // A word of several scalars.
    private mutating func intern(newWord word: String) -> Int {
        if let id = ids[word] { return id }
        ids[word] = words.count
        words.append(word)
        return words.count - 1
    }

    private static func single(_ word: String) -> Unicode.Scalar? {
        var iterator = word.unicodeScalars.makeIterator()
        guard let first = iterator.next(), iterator.next() == nil else { return nil }
        return first
    }

    /// The word with this id.
    public func word(_ id: Int) -> String { id >= 0 && id < words.count ? words[id] : "?" }
}
