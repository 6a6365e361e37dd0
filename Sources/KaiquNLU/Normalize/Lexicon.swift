/// Numbers every word that appears in a pattern, so matching compares integers.
public final class Lexicon: @unchecked Sendable {
    // Filled while rules compile, read-only afterwards: that is why the class may be shared.
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
    func intern(_ scalar: Unicode.Scalar) -> Int {
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
    func intern(_ word: String) -> Int {
        if let single = Self.single(word) { return intern(single) }
        if let id = ids[word] { return id }
        ids[word] = words.count
        words.append(word)
        return words.count - 1
    }

    /// The ids of the words of `text` folded by `normalizer`, as the tokenizer splits an
    /// utterance (a Han character is a word, so is a run of letters or of digits), adding new
    /// ones. Every synonym and pattern word of intents/ comes through here at every start, so
    /// the scalars are walked once and a word's UTF-8 is gathered in a byte array: far cheaper
    /// than appending to a String's scalars, and no String at all for a one-scalar word.
    func intern<S: StringProtocol>(wordsOf text: S, folding normalizer: Normalizer) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count)
        var word: [UInt8] = []
        var single: Unicode.Scalar?
        var wordClass = ScalarClass.separator
        func endWord() {
            if let single {
                ids.append(intern(single))
            } else if !word.isEmpty {
                ids.append(intern(String(decoding: word, as: UTF8.self)))
            }
            word.removeAll(keepingCapacity: true)
            single = nil
        }
        for typed in text.unicodeScalars {
            let s = normalizer.fold(typed)
            let c = ScalarClass(s)
            if c != wordClass { endWord() }
            wordClass = c
            switch c {
            case .han:
                ids.append(intern(s))
            case .letter, .digit:
                single = word.isEmpty ? s : nil
                UTF8.encode(s) { word.append($0) }
            case .separator:
                break
            }
        }
        endWord()
        return ids
    }

    private static func single(_ word: String) -> Unicode.Scalar? {
        var iterator = word.unicodeScalars.makeIterator()
        guard let first = iterator.next(), iterator.next() == nil else { return nil }
        return first
    }

    /// The word with this id.
    public func word(_ id: Int) -> String { id >= 0 && id < words.count ? words[id] : "?" }
}
