/// IME homophone slips (客护 → 客户, 点话 → 电话, 明添 → 明天): a window of the sentence whose
/// Mandarin readings, tones ignored, spell a word Kaiqu knows, but whose characters differ
/// in one place. Readings come from intents/pinyin.table (derived from Unihan; see its header).
///
/// Used only on the typo pass, when the sentence as typed was not understood, and never on a
/// customer's name: a correction only ever turns text into a cue word.
public struct HomophoneIndex: Sendable {
    // Each CJK character's toneless readings, by number: readingList[readingStart[c]..<readingStart[c + 1]]
    // for c = code point − U+4E00. Every character of a sentence is looked up, so by array.
    private var readingStart: [Int32] = []
    private var readingList: [UInt16] = []
    private static let block: Range<UInt32> = 0x4E00..<0xA000
    // The target words, and for each reading as the fuzzy settings hear it the targets whose
    // first character has it (测销 is 撤销: ce is che to a flat-initial typist).
    private var targets: [[Unicode.Scalar]] = []
    private var targetSet: Set<[Unicode.Scalar]> = []
    private var byFirstKey: [[Int32]] = []
    // Each syllable's number as an IME forgives it (`fuzzyKey`): 因 yin and 应 ying alike.
    private var fuzzy: [UInt16] = []
    // Characters typed too often to be anyone's slip (了, 的, 是): 做了个 holds no 哪个.
    private var steady: Set<Unicode.Scalar> = []

    public init() {}

