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
        String(scalars: original[range]).trimmingSpaces()
    }

    /// The folded text over `range`.
    public func folded(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The whole folded text.
    public var foldedText: String { folded(0..<scalars.count) }
}

extension String {
    /// The string of `scalars`. Their UTF-8 is gathered in a byte array and made a String in
    /// one go: appending scalars to a String one by one costs ~250 instructions each.
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self = String(decoding: bytes, as: UTF8.self)
    }

    /// The string without leading and trailing white space (Unicode's, including U+3000).
    public func trimmingSpaces() -> String {
        // Start-up trims every value and entry of intents/: ASCII blanks are trimmed by bytes,
        // and scalars are decoded only when an end may be another space (U+3000, U+00A0…).
        let fast: String?? = utf8.withContiguousStorageIfAvailable { bytes in
            guard let (range, unicodeEnds) = Self.asciiTrimmed(bytes) else { return "" }
            if unicodeEnds { return nil }
            return range.count == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        if let fast, let trimmed = fast { return trimmed }
        return Self.trimmingScalars(unicodeScalars[...])
    }

    /// `bytes` (UTF-8) as a string without leading and trailing white space: what
    /// `String(decoding: bytes, as: UTF8.self).trimmingSpaces()` gives, in one copy.
    init<C: RandomAccessCollection>(trimmingSpaces bytes: C) where C.Element == UInt8 {
        guard let (range, unicodeEnds) = Self.asciiTrimmed(bytes) else { self = ""; return }
        let text = String(decoding: bytes[range], as: UTF8.self)
        self = unicodeEnds ? Self.trimmingScalars(text.unicodeScalars[...]) : text
    }

    // The range left once ASCII blanks are trimmed (nil when nothing is), and whether one of
    // its ends may still be another space: the lead byte of U+0085, U+00A0 (C2), U+1680 (E1),
    // U+2000…U+205F (E2) or U+3000 (E3) at the start; at the end, a continuation byte after
    // C2, 9A, 80 or 81, as each of them ends.
    private static func asciiTrimmed<C: RandomAccessCollection>(_ bytes: C) -> (Range<C.Index>, Bool)?
    where C.Element == UInt8 {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start != end, blank(bytes[start]) { start = bytes.index(after: start) }
        while start != end, blank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        guard start != end else { return nil }
        let first = bytes[start]
        let lastIndex = bytes.index(before: end)
        let last = bytes[lastIndex]
        let before = lastIndex == start ? 0 : bytes[bytes.index(before: lastIndex)]
        let unicodeStart = first == 0xC2 || (first >= 0xE1 && first <= 0xE3)
        let unicodeEnd = last >= 0x80 && (before == 0xC2 || before == 0x9A || before == 0x80 || before == 0x81)
        return (start..<end, unicodeStart || unicodeEnd)
    }

    private static func trimmingScalars(_ scalars: Substring.UnicodeScalarView) -> String {
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end]))
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
