/// Numbers every word that appears in a pattern, so matching compares integers.
public final class Lexicon: @unchecked Sendable {
    // Filled while rules compile, read-only afterwards: that is why the class may be shared.
    private var ids: [String: Int] = [:]
    private(set) var words: [String] = []

    public init() {}

    /// The id of `word`, or -1 if no pattern uses it.
    public func id(of word: String) -> Int { ids[word] ?? -1 }

    /// The id of `word`, adding it if new.
    func intern(_ word: String) -> Int {
        if let id = ids[word] { return id }
        ids[word] = words.count
        words.append(word)
        return words.count - 1
    }

    /// The word with this id.
    public func word(_ id: Int) -> String { id >= 0 && id < words.count ? words[id] : "?" }
}
