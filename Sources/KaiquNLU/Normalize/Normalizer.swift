/// Folds what a rep types into one canonical form before anything else looks at it:
/// full-width → half-width, traditional → simplified, upper → lower case. Punctuation, emoji
/// and spaces are left in place here (a phone number or 15:30 needs them); the tokenizer
/// drops them afterwards.
public struct Normalizer: Sendable {
    /// Traditional → simplified, one character for one (the data file hant-hans.table).
    public let traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]
    // The same pairs for the CJK blocks, by code point (0 where a character is not
    // traditional), and those outside them: folding asks about every character typed and
    // every character of intents/, and an array read costs a tenth of a hash look-up.
    private let simplifiedByCodePoint: [UInt32]
    private let otherPairs: [Unicode.Scalar: Unicode.Scalar]
    private static let cjkBlocks: Range<UInt32> = 0x3400..<0xA000

    public init(traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]) {
        self.traditionalToSimplified = traditionalToSimplified
        var byCodePoint = [UInt32](repeating: 0, count: Self.cjkBlocks.count)
        var others: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (traditional, simplified) in traditionalToSimplified {
            if Self.cjkBlocks.contains(traditional.value) {
                byCodePoint[Int(traditional.value - Self.cjkBlocks.lowerBound)] = simplified.value
            } else {
                others[traditional] = simplified
            }
        }
        simplifiedByCodePoint = byCodePoint
        otherPairs = others
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
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        table.reserveCapacity(4096)
        // Scalars, not Characters: the table has thousands of entries and is read at every start.
        var line = 1
        var column = 1
        var word: [Unicode.Scalar] = []
        var comment = false
        func finish() throws(DataError) {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty, !comment else { return }
            guard word.count == 2 else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: word)
                throw DataError(file: file, line: line, column: column - word.count, problem: .notACharacterPair(String(view)))
            }
            table[word[0]] = word[1]
        }
        for s in text.unicodeScalars {
            switch s {
            case "\n":
                try finish()
                line += 1
                column = 1
                comment = false
                continue
            case " ":
                try finish()
            case "#" where column == 1:
                comment = true
            default:
                word.append(s)
            }
            column += 1
        }
        try finish()
        return table
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
