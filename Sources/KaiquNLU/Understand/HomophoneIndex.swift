/// IME homophone slips (客护 → 客户, 点话 → 电话, 明添 → 明天): a window of the sentence whose
/// Mandarin readings, tones ignored, spell a word Kaiqu knows, but whose characters differ
/// in one place. Readings come from intents/pinyin.table (derived from Unihan; see its header).
///
/// Used only on the typo pass, when the sentence as typed was not understood, and never on a
/// customer's name: a correction only ever turns text into a cue word.
public struct HomophoneIndex: Sendable {
    // Each character's toneless readings, by number.
    private var readings: [Unicode.Scalar: [UInt16]] = [:]
    // A target word's readings joined (one UInt16 per character) → the words that read so.
    private var words: [[UInt16]: [[Unicode.Scalar]]] = [:]
    private var longest = 0

    public init() {}

    /// Reads the table format: `syllable characters`, one syllable a line, `#` comments.
    static func parse(_ text: String, file: String) throws(DataError) -> HomophoneIndex {
        var index = HomophoneIndex()
        var syllable: UInt16 = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else {
                throw DataError(file: file, line: number + 1, column: 1, problem: .badPinyinLine(String(line.prefix(20))))
            }
            syllable += 1
            for c in parts[1].unicodeScalars { index.readings[c, default: []].append(syllable) }
        }
        return index
    }

    public var isEmpty: Bool { readings.isEmpty }

    /// Makes `word` (folded Han text, two to four characters) a target of corrections.
    mutating func addTarget(_ word: [Unicode.Scalar]) {
        guard (2...4).contains(word.count), word.allSatisfy({ ScalarClass($0) == .han }) else { return }
        for key in keys(word) where !(words[key]?.contains(word) ?? false) { words[key, default: []].append(word) }
        longest = max(longest, word.count)
    }

    // Every spelling of `chars` by their readings; a character with no reading spells nothing.
    private func keys(_ chars: some Collection<Unicode.Scalar>) -> [[UInt16]] {
        var keys: [[UInt16]] = [[]]
        for c in chars {
            guard let r = readings[c] else { return [] }
            keys = keys.flatMap { key in r.map { key + [$0] } }
            if keys.count > 64 { return [] }
        }
        return keys
    }

    /// `scalars` with each slip corrected, longest window first, and what was changed.
    func correct(_ scalars: [Unicode.Scalar], keep: (Range<Int>) -> Bool) -> (scalars: [Unicode.Scalar], changes: [(from: String, to: String)]) {
        var out = scalars
        var changes: [(String, String)] = []
        var i = 0
        outer: while i < scalars.count {
            for n in stride(from: min(longest, scalars.count - i), through: 2, by: -1) {
                let window = scalars[i..<i + n]
                guard window.allSatisfy({ ScalarClass($0) == .han }), !keep(i..<i + n) else { continue }
                for key in keys(window) {
                    guard let targets = words[key] else { continue }
                    for target in targets where !target.elementsEqual(window) {
                        let differing = zip(target, window).filter { $0 != $1 }.count
                        guard differing == 1 else { continue }
                        for k in 0..<n { out[i + k] = target[k] }
                        changes.append((String(scalars: window), String(scalars: target)))
                        i += n
                        continue outer
                    }
                }
            }
            i += 1
        }
        return (out, changes)
    }
}
