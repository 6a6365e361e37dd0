extension Array where Element == Unicode.Scalar {
    /// Where `word` first occurs, by scalar offsets. Foundation's `range(of:)` on String costs
    /// a locale-aware search each time; notes are searched for many words.
    func firstRange(of word: [Unicode.Scalar]) -> Range<Int>? {
        guard !word.isEmpty, count >= word.count else { return nil }
        return (0...count - word.count).first { self[$0...].starts(with: word) }.map { $0..<$0 + word.count }
    }
}
