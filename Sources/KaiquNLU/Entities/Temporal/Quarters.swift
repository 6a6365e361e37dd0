/// Quarters of the year, which reports ask for: Q1, 第一季度, 一季度, 本季度, 上个季度,
/// this quarter, last quarter, next quarter. A quarter is a period of days, both ends in.
enum Quarters {
    /// The quarter said at `i`, and where it ends.
    static func parse(_ s: [Unicode.Scalar], at i: Int, ref: TimeReference) -> (value: TimeValue, end: Int)? {
        // Called at every word of every message: most scalars can start no quarter at all.
        guard starters.contains(s[i]) else { return nil }
        let current = (ref.today.month - 1) / 3 + 1
        // Q1 … Q4 (a Latin word of its own), optionally followed by 季度.
        if s[i] == "q", i + 1 < s.count, let n = digit(s[i + 1]), (1...4).contains(n),
           i + 2 >= s.count || ScalarClass(s[i + 2]) != .letter && ScalarClass(s[i + 2]) != .digit {
            var end = i + 2
            if starts(s, end, quarterWord) { end += 2 }
            return (quarter(n, of: ref.today.year), end)
        }
        // 第一季度, 一季度, 1季度.
        var j = i
        if s[j] == "第" { j += 1 }
        if j < s.count, let n = digit(s[j]) ?? chineseDigit(s[j]), (1...4).contains(n), starts(s, j + 1, quarterWord) {
            return (quarter(n, of: ref.today.year), j + 3)
        }
        // 本季度 / 这个季度 / 上个季度 / 下季度, this / last / next quarter.
        for (words, offset) in relative where starts(s, i, words) {
            var n = current + offset, year = ref.today.year
            if n < 1 { n += 4; year -= 1 }
            if n > 4 { n -= 4; year += 1 }
            return (quarter(n, of: year), i + words.count)
        }
        return nil
    }

    private static let relative: [([Unicode.Scalar], Int)] = [
        ("本季度", 0), ("这季度", 0), ("这个季度", 0), ("今个季度", 0), ("上季度", -1), ("上个季度", -1),
        ("下季度", 1), ("下个季度", 1), ("this quarter", 0), ("last quarter", -1), ("next quarter", 1),
    ].map { (Array($0.0.unicodeScalars), $0.1) }
    private static let quarterWord = Array("季度".unicodeScalars)
    private static let starters: Set<Unicode.Scalar> = Set("q第一二两三四1234本这今上下tln".unicodeScalars)

    private static func quarter(_ n: Int, of year: Int) -> TimeValue {
        let first = CivilDay(year, (n - 1) * 3 + 1, 1)
        return .days(first, first.adding(months: 2).lastOfMonth)
    }

    private static func starts(_ s: [Unicode.Scalar], _ i: Int, _ w: [Unicode.Scalar]) -> Bool {
        i + w.count <= s.count && s[i..<i + w.count].elementsEqual(w)
    }

    private static func digit(_ c: Unicode.Scalar) -> Int? { c.isASCIIDigit ? Int(c.value - 0x30) : nil }

    private static func chineseDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        default: nil
        }
    }
}
