/// An utterance after character folding, with every position still pointing at what the user
/// typed.
///
/// Folding maps one Unicode scalar to one scalar (full-width → half-width, traditional →
/// simplified, upper → lower case), so a range of `scalars` is the same range of `original`:
/// slot values can quote the user exactly while matching works on the folded form.
public struct NormalizedText: Sendable {
    /// The scalars as typed.
    public let original: [Unicode.Scalar]
    /// The folded scalars, one for one with `original`.
    public let scalars: [Unicode.Scalar]

    public init(original: [Unicode.Scalar], scalars: [Unicode.Scalar]) {
        precondition(original.count == scalars.count)
        self.original = original
        self.scalars = scalars
    }

    /// The text as the user typed it over `range`, trimmed of spaces.
    public func typed(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: original[range])
        return String(view).trimmingSpaces()
    }

    /// The folded text over `range`.
    public func folded(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The whole folded text.
    public var foldedText: String { folded(0..<scalars.count) }
}

extension String {
    /// The string without leading and trailing white space (Unicode's, including U+3000).
    public func trimmingSpaces() -> String {
        // Start-up trims every entry of intents/: check the ends first, they are rarely blank.
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !Self.isSpace(first), !Self.isSpace(last) { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
