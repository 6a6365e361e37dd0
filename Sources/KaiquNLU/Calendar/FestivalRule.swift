/// How a festival's day is found in a year, as intents/calendar.kaiqu writes it:
///
///     date: 12-25            a solar day
///     date: lunar 8-15       a lunar day (正月 is 1, 腊月 12)
///     date: lunar eve        除夕, the last day of the lunar year
///     date: 5 sun 2          the 2nd Sunday of May (last: -1)
///     date: easter +1        days from Western Easter
///     date: term 清明        a solar term (清明, 冬至)
enum FestivalRule: Sendable, Equatable {
    case solar(month: Int, day: Int)
    case lunar(month: Int, day: Int)
    case lunarEve
    case weekday(month: Int, weekday: Int, nth: Int)
    case easter(offset: Int)
    case term(SolarTerm)

    enum SolarTerm: String, Sendable { case qingming = "清明", dongzhi = "冬至" }

    static let weekdays = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    /// Reads the rule; nil when it is not one of the forms above.
    init?(_ text: String) {
        let words = text.split(separator: " ").map(String.init)
        func monthDay(_ word: String) -> (Int, Int)? {
            let parts = word.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else { return nil }
            return (parts[0], parts[1])
        }
        switch words.count {
        case 1:
            guard let (m, d) = monthDay(words[0]), CivilDay.valid(2024, m, d) != nil else { return nil }
            self = .solar(month: m, day: d)
        case 2 where words[0] == "lunar":
            if words[1] == "eve" { self = .lunarEve; return }
            guard let (m, d) = monthDay(words[1]), d <= 30 else { return nil }
            self = .lunar(month: m, day: d)
        case 2 where words[0] == "easter":
            guard let offset = Int(words[1].hasPrefix("+") ? String(words[1].dropFirst()) : words[1]) else { return nil }
            self = .easter(offset: offset)
        case 2 where words[0] == "term":
            guard let term = SolarTerm(rawValue: words[1]) else { return nil }
            self = .term(term)
        case 3:
            guard let month = Int(words[0]), (1...12).contains(month), let weekday = Self.weekdays[words[1]],
                  let nth = Int(words[2]), (1...4).contains(nth) || nth == -1 else { return nil }
            self = .weekday(month: month, weekday: weekday, nth: nth)
        default:
            return nil
        }
    }

    /// The festival's first day in Gregorian `year`, if any.
    func day(in year: Int) -> CivilDay? { days(in: year).first }

    /// Its days in Gregorian `year`, in order: one, none, or for a lunar day late in the lunar
    /// year two (腊月初一 of the year begun last year in January, and of this one in December).
    func days(in year: Int) -> [CivilDay] {
        switch self {
        case .lunar(let m, let d):
            return [year - 1, year].compactMap { LunarCalendar.shared.day(year: $0, month: m, day: d) }.filter { $0.year == year }
        default:
            return oneDay(in: year).map { [$0] } ?? []
        }
    }

    // The rules that give at most one day a year (a lunar day is read by `days(in:)`).
    private func oneDay(in year: Int) -> CivilDay? {
        switch self {
        case .solar(let m, let d):
            return CivilDay.valid(year, m, d)
        case .lunar:
            return nil
        case .lunarEve:
            return LunarCalendar.shared.newYear(year).map { $0.adding(days: -1) }.flatMap { $0.year == year ? $0 : nil }
        case .weekday(let m, let weekday, let nth):
            if nth > 0 {
                let first = CivilDay(year, m, 1)
                return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (nth - 1))
            }
            let last = CivilDay(year, m, 1).lastOfMonth
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        case .easter(let offset):
            return Self.easter(year).adding(days: offset)
        case .term(let term):
            return term.day(in: year)
        }
    }

    /// Western Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher).
    static func easter(_ y: Int) -> CivilDay {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDay(y, month, day)
    }
}

extension FestivalRule.SolarTerm {
    /// The day of the term in 2001–2099 by the usual rule ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ (Y the
    /// year's last two digits), in Beijing time. The rule misses by a day in a few years
    /// (冬至 2021 is the 21st, not the 22nd); those are listed here.
    func day(in year: Int) -> CivilDay? {
        guard (2001...2099).contains(year) else { return nil }
        let y = Double(year % 100)
        let (month, c): (Int, Double) = self == .qingming ? (4, 4.81) : (12, 21.94)
        var day = Int((y * 0.2422 + c).rounded(.down)) - (year % 100) / 4
        if let miss = Self.misses[self]?[year] { day += miss }
        return CivilDay.valid(year, month, day)
    }

    private static let misses: [Self: [Int: Int]] = [.dongzhi: [2021: -1]]
}
