/// Counting time from now, shared by both grammars: the units people count in, offsets
/// (三天后, in 2 hours) and spans next to now (下三天, last 2 weeks).
enum TimeUnit: Sendable { case minute, hour, day, week, month, quarter, year }

/// Where a span next to now lies and whether it keeps to calendar units.
enum SpanDirection: Sendable { case pastAligned, futureAligned, pastRolling, futureRolling }

extension TimeReference {
    /// An offset from now: a day for days and longer, an instant for hours and minutes.
    func offset(_ n: Double, _ unit: TimeUnit) -> TimeValue {
        switch unit {
        case .minute, .hour:
            let total = today.ordinal * 1440 + minute + Int((n * (unit == .hour ? 60 : 1)).rounded())
            return .instant(absolute: total)
        case .day: return .day(today.adding(days: Int(n)))
        case .week: return .day(today.adding(days: Int(n * 7)))
        case .month: return .day(today.adding(months: Int(n)))
        case .quarter: return .day(today.adding(months: Int(n * 3)))
        case .year: return .day(today.adding(months: Int(n) * 12))
        }
    }

    /// A span next to now. Calendar-aligned after 上/下/前/后 (下三周 is the next three
    /// calendar weeks), rolling after 过去/近/未来/之后 (近三年 ends yesterday).
    func span(_ direction: SpanDirection, _ n: Double, _ unit: TimeUnit) -> TimeValue? {
        let k = Int(n)
        let t = today
        let now = t.ordinal * 1440 + minute
        func instants(_ a: Int, _ b: Int) -> TimeValue { TimeValue.instants(from: a, to: b) }
        let size = unit == .hour ? 60 : 1
        switch (direction, unit) {
        case (.pastAligned, .minute), (.pastAligned, .hour):
            let end = unit == .hour ? now - minute % 60 : now
            return instants(end - k * size, end)
        case (.futureAligned, .minute), (.futureAligned, .hour):
            let start = unit == .hour ? now - minute % 60 + 60 : now + 1
            return instants(start, start + k * size)
        case (.pastRolling, .minute), (.pastRolling, .hour): return instants(now - k * size, now)
        case (.futureRolling, .minute), (.futureRolling, .hour): return instants(now, now + k * size)
        case (.pastAligned, .day), (.pastRolling, .day): return .days(t.adding(days: -k), t.adding(days: -1))
        case (.futureAligned, .day), (.futureRolling, .day): return .days(t.adding(days: 1), t.adding(days: k))
        case (.pastAligned, .week): return .days(t.monday.adding(days: -7 * k), t.monday.adding(days: -1))
        case (.futureAligned, .week): return .days(t.monday.adding(days: 7), t.monday.adding(days: 7 * k + 6))
        case (.pastRolling, .week): return .days(t.adding(days: -7 * k), t.adding(days: -1))
        case (.futureRolling, .week): return .days(t.adding(days: 1), t.adding(days: 7 * k))
        case (.pastAligned, .month): return .days(t.firstOfMonth.adding(months: -k), t.firstOfMonth.adding(days: -1))
        case (.futureAligned, .month): return .days(t.firstOfMonth.adding(months: 1), t.firstOfMonth.adding(months: k + 1).adding(days: -1))
        case (.pastRolling, .month): return .days(t.adding(months: -k), t.adding(days: -1))
        case (.futureRolling, .month): return .days(t.adding(days: 1), t.adding(months: k))
        case (.pastAligned, .year): return .days(CivilDay(t.year - k, 1, 1), CivilDay(t.year - 1, 12, 31))
        case (.futureAligned, .year): return .days(CivilDay(t.year + 1, 1, 1), CivilDay(t.year + k, 12, 31))
        case (.pastRolling, .year): return .days(t.adding(months: -12 * k), t.adding(days: -1))
        case (.futureRolling, .year): return .days(t.adding(days: 1), t.adding(months: 12 * k))
        case (_, .quarter): return nil
        }
    }
}

extension TimeValue {
    /// The instant `minutes` after 1970-01-01 00:00 (local), for arithmetic across midnight.
    static func instant(absolute minutes: Int) -> TimeValue {
        .instant(CivilDay(ordinal: floorDiv(minutes, 1440)), floorMod(minutes, 1440))
    }

    static func instants(from a: Int, to b: Int) -> TimeValue {
        .instants(CivilDay(ordinal: floorDiv(a, 1440)), floorMod(a, 1440), CivilDay(ordinal: floorDiv(b, 1440)), floorMod(b, 1440))
    }
}

/// Division rounding down, so times before 1970 and negative offsets land on the right day.
func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

extension CivilDay {
    /// A month's thirds as sales calendars and Duckling cut them: 1 → days 1–10 (月初),
    /// 2 → 11–20 (月中), 3 → 21 to the end (月底).
    func third(_ which: Int) -> (CivilDay, CivilDay) {
        let first = firstOfMonth
        switch which {
        case 1: return (first, CivilDay(year, month, 10))
        case 2: return (CivilDay(year, month, 11), CivilDay(year, month, 20))
        default: return (CivilDay(year, month, 21), lastOfMonth)
        }
    }

    /// The whole month this day is in.
    var wholeMonth: (CivilDay, CivilDay) { (firstOfMonth, lastOfMonth) }

    /// Quarter 1…4 of a year.
    static func quarter(_ q: Int, of year: Int) -> (CivilDay, CivilDay) {
        (CivilDay(year, q * 3 - 2, 1), CivilDay(year, q * 3, 1).lastOfMonth)
    }

    /// The first (1: days 1–15) or second (2: 16 to the end) half of this day's month.
    func halfMonth(_ which: Int) -> (CivilDay, CivilDay) {
        which == 1 ? (firstOfMonth, CivilDay(year, month, 15)) : (CivilDay(year, month, 16), lastOfMonth)
    }

    /// Half 1 (January–June) or 2 (July–December) of a year.
    static func half(_ which: Int, of year: Int) -> (CivilDay, CivilDay) {
        which == 1 ? (CivilDay(year, 1, 1), CivilDay(year, 6, 30)) : (CivilDay(year, 7, 1), CivilDay(year, 12, 31))
    }
}
