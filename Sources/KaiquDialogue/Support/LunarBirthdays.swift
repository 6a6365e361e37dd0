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
