/// Folds words into the ones the rules are written with, after character folding: Cantonese
/// function words (佢 → 他, 咗 → 了, 聽日 → 明天) from the `rewrite` blocks of intents/, and,
/// on the typo pass, IME homophone slips (客护 → 客户) found through `HomophoneIndex`.
///
/// A rewrite keeps the number of scalars (佢 → 他, 邊個 → 哪个), so every position still
/// points at what the rep typed and slot values quote them exactly: 佢話要諗下 stays the note.
/// Sources are matched against the text as typed (case folded only), because a Cantonese
/// character can fold to a simplified one that means something else (係 → 系).
public struct PhraseRewriter: Sendable {
    /// Each rewrite by the first scalar of its source, longest source first.
    private var byFirst: [Unicode.Scalar: [(source: [Unicode.Scalar], target: [Unicode.Scalar])]] = [:]
    // One bit per code point below U+10000 that starts a source: every scalar of every message
    // is asked, and an array read is far cheaper than hashing it.
    private var startsSource = [UInt64](repeating: 0, count: 1024)

    public init() {}

    public var isEmpty: Bool { byFirst.isEmpty }

    /// Adds one entry of a `rewrite` block, `typed -> read`: the source as typed (case
    /// aside), the target folded. False when the entry is malformed or its sides differ in length.
    mutating func add(entry: String, normalizer: Normalizer) -> Bool {
        let parts = entry.split(separator: "->", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        guard parts.count == 2 else { return false }
        let source = parts[0].unicodeScalars.map(lowered)
        let target = parts[1].unicodeScalars.map(normalizer.fold)
        guard !source.isEmpty, source.count == target.count else { return false }
        byFirst[source[0], default: []].append((source, target))
        let v = source[0].value
        if v < 0x10000 { startsSource[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        byFirst[source[0]]!.sort { $0.source.count > $1.source.count }
        return true
    }

    /// `text` with every rewrite applied, longest first, left to right; and what was rewritten
    /// (typed form → rewritten form), for `--explain`.
    func apply(to text: NormalizedText) -> (text: NormalizedText, changes: [(from: String, to: String)]) {
        guard !byFirst.isEmpty else { return (text, []) }
        let typed = text.original
        var scalars = text.scalars
        var changes: [(String, String)] = []
        var i = 0
        while i < typed.count {
            let s = lowered(typed[i])
            guard mayStart(typed[i]), let candidates = byFirst[s] else { i += 1; continue }
            var advanced = false
            for (source, target) in candidates where i + source.count <= typed.count {
                var same = true
                for k in 1..<max(source.count, 1) where lowered(typed[i + k]) != source[k] { same = false; break }
                guard same else { continue }
                for k in 0..<target.count { scalars[i + k] = target[k] }
                changes.append((String(scalars: typed[i..<i + source.count]), String(scalars: target)))
                i += source.count
                advanced = true
                break
            }
            if !advanced { i += 1 }
        }
        return (NormalizedText(original: typed, scalars: scalars), changes)
    }

    /// A word of intents/ as the input will read once rewritten (话唔到事 → 话不到事).
    /// Every word of intents/ comes through here at start-up: most start no rewrite, and are
    /// let through after one bit test per scalar.
    func rewrite(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: mayStart) else { return word }
        let scalars = Array(word.unicodeScalars)
        return String(scalars: apply(to: NormalizedText(original: scalars, scalars: scalars)).text.scalars)
    }

    private func mayStart(_ typed: Unicode.Scalar) -> Bool {
        let s = lowered(typed)
        return s.value >= 0x10000 ? byFirst[s] != nil : startsSource[Int(s.value >> 6)] & (1 << UInt64(s.value & 63)) != 0
    }

    private func lowered(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (s.value >= 0x41 && s.value <= 0x5A) ? Unicode.Scalar(s.value + 0x20)! : s
    }
}
