import Foundation

/// The language a rep wrote in, which replies follow.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
    case en

    /// The language of `text`, or nil when it has no letters at all ("13800138000", "2"):
    /// then the conversation keeps its language.
    public static func detect(_ text: String, normalizer: Normalizer) -> Language? {
        var han = false
        var latin = false
        for s in text.unicodeScalars {
            if normalizer.simplified(s) != nil { return .zhHant }
            switch ScalarClass(normalizer.fold(s)) {
            case .han: han = true
            case .letter: latin = true
            default: break
            }
        }
        return han ? .zhHans : latin ? .en : nil
    }

    /// A Chinese line that both scripts write alike (退出, 好的) keeps the conversation's script:
    /// a rep writing traditional is answered in traditional throughout. `found` is what
    /// `detect` said of `text`.
    public static func continuing(_ found: Language?, after previous: Language, text: String,
                                  simplifiedOnly: () -> Set<Unicode.Scalar>) -> Language? {
        guard found == .zhHans, previous == .zhHant else { return found }
        let only = simplifiedOnly()
        return text.unicodeScalars.contains(where: only.contains) ? .zhHans : .zhHant
    }

    /// The characters only simplified Chinese writes (这, 说). The folding table alone cannot
    /// tell them, since it folds 齣 → 出 and 出 is written in both scripts; ICU's Hans-Hant
    /// can. One ICU call for the whole table: each call builds a transliterator (~10 ms).
    public static func simplifiedOnly(_ normalizer: Normalizer) -> Set<Unicode.Scalar> {
        let candidates = Array(Set(normalizer.traditionalToSimplified.values)).sorted { $0.value < $1.value }
        let joined = candidates.map { String($0) }.joined(separator: "\n")
        let converted = (joined.applyingTransform(StringTransform(rawValue: "Hans-Hant"), reverse: false) ?? joined)
            .components(separatedBy: "\n")
        guard converted.count == candidates.count else { return [] }
        var only = Set<Unicode.Scalar>()
        for (scalar, traditional) in zip(candidates, converted) where traditional != String(scalar) { only.insert(scalar) }
        return only
    }
}
