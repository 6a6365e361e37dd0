/// "Now" as the date grammars need it: today's date and the minute of the day, in the
/// user's time zone. Made once per utterance from the `ParseContext`.
struct TimeReference: Sendable {
    let today: CivilDay
    /// Minutes since midnight.
    let minute: Int

    init(today: CivilDay, minute: Int) {
        self.today = today
        self.minute = minute
    }

    /// The minute as one number, counted in local time: all a parse reads of the clock.
    var index: Int { today.ordinal * 1_440 + minute }

    /// A year written with two digits: up to twenty years ahead is this century, else the last.
    func fullYear(twoDigits yy: Int) -> Int {
        let century = today.year / 100 * 100
        return century + yy <= today.year + 20 ? century + yy : century - 100 + yy
    }

    /// A month and day with no year: this year's, unless that was more than two months ago,
    /// in which case next year's (in November, "1月5号" is January coming).
    func nearest(month: Int, day: Int) -> CivilDay? {
        guard let this = CivilDay.valid(today.year, month, day) else {
            // 2月29日 outside a leap year: the next one that has it.
            var year = today.year + 1
            while year < today.year + 8 {
                if let next = CivilDay.valid(year, month, day) { return next }
                year += 1
            }
            return nil
        }
        if this.ordinal < today.ordinal - 60 { return CivilDay.valid(today.year + 1, month, day) }
        return this
    }

    /// A whole month with no year, by the same rule.
    func nearest(month: Int) -> (CivilDay, CivilDay) {
        var first = CivilDay(today.year, month, 1)
        if first.lastOfMonth.ordinal < today.ordinal - 60 { first = CivilDay(today.year + 1, month, 1) }
        return first.wholeMonth
    }

    /// A weekday with nothing before it: the nearest one not in the past, today included.
    func upcoming(weekday: Int) -> CivilDay {
        today.adding(days: (weekday - today.weekday + 7) % 7)
    }

    /// A day of the month with nothing before it (25号, the 15th): the nearest not in the past.
    func upcoming(dayOfMonth day: Int) -> CivilDay? {
        var first = today.firstOfMonth
        for _ in 0..<3 {
            if let date = CivilDay.valid(first.year, first.month, day), date >= today { return date }
            first = first.adding(months: 1)
        }
        return nil
    }
}

/// A part of the day: the hours it covers, and how it reads a clock hour said inside it.
struct PartOfDay: Sendable, Equatable {
    enum Reading: Sendable { case am, noon, pm, evening }
    let start: Int
    let end: Int
    let reading: Reading

    /// The minute a clock hour said in this part of the day means: 下午三点 → 15:00,
    /// 晚上十二点 → 24:00 (the midnight ending the day), 中午一点 → 13:00.
    func minute(hour: Int, minute: Int) -> Int {
        switch reading {
        case .am: return (hour == 12 && start < 360 ? 0 : hour) * 60 + minute
        case .noon: return (hour >= 1 && hour <= 5 ? hour + 12 : hour) * 60 + minute
        case .pm: return (hour < 12 ? hour + 12 : hour) * 60 + minute
        case .evening: return (hour < 12 ? hour + 12 : (hour == 12 ? 24 : hour)) * 60 + minute
        }
    }
}

/// The contract's business-hours rule: a bare hour from 1 to 7 with no 上午/早上/am is the
/// afternoon (三点 → 15:00); 0 or a leading zero (07:30) is read as written.
func businessHours(hour: Int, minute: Int, leadingZero: Bool) -> Int {
    (hour >= 1 && hour <= 7 && !leadingZero ? hour + 12 : hour) * 60 + minute
}
