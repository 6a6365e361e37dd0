/// Amounts of money, in yuan without a unit (the contract's format): ¥8,000 → 8000,
/// 5万 → 50000, 3千5 → 3500, 1.2万元 → 12000, 十万 → 100000, 5w → 50000, 8.5k → 8500,
/// 200块 → 200, 3000 rmb → 3000, twenty thousand → 20000, 1.5 million → 1500000.
///
/// A number is money when a currency mark or word stands by it (¥ ￥ 元 块 rmb cny yuan) or
/// when it has a magnitude (万 千 亿 w k): reps say 签了十万, never 签了十万个. A bare 5000
/// is only a number; patterns may take it as an amount where the sentence is about money.
public struct MoneyExtractor: EntityExtractor {
    public let name = "amount"
    public init() {}

    private static let before: [[Unicode.Scalar]] = ["¥", "￥", "rmb", "cny"].map { Array($0.unicodeScalars) }
    private static let after: [[Unicode.Scalar]] = ["元", "块钱", "块", "rmb", "cny", "yuan", "人民币"].map { Array($0.unicodeScalars) }

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        let s = text.scalars
        var i = 0
        while i < s.count {
            let wordStart = s[i].isASCII && s[i].properties.isAlphabetic && (i == 0 || !(s[i - 1].isASCII && s[i - 1].properties.isAlphabetic))
            guard Numerals.canStart(s[i]) || wordStart,
                  i == 0 || !(s[i - 1].isASCIIDigit || Numerals.canStart(s[i - 1]) || s[i - 1] == ".") else {
                i += 1
                continue
            }
            guard var reading = wordStart ? EnglishNumerals.read(s, at: i) : Numerals.read(s, at: i), reading.end > i else {
                i += 1
                continue
            }
            // 20 thousand, 1.5 million.
            if !wordStart, !reading.isChinese, let (factor, after) = EnglishNumerals.magnitude(after: reading.end, in: s) {
                reading.value *= factor
                reading.end = after
                reading.hasMagnitude = true
            }
            var start = i
            var end = reading.end
            var currency = false
            if let mark = Self.match(Self.before, endingAt: i, in: s) {
                start = mark
                currency = true
            }
            if let after = Self.match(Self.after, startingAt: end, in: s) {
                end = after
                currency = true
            }
            // A lone Chinese digit (一, 两) with a magnitude-free reading is too common a word.
            let chineseWord = reading.isChinese && reading.end - i == 1 && !currency
            if (currency || reading.hasMagnitude) && !chineseWord && reading.value > 0 {
                entities.append(Entity(type: "amount", range: start..<end, value: Numerals.format(reading.value), source: name))
            }
            i = reading.end
        }
    }

    private static func match(_ words: [[Unicode.Scalar]], endingAt index: Int, in s: [Unicode.Scalar]) -> Int? {
        var end = index
        while end > 0, s[end - 1] == " " { end -= 1 }
        for word in words where word.count <= end && s[(end - word.count)..<end].elementsEqual(word) { return end - word.count }
        return nil
    }

    private static func match(_ words: [[Unicode.Scalar]], startingAt index: Int, in s: [Unicode.Scalar]) -> Int? {
        var start = index
        while start < s.count, s[start] == " " { start += 1 }
        for word in words where start + word.count <= s.count && s[start..<start + word.count].elementsEqual(word) {
            // "rmb" must be a whole word.
            let end = start + word.count
            if ScalarClass(word[0]) == .letter, end < s.count, ScalarClass(s[end]) == .letter { continue }
            return end
        }
        return nil
    }
}
