/// What a scalar is for tokenizing: the handful of classes the matcher cares about.
enum ScalarClass {
    case han        // a CJK ideograph (or kana/hangul): one token each
    case letter     // Latin and other alphabetic letters: words
    case digit      // ASCII digits after folding: numbers
    case separator  // spaces, punctuation, symbols, emoji, controls: dropped between tokens

    init(_ s: Unicode.Scalar) {
        let v = s.value
        if v >= 0x30 && v <= 0x39 { self = .digit; return }
        if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { self = .letter; return }
        // An apostrophe splits words as ’ does (Chen's → chen s): patterns and input split alike.
        if v < 0x80 { self = .separator; return }
        if Self.isHan(v) { self = .han; return }
        let p = s.properties
        if p.isAlphabetic && !p.isEmoji { self = .letter; return }
        self = .separator
    }

    /// Punctuation that ends a phrase (a comma, a question mark, a colon, a line break), in
    /// either width: no look-up word or name runs across one.
    static func endsPhrase(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ",", ";", ":", "!", "?", "\n", "。", "，", "；", "：", "！", "？", "、": true
        default: false
        }
    }

    static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x2FA1F)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x3040 && v <= 0x30FF) || (v >= 0xAC00 && v <= 0xD7AF)
            || v == 0x3007
    }
}
