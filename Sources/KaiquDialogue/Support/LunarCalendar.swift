import Foundation
import KaiquNLU

/// The Chinese lunisolar calendar (农历), through Foundation's `.chinese` calendar: which
/// lunar day a solar day is, so lunar birthdays and festivals land on the right solar day
/// every year.
public enum LunarCalendar {
    /// A lunar month and day.
    public struct Day: Sendable, Equatable {
        public var month: Int
        public var day: Int
        public var leap: Bool
    }

    private static let calendars: (solar: Calendar, lunar: Calendar) = {
        let utc = TimeZone(identifier: "UTC")!
        var solar = Calendar(identifier: .gregorian)
        solar.timeZone = utc
        var lunar = Calendar(identifier: .chinese)
        lunar.timeZone = utc
        return (solar, lunar)
    }()

    /// The lunar day of a solar day.
    public static func lunar(_ day: CivilDay) -> Day {
        let date = Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + 43_200)
        let parts = calendars.lunar.dateComponents([.month, .day, .isLeapMonth], from: date)
        return Day(month: parts.month ?? 1, day: parts.day ?? 1, leap: parts.isLeapMonth ?? false)
    }

    /// The keys (`Birthday.monthDayKey`) of the birthdays that fall on `day`: its solar
    /// month-day and its lunar one. A lunar 30th falls on the 29th when the month is short,
    /// and 2月29日 on the 28th in other years.
    public static func birthdayKeys(on day: CivilDay) -> [String] {
        var keys = [zeroPadded(day.month) + "-" + zeroPadded(day.day)]
        if day.month == 2 && day.day == 28 && !CivilDay.isLeap(day.year) { keys.append("02-29") }
        let moon = lunar(day)
        keys.append(Birthday(calendar: .lunar, month: moon.month, day: moon.day, leap: moon.leap).monthDayKey)
        if moon.day == 29 && lunar(day.adding(days: 1)).day == 1 {
            keys.append(Birthday(calendar: .lunar, month: moon.month, day: 30, leap: moon.leap).monthDayKey)
        }
        return keys
    }

    /// The next solar day, from `day` on, on which a birthday or festival of this lunar or
    /// solar month-day falls (within about a year).
    public static func next(_ calendar: Birthday.Calendar, month: Int, day: Int, leap: Bool = false, from start: CivilDay) -> CivilDay? {
        let key = Birthday(calendar: calendar, month: month, day: day, leap: leap).monthDayKey
        for offset in 0..<400 {
            let candidate = start.adding(days: offset)
            if birthdayKeys(on: candidate).contains(key) { return candidate }
        }
        return nil
    }
}
