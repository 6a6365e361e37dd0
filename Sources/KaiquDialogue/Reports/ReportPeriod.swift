import KaiquNLU

/// The days a report covers, and the period it is compared with.
public enum ReportPeriod {
    /// `from`…`to` as asked (`YYYY-MM-DD`); one end alone is the rest of its month; neither
    /// is this month.
    public static func days(from: String?, to: String?, today: CivilDay) -> (from: CivilDay, to: CivilDay) {
        let from = from.flatMap(CivilDay.iso), to = to.flatMap(CivilDay.iso)
        if let from, let to, from.ordinal <= to.ordinal { return (from, to) }
        let anchor = from ?? to ?? today
        let first = CivilDay(anchor.year, anchor.month, 1), last = CivilDay(anchor.year, anchor.month, CivilDay.daysIn(anchor.year, anchor.month))
        if let from { return (from, last) }
        if let to { return (first, to) }
        return (first, last)
    }

    /// The period before: the calendar month before a whole month, else as many days just before.
    public static func previous(_ period: (from: CivilDay, to: CivilDay)) -> (from: CivilDay, to: CivilDay) {
        let (from, to) = period
        if from.day == 1, to.year == from.year, to.month == from.month, to.day == CivilDay.daysIn(to.year, to.month) {
            let end = from.adding(days: -1)
            return (CivilDay(end.year, end.month, 1), end)
        }
        let days = to.ordinal - from.ordinal + 1
        return (from.adding(days: -days), from.adding(days: -1))
    }
}

/// Shares as the reports write them.
public enum Share {
    /// `part` of `whole` as a whole percentage ("50"); 0 of 0 is "0".
    public static func percent(_ part: Int, of whole: Int) -> String {
        String(Int((Double(part) / Double(max(whole, 1)) * 100).rounded()))
    }
}
