/// What one side of a date or time expression says, in either language: a day or a span of
/// days, a part of the day, a clock time, or a value complete in itself. Both grammars build
/// points and join two of them into a range the same way.
struct TimePoint {
    var day: CivilDay?
    var days: (CivilDay, CivilDay)?
    var part: PartOfDay?
    /// Minutes since the day's midnight, already read in its part of the day or am/pm.
    var clock: Int?
    /// A value complete in itself (三天后, 现在, in 2 hours).
    var whole: TimeValue?
    /// Only a weekday was given (周三, friday), read as the nearest one to come.
    var bareWeekday = false
    /// The clock as said, before am/pm, so "3-4pm" can lend the pm to the 3.
    var hourMinute: (Int, Int)?
    var marker: ClockMarker?
    /// A number with nothing marking it as a time (at 7, 1030).
    var bareClock = false

    func value(_ ref: TimeReference) -> TimeValue? {
        if let whole { return whole }
        if let clock {
            guard let day else { return .clock(clock % 1440) }
            return .instant(day.adding(days: clock / 1440), clock % 1440)
        }
        if let part {
            let d = day ?? ref.today
            return .instants(d, part.start, d, part.end)
        }
        if let day { return .day(day) }
        if let days { return .days(days.0, days.1) }
        return nil
    }

    /// The range from `a` to `b`, or nil when they do not make one.
    static func joining(_ a: TimePoint, _ b: TimePoint, _ ref: TimeReference) -> TimeValue? {
        guard let first = a.value(ref), let second = b.value(ref) else { return nil }
        switch (first, second) {
        case (.day(let x), .day(let y)) where x <= y: return .days(x, y)
        // 周五到周一, friday to monday: a weekday range runs forward.
        case (.day(let x), .day(let y)) where b.bareWeekday && y < x: return .days(x, y.adding(days: 7))
        case (.day(let x), .days(_, let y)) where x <= y: return .days(x, y)
        case (.days(let x, _), .days(_, let y)) where x <= y: return .days(x, y)
        case (.days(let x, _), .day(let y)) where x <= y: return .days(x, y)
        case (.instant(let x, let xm), .instant(let y, let ym)): return .instants(x, xm, y, ym)
        // 从现在到八点: an end before the start, read in business hours, is twelve hours on.
        case (.instant(let x, let xm), .clock(let ym)): return .instants(x, xm, x, ym > xm || ym + 720 >= 1440 ? ym : ym + 720)
        case (.clock(let xm), .clock(let ym)): return .instants(ref.today, xm, ref.today, ym)
        case (.clock(let xm), .instant(let y, let ym)): return .instants(ref.today, xm, y, ym)
        case (.instants(let x, let xm, _, _), .instants(_, _, let y, let ym)): return .instants(x, xm, y, ym)
        case (.instants(let x, let xm, _, _), .instant(let y, let ym)): return .instants(x, xm, y, ym)
        default: return nil
        }
    }
}

/// am or pm, as said after an English clock time.
enum ClockMarker: Sendable { case am, pm }
