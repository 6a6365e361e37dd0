/// Reads numbers as reps write them: digits (8,000 · 1.5), Chinese numerals (三千五百, 十万八千,
/// 两, 俩, 仨, 廿), mixtures (1.2万, 3千5), colloquial tails (三百五 = 350, 两万五 = 25,000) and
/// the chat abbreviations 5w (万) and 8k.
enum Numerals {
    /// A number read from folded text.
    struct Reading {
        var value: Double
        var end: Int
        /// It used 万, 千, 亿, w or k: a magnitude, which in sales talk means money.
        var hasMagnitude: Bool
        /// It was written in Chinese characters only.
        var isChinese: Bool
    }

    static let digitValues: [Unicode.Scalar: Double] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4,
        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let smallUnits: [Unicode.Scalar: Double] = ["十": 10, "百": 100, "千": 1_000, "廿": 20]

    /// True when a number can start with `c`.
    static func canStart(_ c: Unicode.Scalar) -> Bool { c.isASCIIDigit || digitValues[c] != nil || c == "十" || c == "廿" }

    /// The most scalars a number is read from: longer than any amount, phone or date part
    /// a rep writes (一千二百三十四万五千六百七十八 is 15), and short enough that reading a
    /// number at every place of a long line of digits stays linear.
    static let longest = 32

    /// Reads the longest number starting at `i`, or nil. A run of number characters longer
    /// than `longest` is no number.
    static func read(_ s: [Unicode.Scalar], at i: Int) -> Reading? {
        guard i < s.count, canStart(s[i]) else { return nil }
        var k = i
        while k < s.count, k - i <= longest, s[k].isASCIIDigit || s[k] == "," || s[k] == "." || digitValues[s[k]] != nil
                || smallUnits[s[k]] != nil || s[k] == "万" || s[k] == "亿" { k += 1 }
        guard k - i <= longest else { return nil }
        var total = 0.0      // everything before the last 万 or 亿
        var section = 0.0    // the part below 万 read so far
        var number = 0.0     // the digit (or digit run) not yet given a unit
        var lastUnit = 0.0   // for colloquial tails: 三百五 is 350
        var afterZero = false
        var magnitude = false
        var chinese = true
        var j = i
        while j < s.count {
            let c = s[j]
            if c.isASCIIDigit {
                guard let run = digitRun(s, at: j) else { break }
                number = run.value
                chinese = false
                j = run.end
                // 5w, 8k, 8.5k, unless a letter follows ("5kg").
                if j < s.count, s[j] == "w" || s[j] == "k", j + 1 == s.count || ScalarClass(s[j + 1]) != .letter {
                    let value = total + section + number * (s[j] == "w" ? 10_000 : 1_000)
                    return Reading(value: value, end: j + 1, hasMagnitude: true, isChinese: false)
                }
                continue
            }
            if let digit = digitValues[c] {
                number = digit
                if digit == 0 { afterZero = true }
            } else if c == "廿" {
                section += 20
                lastUnit = 10
            } else if let unit = smallUnits[c] {
                section += (number == 0 ? 1 : number) * unit
                number = 0
                lastUnit = unit
                afterZero = false
                if unit == 1_000 { magnitude = true }
            } else if c == "万" || c == "亿" {
                if c == "亿" { total = (total + section + number) * 100_000_000 } else { total += (section + number) * 10_000 }
                section = 0
                number = 0
                lastUnit = c == "万" ? 10_000 : 100_000_000
                afterZero = false
                magnitude = true
            } else {
                break
            }
            j += 1
        }
        // 三百五 → 350, 两万五 → 25,000, 3千5 → 3,500: a lone last digit after a unit of a
        // hundred or more counts in the next unit down.
        if number > 0, number < 10, number == number.rounded(), lastUnit >= 100, !afterZero {
            number *= lastUnit / 10
        }
        return Reading(value: total + section + number, end: j, hasMagnitude: magnitude, isChinese: chinese)
    }

    // Digits with thousands separators (8,000) and one decimal point (1.5).
    private static func digitRun(_ s: [Unicode.Scalar], at start: Int) -> (value: Double, end: Int)? {
        var text = ""
        var k = start
        while k < s.count {
            if s[k].isASCIIDigit {
                text.unicodeScalars.append(s[k])
            } else if s[k] == ",", !text.contains("."), k + 3 < s.count, (k + 1...k + 3).allSatisfy({ s[$0].isASCIIDigit }),
                      k + 4 == s.count || !s[k + 4].isASCIIDigit {
                // a thousands separator: skip it
            } else if s[k] == ".", !text.contains("."), k + 1 < s.count, s[k + 1].isASCIIDigit {
                text.append(".")
            } else {
                break
            }
            k += 1
        }
        return Double(text).map { ($0, k) }
    }

    /// The contract's number format: no unit, no trailing ".0", at most two decimals.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
