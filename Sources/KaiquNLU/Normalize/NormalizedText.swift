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
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
