import Foundation
import KaiquDialogue
import KaiquNLU

/// The dialogue every conversation of a process shares: made once, and once more with the
/// traditional replies when a rep first writes traditional. A bridge serving a thousand reps
/// pays for the traditional catalogue once, not per rep.
final class Dialogues {
    private let simplified: Dialogue
    private var traditional: Dialogue?
    // The simplified-only characters, made the first time a line needs them.
    private var simplifiedOnlyScalars: Set<Unicode.Scalar>?

    init(_ data: LoadedData) {
        simplified = Dialogue(rules: data.parser.rules, data: data.dialogue,
                              valueLabels: Self.valueLabels(data.parser.rules, traditional: false))
    }

    /// The dialogue to run: the traditional-filled one once it exists (it answers simplified
    /// and English lines alike), made now when `needsTraditional`.
    func dialogue(needsTraditional: Bool) -> Dialogue {
        if let traditional { return traditional }
        guard needsTraditional else { return simplified }
        // Traditional replies and labels cost an ICU transliterator (~10 ms): made once, in
        // one call each.
        var data = simplified.data
        data.catalogue = data.catalogue.filledTraditional(Self.toTraditional)
        let made = Dialogue(rules: simplified.rules, data: data, valueLabels: Self.valueLabels(simplified.rules, traditional: true))
        traditional = made
        return made
    }

    /// Characters only simplified Chinese writes, for telling a conversation's script.
    var simplifiedOnly: Set<Unicode.Scalar> {
        if let simplifiedOnlyScalars { return simplifiedOnlyScalars }
        let made = Language.simplifiedOnly(simplified.rules.normalizer)
        simplifiedOnlyScalars = made
        return made
    }

    /// Simplified texts to traditional, in one ICU call.
    static func toTraditional(_ texts: [String]) -> [String] {
        let joined = texts.joined(separator: "\u{1F}")
        let converted = joined.applyingTransform(StringTransform(rawValue: "Hans-Hant"), reverse: false) ?? joined
        let parts = converted.components(separatedBy: "\u{1F}")
        return parts.count == texts.count ? parts : texts
    }

    /// Lookup values as words for replies: each value's first Chinese and first English synonym.
    /// Regions (thousands) only when traditional is asked for: their simplified name is the
    /// value itself, and the dialogue finds the English one when it needs it.
    static func valueLabels(_ rules: RuleSet, traditional: Bool) -> [String: [String: [Language: String]]] {
        var labels: [String: [String: [Language: String]]] = [:]
        var keys: [(String, String)] = []
        var chinese: [String] = []
        for (lookup, values) in rules.lookupWords where lookup != "region" || traditional {
            for value in values.keys {
                let zh = rules.label(of: value, lookup: lookup, chinese: true) ?? value
                labels[lookup, default: [:]][value] = [.zhHans: zh, .en: rules.label(of: value, lookup: lookup, chinese: false) ?? value]
                keys.append((lookup, value))
                chinese.append(zh)
            }
        }
        guard traditional else { return labels }
        let converted = toTraditional(chinese)
        for (index, key) in keys.enumerated() { labels[key.0]?[key.1]?[.zhHant] = converted[index] }
        return labels
    }
}
