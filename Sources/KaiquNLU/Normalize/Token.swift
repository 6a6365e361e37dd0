/// One unit the pattern matcher steps over: a Han character, a Latin word or a run of digits.
public struct Token: Sendable, Equatable, Codable {
    /// The folded text of the token.
    public var text: String
    /// Scalar offsets into the normalized text.
    public var range: Range<Int>
    /// The token's number in the rule lexicon, or -1 when no pattern uses this word.
    public var id: Int
}

/// Splits folded text into tokens. Separators (spaces, punctuation, emoji, controls) only
/// end tokens, which is why "拜 访" and "拜访" and "拜访！" read alike.
public enum Tokenizer {
    public static func tokens(of text: NormalizedText, lexicon: Lexicon) -> [Token] {
        tokens(of: text.scalars, lexicon: lexicon)
    }

    static func tokens(of scalars: [Unicode.Scalar], lexicon: Lexicon?) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let kind = ScalarClass(scalars[i])
            switch kind {
            case .separator:
                i += 1
            case .han:
                // A known character's text is the lexicon's: no String to make.
                let id = lexicon?.id(of: scalars[i]) ?? -1
                let text = id >= 0 ? lexicon!.words[id] : String(scalars[i])
                result.append(Token(text: text, range: i..<i + 1, id: id))
                i += 1
            case .letter, .digit:
                let start = i
                i += 1
                while i < scalars.count, ScalarClass(scalars[i]) == kind { i += 1 }
                let text = String(scalars: scalars[start..<i])
                result.append(Token(text: text, range: start..<i, id: lexicon?.id(of: text) ?? -1))
            }
        }
        return result
    }
}
