import Foundation

/// The language a rep wrote in, which replies follow.
public enum Language: String, Sendable, CaseIterable {
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
    case en

    /// The language of `text`, or nil when it has no letters at all ("13800138000", "2"):
    /// then the conversation keeps its language.
    public static func detect(_ text: String, normalizer: Normalizer) -> Language? {
        var han = false
        var latin = false
        for s in text.unicodeScalars {
            if normalizer.traditionalToSimplified[s] != nil { return .zhHant }
            switch ScalarClass(normalizer.fold(s)) {
            case .han: han = true
            case .letter: latin = true
            default: break
            }
        }
        return han ? .zhHans : latin ? .en : nil
    }

    /// Like `detect`, but a Chinese line that both scripts write alike (退出, 好的) keeps the
    /// conversation's script: a rep writing traditional is answered in traditional throughout.
    public static func detect(_ text: String, normalizer: Normalizer, continuing previous: Language) -> Language? {
        let found = detect(text, normalizer: normalizer)
        guard found == .zhHans, previous == .zhHant else { return found }
        // The table folds 齣 → 出, so it cannot tell which characters only simplified Chinese
        // writes; ICU's Hans-Hant can, and this path is rare (a neutral line after traditional).
        let asTraditional = text.applyingTransform(StringTransform(rawValue: "Hans-Hant"), reverse: false) ?? text
        return asTraditional == text ? .zhHant : .zhHans
    }
}