    /// Reads the table format: `syllable characters`, one syllable a line, `#` comments.
    static func parse(_ text: String, file: String) throws(DataError) -> HomophoneIndex {
        // Read at every start: two passes over the lines, counting and then filling, rather
        // than an array per character.
        var lines: [(syllable: UInt16, characters: Substring)] = []
        var syllable: UInt16 = 0
        var fuzzy: [UInt16] = [0]
        var fuzzyNumbers: [String: UInt16] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let space = line.firstIndex(of: " ") else {
                throw DataError(file: file, line: number + 1, column: 1, problem: .badPinyinLine(String(line.prefix(20))))
            }
            syllable += 1
            lines.append((syllable, line[line.index(after: space)...]))
            let key = Self.fuzzyKey(String(line[..<space]))
            if fuzzyNumbers[key] == nil { fuzzyNumbers[key] = UInt16(fuzzyNumbers.count + 1) }
            fuzzy.append(fuzzyNumbers[key]!)
        }
        var counts = [Int32](repeating: 0, count: block.count + 1)
        for line in lines {
            for c in line.characters.unicodeScalars where block.contains(c.value) { counts[Int(c.value - block.lowerBound) + 1] += 1 }
        }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var index = HomophoneIndex()
        index.fuzzy = fuzzy
        index.readingStart = counts
        index.readingList = [UInt16](repeating: 0, count: Int(counts[block.count]))
        var fill = counts
        for line in lines {
            for c in line.characters.unicodeScalars where block.contains(c.value) {
                let i = Int(c.value - block.lowerBound)
                index.readingList[Int(fill[i])] = line.syllable
                fill[i] += 1
            }
        }
        return index
    }

    public var isEmpty: Bool { readingList.isEmpty }

    private func readings(_ c: Unicode.Scalar) -> ArraySlice<UInt16> {
        guard Self.block.contains(c.value), !readingStart.isEmpty else { return [] }
        let i = Int(c.value - Self.block.lowerBound)
        return readingList[Int(readingStart[i])..<Int(readingStart[i + 1])]
    }

    // The same syllable, or one the fuzzy settings of Chinese IMEs (模糊音) type for it:
    // front and back nasals (in/ing, en/eng, an/ang), flat and curled initials (z/zh, c/ch,
    // s/sh) and n/l, which many southern reps do not tell apart: 供因商 is 供应商.
    private func soundAlike(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        a == b || readings(a).contains { x in readings(b).contains { y in x == y || fuzzy[Int(x)] == fuzzy[Int(y)] } }
    }

    /// Whether `typed` and `meant` differ only by characters sharing a reading exactly, with
    /// none of the fuzzy settings (供因商 → 供应商 is near, 删出 → 删除 exact).
    func soundsExactlyAlike(_ typed: String, _ meant: String) -> Bool {
        let a = Array(typed.unicodeScalars), b = Array(meant.unicodeScalars)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in x == y || readings(x).contains { readings(y).contains($0) } }
    }

    /// A syllable as the fuzzy settings read it: zh ch sh → z c s, n → l, -ng → -n.
    static func fuzzyKey(_ syllable: String) -> String {
        var s = Substring(syllable)
        for (curled, flat) in [("zh", "z"), ("ch", "c"), ("sh", "s")] where s.hasPrefix(curled) { s = flat + s.dropFirst(2) }
        if s.hasPrefix("n"), s.count > 1 { s = "l" + s.dropFirst() }
        if s.hasSuffix("ng"), s.count > 2, s.dropLast(2).last.map({ "aei".contains($0) }) == true { s = s.dropLast() }
        return String(s)
    }

    // A character's readings as the fuzzy settings hear them, each once (most have one or two:
    // no set is made for each character of a sentence).
    private func fuzzyKeys(of c: Unicode.Scalar) -> [UInt16] {
        var keys: [UInt16] = []
        for reading in readings(c) where !keys.contains(fuzzy[Int(reading)]) { keys.append(fuzzy[Int(reading)]) }
        return keys
    }

    /// Makes `character` one never taken for a slip (the cue words' `never-slip` group).
    mutating func addSteady(_ character: Unicode.Scalar) { steady.insert(character) }

    /// Makes `word` (folded Han text, two to four characters) a target of corrections.
    mutating func addTarget(_ word: [Unicode.Scalar]) {
        guard (2...4).contains(word.count), word.allSatisfy({ ScalarClass($0) == .han }), targetSet.insert(word).inserted else { return }
        for key in fuzzyKeys(of: word[0]) {
            if byFirstKey.count <= Int(key) { byFirstKey += Array(repeating: [], count: Int(key) + 1 - byFirstKey.count) }
            byFirstKey[Int(key)].append(Int32(targets.count))
        }
        targets.append(word)
    }

    /// `scalars` with each slip corrected, longest target first, and what was changed.
    /// `keep(window, slip)`: whether a window (and the one character in it that would change)
    /// must stay as typed.
    func correct(_ scalars: [Unicode.Scalar], keep: (Range<Int>, Int) -> Bool) -> (scalars: [Unicode.Scalar], changes: [(from: String, to: String)]) {
        var out = scalars
        var changes: [(String, String)] = []
        // A window inside a longer known word typed exactly is no slip (从哪下手 holds no 拿下),
        // nor is a character of a known word typed exactly (冷落了 holds no 那了). Found only
        // once a window fits, which few messages have.
        var spelled: [Range<Int>]?
        var i = 0
        while i < scalars.count {
            // The longest target, and of two as long one of the very same sound (三店 is 三点,
            // not 商店).
            var best: (target: Int, length: Int, exact: Bool)?
            let heard = readings(scalars[i])
            for (r, reading) in zip(heard.indices, heard) {
                let key = Int(fuzzy[Int(reading)])
                // Each sound once (two readings the fuzzy settings hear alike are one).
                guard key < byFirstKey.count, !heard[heard.startIndex..<r].contains(where: { Int(fuzzy[Int($0)]) == key }) else { continue }
                for t in byFirstKey[key] {
                    let target = targets[Int(t)]
                    let n = target.count
                    guard n >= (best?.length ?? 2), i + n <= scalars.count else { continue }
                    // One character at most differs: a first one that does leaves the rest to
                    // match as typed (most targets a sound brings up fail here, at no cost).
                    if scalars[i] != target[0], scalars[i + 1] != target[1] { continue }
                    var differing = 0
                    var slip = i
                    var fits = true
                    for k in 0..<n {
                        let typed = scalars[i + k]
                        if typed == target[k] { continue }
                        differing += 1
                        slip = i + k
                        if differing > 1 || ScalarClass(typed) != .han || steady.contains(typed) || !soundAlike(typed, target[k]) { fits = false; break }
                    }
                    // A window that is a known word itself (不是, 跳到) is no slip for another.
                    guard fits, differing == 1, !keep(i..<i + n, slip), !targetSet.contains(Array(scalars[i..<i + n])) else { continue }
                    if spelled == nil { spelled = knownWords(in: scalars) }
                    let inside = spelled!.contains { $0.count > n && $0.contains(i) && $0.upperBound >= i + n }
                    let across = spelled!.contains { $0.contains(slip) && $0 != i..<i + n && !($0.lowerBound >= i && $0.upperBound <= i + n) }
                    let exact = readings(scalars[slip]).contains { readings(target[slip - i]).contains($0) }
                    if !inside, !across, best.map({ n > $0.length || !$0.exact && exact }) ?? true { best = (Int(t), n, exact) }
                }
            }
            guard let best else { i += 1; continue }
            let target = targets[best.target]
            for k in 0..<best.length { out[i + k] = target[k] }
            changes.append((String(scalars: scalars[i..<i + best.length]), String(scalars: target)))
            i += best.length
        }
        return (out, changes)
    }

    // The target words typed exactly in `scalars`.
    private func knownWords(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spelled: [Range<Int>] = []
        for i in scalars.indices where ScalarClass(scalars[i]) == .han {
            for n in 2...4 where i + n <= scalars.count && targetSet.contains(Array(scalars[i..<i + n])) {
                spelled.append(i..<i + n)
            }
        }
        return spelled
    }
}
