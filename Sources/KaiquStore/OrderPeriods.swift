import KaiquNLU

/// The pieces of `order_total` a period of days adds up from: whole years (`YYYY`), whole
/// months (`YYYY-MM`) and runs of days inside one month (`YYYY-MM-DD` to `YYYY-MM-DD`, a key
/// range that takes in no month or year key). A year the period covers most of is read as the
/// year less the months and days outside the period: 2026-01-01 to 2026-11-18 is 2026 less
/// 11-19…11-30 and 2026-12, three pieces, not ten months and a run of days.
enum OrderPeriods {
    struct Piece: Equatable {
        /// +1 to add, -1 to take away.
        let sign: Int
        /// The key range, both ends included.
        let from: String
        let to: String
    }

    static func pieces(from: CivilDay, to: CivilDay) -> [Piece] {
        var pieces: [Piece] = []
        var day = from
        while day <= to {
            let yearEnd = CivilDay(day.year, 12, 31)
            let yearKey = String(format: "%04d", day.year)
            let end = min(to, yearEnd)
            let forward = monthsAndDays(day, end)
            let outside = monthsAndDays(CivilDay(day.year, 1, 1), day.adding(days: -1)) + monthsAndDays(end.adding(days: 1), yearEnd)
            if outside.count + 1 < forward.count || outside.isEmpty {
                pieces.append(Piece(sign: 1, from: yearKey, to: yearKey))
                pieces += outside.map { Piece(sign: -1, from: $0.from, to: $0.to) }
            } else {
                pieces += forward
            }
            day = end.adding(days: 1)
        }
        return pieces
    }

    // Whole months, and runs of days where a month is only partly in; empty when a > b.
    private static func monthsAndDays(_ a: CivilDay, _ b: CivilDay) -> [Piece] {
        var pieces: [Piece] = []
        var day = a
        while day <= b {
            let monthEnd = day.lastOfMonth
            if day.day == 1 && monthEnd <= b {
                let key = String(format: "%04d-%02d", day.year, day.month)
                pieces.append(Piece(sign: 1, from: key, to: key))
                day = monthEnd.adding(days: 1)
            } else {
                let end = min(b, monthEnd)
                pieces.append(Piece(sign: 1, from: day.description, to: end.description))
                day = end.adding(days: 1)
            }
        }
        return pieces
    }
}
