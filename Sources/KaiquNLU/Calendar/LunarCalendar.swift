import Foundation

/// Chinese lunisolar dates and their Gregorian days, through Foundation's Chinese calendar
/// (ICU's, on Linux as on Apple systems), reckoned at Beijing time.
///
/// Conversions are cached by lunar year: a festival is asked for a handful of years, and the
/// date grammar may ask on every utterance.
public final class LunarCalendar: @unchecked Sendable {
    /// The one instance: its cache is shared by every parser and conversation.
    public static let shared = LunarCalendar()

    private let chinese: Calendar
    private let gregorian: Calendar
    private let lock = NSLock()
    private var days: [LunarKey: CivilDay?] = [:]
    /// Lunar dates by Gregorian day ordinal: the agenda asks for every day it shows, on every
    /// message, and ICU's conversion is the slow part.
    private var lunarDates: [Int: (month: Int, day: Int, leap: Bool)?] = [:]

    private struct LunarKey: Hashable {
        let year: Int, month: Int, day: Int
    }

    private init() {
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = zone
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        self.chinese = chinese
        self.gregorian = gregorian
    }

    /// The day of lunar `month`/`day` in the lunar year that begins in Gregorian `year`
    /// (the ordinary month, never the leap month of the same number). Day 30 of a 29-day
    /// month is nil.
    public func day(year: Int, month: Int, day: Int) -> CivilDay? {
        let key = LunarKey(year: year, month: month, day: day)
        lock.lock()
        defer { lock.unlock() }
        if let known = days[key] { return known }
        let found = convert(year: year, month: month, day: day)
        days[key] = found
        return found
    }

    /// 正月初一 of the lunar year that begins in Gregorian `year`.
    public func newYear(_ year: Int) -> CivilDay? { day(year: year, month: 1, day: 1) }

    /// The lunar month and day of a Gregorian day, and whether the month is a leap month.
    public func lunar(of civil: CivilDay) -> (month: Int, day: Int, leap: Bool)? {
        lock.lock()
        defer { lock.unlock() }
        if let known = lunarDates[civil.ordinal] { return known }
        // A long-running bridge meets a few new days a day; the bound only guards odd callers.
        if lunarDates.count > 20_000 { lunarDates.removeAll() }
        let found = convert(civil)
        lunarDates[civil.ordinal] = found
        return found
    }

    private func convert(_ civil: CivilDay) -> (month: Int, day: Int, leap: Bool)? {
        guard let date = gregorian.date(from: DateComponents(year: civil.year, month: civil.month, day: civil.day, hour: 12)) else { return nil }
        let parts = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
        guard let month = parts.month, let day = parts.day else { return nil }
        return (month, day, parts.isLeapMonth ?? false)
    }

    private func convert(year: Int, month: Int, day: Int) -> CivilDay? {
        // The lunar year under way on 1 June of `year` began in that Gregorian year.
        guard (1...12).contains(month), (1...30).contains(day), (1900...2100).contains(year),
              let june = gregorian.date(from: DateComponents(year: year, month: 6, day: 1, hour: 12)) else { return nil }
        let era = chinese.component(.era, from: june)
        let lunarYear = chinese.component(.year, from: june)
        var parts = DateComponents(era: era, year: lunarYear, month: month, day: day, hour: 12)
        parts.isLeapMonth = false
        guard let date = chinese.date(from: parts) else { return nil }
        // Foundation rolls day 30 of a short month over into the next: refuse it.
        let back = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
        guard back.month == month, back.day == day, back.isLeapMonth != true else { return nil }
        let g = gregorian.dateComponents([.year, .month, .day], from: date)
        return CivilDay.valid(g.year ?? 0, g.month ?? 0, g.day ?? 0)
    }
}
