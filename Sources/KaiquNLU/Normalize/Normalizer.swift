/// Folds what a rep types into one canonical form before anything else looks at it:
/// full-width → half-width, traditional → simplified, upper → lower case. Punctuation, emoji
/// and spaces are left in place here (a phone number or 15:30 needs them); the tokenizer
/// drops them afterwards.
public struct Normalizer: Sendable {
    // The traditional → simplified pairs (the data file hant-hans.table) for the CJK blocks,
    // by code point (0 where a character is not traditional), and those outside them: folding
    // asks about every character typed and every character of intents/, and an array read
    // costs a tenth of a hash look-up.
    private let simplifiedByCodePoint: [UInt32]
    private let otherPairs: [Unicode.Scalar: Unicode.Scalar]
    private static let cjkBlocks: Range<UInt32> = 0x3400..<0xA000

    public init(traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]) {
        self.init(pairs: traditionalToSimplified.map { ($0.key, $0.value) })
    }

    /// A normalizer with these traditional → simplified pairs; of two for one character, the later counts.
    init(pairs: [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)]) {
        var byCodePoint = [UInt32](repeating: 0, count: Self.cjkBlocks.count)
        var others: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (traditional, simplified) in pairs {
            if Self.cjkBlocks.contains(traditional.value) {
                byCodePoint[Int(traditional.value - Self.cjkBlocks.lowerBound)] = simplified.value
            } else {
                others[traditional] = simplified
            }
        }
        simplifiedByCodePoint = byCodePoint
        otherPairs = others
    }

    /// Traditional → simplified, one character for one (the data file hant-hans.table), as a
    /// dictionary made when asked for.
    public var traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar] {
        var table = otherPairs
        for (offset, simplified) in simplifiedByCodePoint.enumerated() where simplified != 0 {
            table[Unicode.Scalar(Self.cjkBlocks.lowerBound + UInt32(offset))!] = Unicode.Scalar(simplified)!
        }
        return table
    }

    /// The simplified form of a traditional character, or nil when `s` is not one.
    public func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if Self.cjkBlocks.contains(v) {
            let simplified = simplifiedByCodePoint[Int(v - Self.cjkBlocks.lowerBound)]
            return simplified == 0 ? nil : Unicode.Scalar(simplified)
        }
        return otherPairs.isEmpty ? nil : otherPairs[s]
    }

    /// Reads the table format: whitespace-separated two-character words, `#` comments.
    public static func parseTable(_ text: String, file: String) throws(DataError) -> [Unicode.Scalar: Unicode.Scalar] {
        Dictionary(try pairs(inTable: text, file: file), uniquingKeysWith: { _, later in later })
    }

    /// The pairs of the table format, in the order written.
    static func pairs(inTable text: String, file: String) throws(DataError) -> [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)] {
        // Scalars, not Characters: the table has thousands of entries and is read at every start.
        var pairs: [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)] = []
        pairs.reserveCapacity(4096)
        let scalars = text.unicodeScalars
        var line = 1
        var column = 1
        var comment = false
        // The word being read: where it starts, its length in scalars, its first two.
        var wordStart = scalars.startIndex
        var count = 0
        var first: Unicode.Scalar = " "
        var second: Unicode.Scalar = " "
        var i = scalars.startIndex
        while true {
            let s = i < scalars.endIndex ? scalars[i] : nil
            if let s, s != "\n", s != " " {
                if s == "#" && column == 1 {
                    comment = true
                } else {
                    if count == 0 { wordStart = i; first = s } else if count == 1 { second = s }
                    count += 1
                }
                column += 1
                i = scalars.index(after: i)
                continue
            }
            // A word ends at a space, at the end of a line and at the end of the text.
            if count > 0, !comment {
                guard count == 2 else {
                    throw DataError(file: file, line: line, column: column - count,
                                    problem: .notACharacterPair(String(Substring(scalars[wordStart..<i]))))
                }
                pairs.append((first, second))
            }
            count = 0
            guard let s else { break }
            if s == "\n" {
                line += 1
                column = 1
                comment = false
            } else {
                column += 1
            }
            i = scalars.index(after: i)
        }
        return pairs
    }

    /// Folds `text`, keeping one folded scalar for each scalar typed.
    public func normalize(_ text: String) -> NormalizedText {
        let original = Array(text.unicodeScalars)
        var folded = original
        for i in folded.indices { folded[i] = fold(folded[i]) }
        return NormalizedText(original: original, scalars: folded)
    }

    /// Folds a single scalar.
    public func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 0x20)! : s
        }
        // Full-width ASCII block and the ideographic space.
        if v >= 0xFF01 && v <= 0xFF5E { return fold(Unicode.Scalar(v - 0xFEE0)!) }
        if v == 0x3000 { return " " }
        if let simplified = simplified(s) { return simplified }
        // Han has no case, and asking Unicode's properties costs more than the rest of folding.
        if ScalarClass.isHan(v) { return s }
        guard s.properties.changesWhenLowercased else { return s }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let first = lower.first { return first }
        return s
    }

    /// True when `text` holds a traditional character that the table folds.
    public func isTraditional(_ text: String) -> Bool {
        text.unicodeScalars.contains { simplified($0) != nil }
    }
}
