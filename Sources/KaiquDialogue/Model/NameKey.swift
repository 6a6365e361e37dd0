import KaiquNLU

/// A name as the parser sees it: folded (traditional → simplified, lower case, full-width →
/// half-width), Chinese characters run together, Latin words one space apart. 張三, 张 三 and
/// 张三 share the key 张三; "David  CHEN" has "david chen". The store finds names by it.
public enum NameKey {
    // Made once: a lexicon holds a table for every common Chinese character, and a name is
    // keyed on every look-up by name.
    private static let empty = Lexicon()

    public static func of(_ name: String, normalizer: Normalizer) -> String {
        let text = normalizer.normalize(name)
        var key = ""
        var lastWasHan = false
        for token in Tokenizer.tokens(of: text, lexicon: empty) {
            let han = token.text.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false
            if !key.isEmpty && !(han && lastWasHan) { key += " " }
            key += token.text
            lastWasHan = han
        }
        return key
    }
}
