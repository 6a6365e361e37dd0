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
        return BirthdayKeys(keys: Array(days.keys), days: days)
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

/// The birthdays of a period, as `LunarBirthdays.keys(from:to:)` finds them: their keys
/// (`Birthday.monthDayKey`: 11-20, L10-11, L*04-02), sorted once a period and cut into runs.
/// Keys are ASCII and compared by their bytes: as Strings, sorting and hashing a week's keys
/// cost more than reading its birthdays.
public struct BirthdayKeys: Sendable, ExpressibleByArrayLiteral {
    /// Sorted by their bytes, each once.
    public let keys: [String]
    /// The first day of the period each key falls on.
    public let days: [String: CivilDay]
    /// The keys cut into runs of one kind within a month and the next, so a range from a run's
    /// first to its last holds few keys that are not wanted: the year's end (12-31, then 01-01)
    /// and a change of kind start a new run. A store reads a range of its index a run.
    public let runs: [(first: String, last: String)]

    public init(keys: [String], days: [String: CivilDay] = [:]) {
        let before = { (a: String, b: String) in a.utf8.lexicographicallyPrecedes(b.utf8) }
        let sorted = keys.sorted(by: before)
        var once: [String] = []
        for key in sorted where once.last.map({ !$0.utf8.elementsEqual(key.utf8) }) ?? true { once.append(key) }
        self.keys = once
        self.days = days
        runs = Self.runs(of: once)
    }

    public init(arrayLiteral keys: String...) { self.init(keys: keys) }

    /// Whether `key` is one of the keys.
    public func contains(_ key: String) -> Bool {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].utf8.lexicographicallyPrecedes(key.utf8) { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low].utf8.elementsEqual(key.utf8)
    }

    private static func runs(of keys: [String]) -> [(first: String, last: String)] {
        // The kind is what comes before the digits (nothing, L or L*), the month the two digits after.
        func parts(_ key: String) -> (kind: Substring.UTF8View, month: Int) {
            let bytes = key.utf8
            let digits = bytes.firstIndex { (0x30...0x39).contains($0) } ?? bytes.endIndex
            let month = bytes[digits...].prefix(2).reduce(0) { $0 * 10 + Int($1) - 0x30 }
            return (key[..<digits].utf8, month)
        }
        var runs: [(first: String, last: String)] = []
        var previous: (kind: Substring.UTF8View, month: Int)?
        for key in keys {
            let current = parts(key)
            if let previous, previous.kind.elementsEqual(current.kind), current.month - previous.month <= 1 {
                runs[runs.count - 1].last = key
            } else {
                runs.append((key, key))
            }
            previous = current
        }
        return runs
    }
}
