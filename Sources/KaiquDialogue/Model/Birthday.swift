import Foundation
import KaiquNLU

/// A birthday, solar (公历) or lunar (农历). Lunar birthdays stay lunar: the day moves every
/// solar year, and that is the day the customer celebrates.
public struct Birthday: Sendable, Equatable, CustomStringConvertible, Codable {
    public enum Calendar: String, Sendable, Codable { case solar, lunar }

    public var calendar: Calendar
    public var year: Int?
    public var month: Int
    public var day: Int
    /// A lunar leap month (闰四月).
    public var leap = false

    public init(calendar: Calendar, year: Int? = nil, month: Int, day: Int, leap: Bool = false) {
        self.calendar = calendar
        self.year = year
        self.month = month
        self.day = day
        self.leap = leap
    }

    /// The stored form: `MM-DD`, `YYYY-MM-DD`, with `L` in front for lunar and `*` before a
    /// leap month: `L08-15`, `L*04-05`.
    public var description: String {
        var text = calendar == .lunar ? "L" : ""
        if leap { text += "*" }
        if let year { text += zeroPadded(year, 4) + "-" }
        return text + zeroPadded(month) + "-" + zeroPadded(day)
    }

    /// The key birthdays are found by: `MM-DD`, or `LMM-DD` / `L*MM-DD` for lunar ones.
    public var monthDayKey: String {
        (calendar == .lunar ? "L" : "") + (leap ? "*" : "") + zeroPadded(month) + "-" + zeroPadded(day)
    }

    /// Reads the stored form back.
    public init?(stored: String) {
        var rest = Substring(stored)
        calendar = rest.hasPrefix("L") ? .lunar : .solar
        if calendar == .lunar { rest = rest.dropFirst() }
        if rest.hasPrefix("*") { leap = true; rest = rest.dropFirst() }
        let parts = rest.split(separator: "-").map { Int($0) }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        switch parts.count {
        case 2: (year, month, day) = (nil, parts[0]!, parts[1]!)
        case 3: (year, month, day) = (parts[0]!, parts[1]!, parts[2]!)
        default: return nil
        }
        guard Self.plausible(calendar, month, day, year) else { return nil }
    }

    /// Reads what a rep types: 5月3日, 1985年5月3号, 05-03, 1985-05-03, 5/3, May 3, 3 May;
    /// 农历八月十五, 农历八月初五, 阴历腊月廿三, 农历闰四月初五, lunar 8/15. Nil when it is no
    /// birthday or the day does not exist (2月30日).
    public static func read(_ text: String) -> Birthday? {
        var s = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        var calendar = Calendar.solar
        for cue in ["农历", "農曆", "阴历", "陰曆", "旧历", "舊曆", "lunar"] {
            let c = Array(cue.unicodeScalars)
            if s.starts(with: c) { s.removeFirst(c.count); calendar = .lunar }
        }
        for cue in ["公历", "公曆", "阳历", "陽曆", "新历", "新曆", "生日", "是"] {
            let c = Array(cue.unicodeScalars)
            if s.starts(with: c) { s.removeFirst(c.count) }
        }
        var leap = false
        if s.first == "闰" || s.first == "閏" { leap = true; s.removeFirst() }
        if s.starts(with: Array("leap".unicodeScalars)) { leap = true; s.removeFirst(4) }
        var reader = Reader(s)
        guard let parsed = reader.date(), reader.atEnd else { return nil }
        let birthday = Birthday(calendar: calendar, year: parsed.year, month: parsed.month, day: parsed.day,
                                leap: leap && calendar == .lunar)
        return plausible(calendar, parsed.month, parsed.day, parsed.year) ? birthday : nil
    }

    private static func plausible(_ calendar: Calendar, _ month: Int, _ day: Int, _ year: Int?) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        if calendar == .lunar { return day <= 30 && (year.map { (1900...2100).contains($0) } ?? true) }
        if let year { return (1900...2100).contains(year) && CivilDay.valid(year, month, day) != nil }
        // Without a year, 2月29日 is a real birthday.
        return day <= CivilDay.daysIn(2000, month)
    }

    /// The numerals and separators of a written date.
    private struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }
        var atEnd: Bool { i >= s.count }

        mutating func date() -> (year: Int?, month: Int, day: Int)? {
            if let english = englishDate() { return english }
            let start = i
            guard let first = number() else { return nil }
            // 1985年5月3日 / 1985-05-03 / 1985/5/3
            if first.value >= 1000 {
                guard skip(["年", "-", "/", "."]), let month = number(), skip(["月", "-", "/", "."]), let day = dayNumber() else { i = start; return nil }
                _ = skip(["日", "号", "號"])
                return (first.value, month.value, day)
            }
            // 5月3日 / 八月十五 / 腊月廿三 / 05-03 / 5/3
            guard skip(["月", "-", "/", "."]), let day = dayNumber() else { return nil }
            _ = skip(["日", "号", "號"])
            return (nil, first.value, day)
        }

        // May 3, 3 May, may3
        mutating func englishDate() -> (year: Int?, month: Int, day: Int)? {
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            let lower = String(String.UnicodeScalarView(s)).lowercased()
            for (index, name) in months.enumerated() {
                guard let range = lower.range(of: name) else { continue }
                let digits = lower.unicodeScalars.filter { $0.isASCIIDigit }
                let letters = lower.unicodeScalars.filter { $0.properties.isAlphabetic }
                guard letters.count <= 9, let day = Int(String(String.UnicodeScalarView(digits))), day <= 31, !range.isEmpty else { return nil }
                i = s.count
                return (nil, index + 1, day)
            }
            return nil
        }

        mutating func skip(_ options: [Unicode.Scalar]) -> Bool {
            guard i < s.count, options.contains(s[i]) else { return false }
            i += 1
            return true
        }

        // 初五, 廿三, 三十, 十五, 15
        mutating func dayNumber() -> Int? {
            if i < s.count, s[i] == "初" {
                i += 1
                return number()?.value
            }
            return number()?.value
        }

        // Digits, or Chinese numerals up to 三十一 (正月 and 腊月 as months).
        mutating func number() -> (value: Int, digits: Int)? {
            if i < s.count, s[i].isASCIIDigit {
                var value = 0
                var digits = 0
                while i < s.count, s[i].isASCIIDigit, digits < 4 {
                    value = value * 10 + Int(s[i].value - 48)
                    digits += 1
                    i += 1
                }
                return (value, digits)
            }
            let named: [Unicode.Scalar: Int] = ["正": 1, "腊": 12, "臘": 12, "冬": 11]
            if i + 1 < s.count, let month = named[s[i]], s[i + 1] == "月" {
                i += 1
                return (month, 1)
            }
            let digits: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
            var value = 0
            var seen = false
            if i < s.count, s[i] == "廿" { value = 20; seen = true; i += 1 }
            else if i < s.count, s[i] == "卅" { value = 30; seen = true; i += 1 }
            if i < s.count, let d = digits[s[i]], value == 0 {
                value = d
                seen = true
                i += 1
            }
            if i < s.count, s[i] == "十" {
                value = (value == 0 ? 1 : value) * 10
                seen = true
                i += 1
            }
            if i < s.count, let d = digits[s[i]], value >= 10 || value == 0 {
                value += d
                seen = true
                i += 1
            }
            return seen ? (value, 1) : nil
        }
    }
}
