import KaiquNLU

/// Birthdays in either calendar on solar days: which birthdays fall on a day, and the next
/// day a birthday falls on, so lunar birthdays land on the right solar day every year.
public enum LunarBirthdays {
    /// The keys (`Birthday.monthDayKey`) of the birthdays that fall on `day`: its solar
    /// month-day and its lunar one. A lunar 30th falls on the 29th when the month is short,
    /// and 2月29日 on the 28th in other years.
    public static func keys(on day: CivilDay) -> [String] {
        var keys = [zeroPadded(day.month) + "-" + zeroPadded(day.day)]
        if day.month == 2 && day.day == 28 && !CivilDay.isLeap(day.year) { keys.append("02-29") }
        guard let moon = LunarCalendar.shared.lunar(of: day) else { return keys }
        keys.append(Birthday(calendar: .lunar, month: moon.month, day: moon.day, leap: moon.leap).monthDayKey)
        if moon.day == 29, LunarCalendar.shared.lunar(of: day.adding(days: 1))?.day == 1 {
            keys.append(Birthday(calendar: .lunar, month: moon.month, day: 30, leap: moon.leap).monthDayKey)
        }
        return keys
    }

    /// The keys of the birthdays that fall from `from` to `to`, sorted, and the first of
    /// those days each falls on.
    public static func keys(from: CivilDay, to: CivilDay) -> BirthdayKeys {
        var days: [String: CivilDay] = [:]
        for offset in 0...max(0, to.ordinal - from.ordinal) {
            let day = from.adding(days: offset)
            for key in keys(on: day) where days[key] == nil { days[key] = day }
        }
        return BirthdayKeys(keys: days.keys.sorted(), days: days)
    }

    /// The next solar day, from `day` on, on which a birthday of this lunar or solar
    /// month-day falls (within about a year).
    public static func next(_ calendar: Birthday.Calendar, month: Int, day: Int, leap: Bool = false, from start: CivilDay) -> CivilDay? {
        let key = Birthday(calendar: calendar, month: month, day: day, leap: leap).monthDayKey
        for offset in 0..<400 {
            let candidate = start.adding(days: offset)
            if keys(on: candidate).contains(key) { return candidate }
        }
        return nil
    }
}

/// The birthdays of a period, as `LunarBirthdays.keys(from:to:)` finds them.
public struct BirthdayKeys: Sendable {
    /// Sorted.
    public let keys: [String]
    /// The first day of the period each key falls on.
    public let days: [String: CivilDay]
}
