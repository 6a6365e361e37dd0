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
}
