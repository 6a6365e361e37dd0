/// Numbers every word that appears in a pattern, so matching compares integers.
public final class Lexicon: @unchecked Sendable {
    // Filled while rules compile, read-only afterwards: that is why the class may be shared.
    private var ids: [String: Int] = [:]
    // Most words are one Han character: keyed by the scalar they hash as an integer, where a
    // String key would be hashed through Unicode normalization.
    private var singleIDs: [Unicode.Scalar: Int] = [:]
    private(set) var words: [String] = []

    public init() {}

    /// The id of `word`, or -1 if no pattern uses it.
    public func id(of word: String) -> Int {
        if let single = Self.single(word) { return singleIDs[single] ?? -1 }
        return ids[word] ?? -1
    }

    /// The id of `word`, adding it if new.
    func intern(_ word: String) -> Int {
        if let single = Self.single(word) {
            if let id = singleIDs[single] { return id }
            singleIDs[single] = words.count
        } else {
            if let id = ids[word] { return id }
            ids[word] = words.count
        }
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
