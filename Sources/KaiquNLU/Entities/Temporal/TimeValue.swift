/// What a date or time expression means, before it becomes an entity.
///
/// Minutes count from the day's midnight (0..<1440); an instant may reach 1440, the midnight
/// that ends the day, which is how "到晚上十二点" and the end of an evening are written.
public enum TimeValue: Sendable, Equatable {
    /// A day: 明天, 11月25号, next Friday.
    case day(CivilDay)
    /// A day and a clock time: 明天下午三点.
    case instant(CivilDay, Int)
    /// A clock time with no day named: 三点半 (the extractor dates it; see `TemporalExtractor`).
    case clock(Int)
    /// Days, both ends inclusive: 本周, 下个月, 周一到周三.
    case days(CivilDay, CivilDay)
    /// Instants, the end being the instant it stops: 明天下午三点到五点, 今天下午.
    case instants(CivilDay, Int, CivilDay, Int)

    /// The entity type and value in the contract's formats.
    var entity: (type: String, value: String) {
        switch self {
        case .day(let d): return ("date", d.description)
        case .instant(let d, let m): return ("datetime", d.description + "T" + Self.clock(m))
        case .clock(let m): return ("time", Self.clock(m))
        case .days(let a, let b): return ("period", a.description + "/" + b.description)
        case .instants(let a, let am, let b, let bm):
            let (end, endMinute) = bm >= 1440 ? (b.adding(days: bm / 1440), bm % 1440) : (b, bm)
            return ("period", a.description + "T" + Self.clock(am) + "/" + end.description + "T" + Self.clock(endMinute))
        }
    }

    /// HH:MM.
    static func clock(_ minutes: Int) -> String { zeroPadded(minutes / 60) + ":" + zeroPadded(minutes % 60) }
}
