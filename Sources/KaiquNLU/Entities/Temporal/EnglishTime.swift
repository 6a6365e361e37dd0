/// Dates and times as written in English, in folded (lower-case) text: tomorrow at 3pm,
/// next Friday, March 3rd 2015, the 15th, in 2 hours, 3 days ago, next 3 weeks, end of the
/// month, July 13-15, 9:30 - 11:00 on Thursday, by EOD.
///
/// Like `ChineseTime`: a point is a day part, a part of the day and a clock time in any order
/// ("at 5pm tomorrow", "tomorrow afternoon at 5"); an expression is a point or a range.
struct EnglishTime {
    let ref: TimeReference

    func parse(_ s: [Unicode.Scalar], at start: Int) -> (value: TimeValue, end: Int)? {
        let scan = ScalarScan(s, start)
        var best: (TimeValue, Int)?
        func consider(_ value: TimeValue?, _ end: Int) {
            if let value, end > (best?.1 ?? start) { best = (value, end) }
        }
        // by EOD, by 2:00pm, within 2 weeks: from now to then.
        var trial = scan
        if trial.word("by") || trial.word("within") {
            if let end = deadline(&trial) { consider(end, trial.i) }
        }
        trial = scan
        let opener = trial.word("from") ? 1 : trial.word("between") ? 2 : trial.words("later", "than") ? 3 : 0
        if opener == 0 { trial = scan }
        let afterOpener = trial
        // 13 to 15 July, the 13th to the 15th of July.
        if let (value, end) = dayOfMonthRange(trial) { consider(value, end) }
        // First as written; then once more letting a bare number be a clock, for ranges (3-4pm).
        for allowBare in [false, true] {
            trial = afterOpener
            guard let first = point(&trial, inherit: nil, allowBare: allowBare || opener != 0) else { continue }
            if !allowBare { consider(first.value(ref), trial.i) }
            following(first, after: trial, opener: opener, bareFirst: allowBare, consider: consider)
        }
        return best
    }

    /// What may follow a first point: a second point making a range, a duration (4pm for 30
    /// mins), or a day's hours (Thursday from 9:30 to 11:00).
    private func following(_ first: TimePoint, after trial: ScalarScan, opener: Int, bareFirst: Bool,
                           consider: (TimeValue?, Int) -> Void) {
        var range = trial
        let joined: Bool
        switch opener {
        case 2: joined = range.word("and") || range.eat("-")
        case 3: joined = range.words("but", "before") || range.word("and")
        default: joined = Self.eatRangeWord(&range) || range.word("thru") || range.word("through")
        }
        // July 13-15, August 27th - 29th: the second day borrows the month.
        var dayRange = range
        if joined, let d = first.day, first.clock == nil, first.part == nil, let n = ordinalDay(&dayRange),
           let second = CivilDay.valid(d.year, d.month, n), second > d, !dayRange.sees(":") {
            consider(.days(d, second), dayRange.i)
        }
        // Two bare numbers joined by a dash are a phone number or a count, not hours (138-0013).
        if joined, let second = point(&range, inherit: first, allowBare: true), !bareFirst || second.clock != nil,
           !(first.bareClock && second.bareClock && opener == 0) {
            var end = range
            // 3-4pm: the first borrows the second's am/pm; a day after both (9:30 - 11:00 on Thursday).
            var a = Self.borrowingMarker(first, from: second)
            var b = second
            var tail = end
            var dayAfter = TimePoint()
            _ = tail.word("on")
            if dayPart(&tail, &dayAfter), dayAfter.day != nil {
                a.day = a.day ?? dayAfter.day
                b.day = b.day ?? dayAfter.day
                end = tail
            } else if b.day == nil {
                b.day = a.day
            } else if a.day == nil, a.clock != nil {
                a.day = b.day
            }
            consider(TimePoint.joining(a, b, ref), end.i)
        }
        // 4pm for 30 mins, 18th Dec for 10 days.
        var span = trial
        if span.word("for"), let n = count(&span), let unit = self.unit(&span), let start = first.value(ref) {
            consider(Self.lasting(start, n, unit, ref), span.i)
        }
        // Thursday from 9:30 to 11:00, tomorrow between 10 and 12: a day, then a range of clock
        // times on it.
        var within = trial
        let between = within.word("between")
        if !bareFirst, let day = first.day, first.clock == nil, between || within.word("from"),
           let a = point(&within, inherit: nil, allowBare: true), a.clock != nil, a.day == nil,
           between && within.word("and") || Self.eatRangeWord(&within),
           let b = point(&within, inherit: nil, allowBare: true), let bm = b.clock,
           let am = Self.borrowingMarker(a, from: b).clock {
            consider(.instants(day, am, day, bm), within.i)
        }
    }

    // Whether `word` is the word just before the scan's place (spaces between).
    private static func follows(_ word: String, _ scan: ScalarScan) -> Bool {
        var j = scan.i
        while j > 0, scan.s[j - 1] == " " { j -= 1 }
        let w = Array(word.unicodeScalars)
        guard j >= w.count, Array(scan.s[j - w.count..<j]) == w else { return false }
        return j == w.count || ScalarClass(scan.s[j - w.count - 1]) != .letter
    }

    private static func eatRangeWord(_ scan: inout ScalarScan) -> Bool {
        scan.eat("-") || scan.eat("–") || scan.word("to") || scan.word("till") || scan.word("until") || scan.word("untill")
    }

    // 3-4pm: a first clock without am/pm takes the second's when it is not later.
    private static func borrowingMarker(_ a: TimePoint, from b: TimePoint) -> TimePoint {
        guard a.marker == nil, let marker = b.marker, let (h, m) = a.hourMinute, let (bh, _) = b.hourMinute, h <= bh else { return a }
        var borrowed = a
        borrowed.marker = marker
        borrowed.clock = minute(h, m, marker: marker, part: nil, leadingZero: false)
        return borrowed
    }

    // MARK: - Points

    private func point(_ scan: inout ScalarScan, inherit: TimePoint?, allowBare: Bool = false) -> TimePoint? {
        var p = TimePoint()
        var filled = 0
        var introduced = false
        for _ in 0..<4 {
            var trial = scan
            var connected = false
            var atSign = false
            while trial.eat(",") || trial.word("on") || trial.word("for") || trial.word("of")
                    || trial.word("around") || trial.word("about") || trial.word("approximately") || trial.word("during") {
                connected = true
            }
            if trial.word("at") || trial.eat("@") { atSign = true }
            if connected, filled == 0 { atSign = true }
            if p.whole == nil, p.day == nil, p.days == nil, dayPart(&trial, &p) {
                scan = trial
                filled += 1
                continue
            }
            if p.part == nil, let part = partOfDay(&trial, &p) {
                p.part = part
                scan = trial
                filled += 1
                continue
            }
            var q = p
            if p.clock == nil, p.whole == nil, clock(&trial, &q, inherit: inherit), !q.bareClock || atSign || filled == 0 || allowBare {
                p = q
                if atSign { introduced = true }
                _ = connected
                scan = trial
                filled += 1
                continue
            }
            break
        }
        guard filled > 0 else { return nil }
        // A bare number is a clock time only beside something else: at 7, 9 tomorrow, this morning @ 10.
        if p.bareClock, !introduced, !allowBare, filled == 1 { return nil }
        // The clock read inside the part of the day said with it.
        if let h = p.hourMinute, p.marker == nil, let part = p.part { p.clock = part.minute(hour: h.0, minute: h.1) }
        if let inherit, p.day == nil, p.days == nil, p.whole == nil, p.clock != nil || p.part != nil { p.day = inherit.day }
        _ = scan.word("approximately") || scan.word("ish")
        return p
    }

    // MARK: - Days

    private func dayPart(_ scan: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        var best: (ScalarScan, TimePoint)?
        func consider(_ attempt: (inout ScalarScan, inout TimePoint) -> Bool) {
            var trial = scan
            var q = p
            if attempt(&trial, &q), trial.i > (best?.0.i ?? scan.i) { best = (trial, q) }
        }
        consider { s, p in relativeDay(&s, &p) }
        consider { s, p in weekdayPhrase(&s, &p) }
        consider { s, p in monthPhrase(&s, &p) }
        consider { s, p in numericDate(&s, &p) }
        consider { s, p in periodPhrase(&s, &p) }
        consider { s, p in offsetPhrase(&s, &p) }
        guard let (after, q) = best else { return false }
        scan = after
        p = q
        return true
    }

    private func relativeDay(_ s: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        for phrase in Self.nowPhrases where s.words(phrase) {
            p.whole = .instant(ref.today, ref.minute)
            return true
        }
        if s.words("the", "day", "after", "tomorrow") || s.words("day", "after", "tomorrow") { p.day = ref.today.adding(days: 2); return true }
        if s.words("the", "day", "before", "yesterday") || s.words("day", "before", "yesterday") { p.day = ref.today.adding(days: -2); return true }
        if s.words("at", "this", "time") || s.words("this", "time") || s.word("today") { p.day = ref.today; return true }
        if s.words("the", "moment") { p.whole = .instant(ref.today, ref.minute); return true }
        // Misspelt as often as not on a phone (tomorow, tommorow, yesturday).
        if s.word("tomorrow") || s.word("tomorrows") || s.word("tmrw") || s.word("tmr") || s.word("tomorow") || s.word("tommorow")
            || s.word("tommorrow") || s.word("tmrow") || s.word("tomoro") || s.word("2moro") { p.day = ref.today.adding(days: 1); return true }
        if s.word("yesterday") || s.word("yesturday") || s.word("yesterdy") || s.word("yday") || s.word("ystd") { p.day = ref.today.adding(days: -1); return true }
        if s.words("late", "tonight") || s.words("late", "tonite") { p.day = ref.today; p.part = .lateNight; return true }
        if s.words("late", "last", "night") { p.day = ref.today.adding(days: -1); p.part = .lateNight; return true }
        if s.words("last", "night") { p.day = ref.today.adding(days: -1); p.part = .englishEvening; return true }
        if s.word("tonight") || s.word("tonite") { p.day = ref.today; p.part = .englishEvening; return true }
        return false
    }

    /// monday, next tuesday, last sunday, this monday, wednesday of next week, friday after next,
    /// 3 fridays from now, 2 thursdays ago, Tuesday the 19th, Thu 15th.
    private func weekdayPhrase(_ s: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        var trial = s
        if let n = count(&trial), let w = weekday(&trial, plural: true) {
            if trial.words("from", "now") || trial.words("from", "today") {
                let first = ref.today.adding(days: (w - ref.today.weekday + 7) % 7 == 0 ? 7 : (w - ref.today.weekday + 7) % 7)
                p.day = first.adding(days: 7 * (Int(n) - 1))
                s = trial
                return true
            }
            if trial.word("ago") || trial.word("back") {
                let gap = (ref.today.weekday - w + 7) % 7
                let last = ref.today.adding(days: -(gap == 0 ? 7 : gap))
                p.day = last.adding(days: -7 * (Int(n) - 1))
                s = trial
                return true
            }
        }
        trial = s
        // last week's sunday
        if let shift = weekShift(&trial), trial.word("week's") || trial.words("week", "s"), let w = weekday(&trial, plural: false) {
            p.day = ref.today.monday.adding(days: 7 * shift + w - 1)
            s = trial
            return true
        }
        trial = s
        var shift: Int?
        var coming = false
        if trial.words("this", "coming") || trial.word("coming") || trial.word("upcoming") { coming = true }
        else if trial.word("this") { shift = 0 }
        else if trial.word("next") { shift = 1 }
        else if trial.word("last") || trial.word("past") || trial.word("previous") { shift = -1 }
        guard let w = weekday(&trial, plural: false) else { return false }
        var after = trial
        if shift == nil, !coming {
            if after.words("of", "next", "week") || after.words("next", "week") { shift = 1; trial = after }
            else if after.words("after", "next") { shift = 1; trial = after }
            else if after.words("of", "this", "week") || after.words("this", "week") { shift = 0; trial = after }
            else if after.words("from", "last", "week") || after.words("of", "last", "week") || after.words("last", "week") { shift = -1; trial = after }
        }
        if let shift {
            p.day = ref.today.monday.adding(days: 7 * shift + w - 1)
        } else {
            p.day = ref.upcoming(weekday: w)
            p.bareWeekday = !coming
            // Tuesday the 19th, Thu 15th: the next such date on that weekday.
            after = trial
            _ = after.eat(",")
            _ = after.word("the")
            if let d = ordinalDay(&after), !Self.monthFollows(after), !Self.clockFollows(after) {
                var first = ref.today.firstOfMonth
                for _ in 0..<24 {
                    if let date = CivilDay.valid(first.year, first.month, d), date >= ref.today, date.weekday == w {
                        p.day = date
                        trial = after
                        break
                    }
                    first = first.adding(months: 1)
                }
            }
        }
        s = trial
        return true
    }

    /// march 3, march 3rd 2015, the 1st of march, 15 february, Monday, Feb 18, Aug 8,
    /// 20th of next month, the 15th, next March, March after next, October 2014.
    private func monthPhrase(_ s: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        var trial = s
        var weekdayGiven: Int?
        if let w = weekday(&trial, plural: false) {
            weekdayGiven = w
            _ = trial.eat(",")
        } else {
            trial = s
        }
        _ = trial.word("the")
        var day: Int?
        var month: Int?
        var year: Int?
        var monthShift: Int?
        var afterDay = trial
        if let d = ordinalDay(&afterDay) {
            var t = afterDay
            _ = t.word("day")
            let linked = t.word("of") || t.word("in")
            _ = t.word("the")
            if let m = monthName(&t) {
                day = d; month = m; trial = t
            } else if linked, let shift = relativeMonth(&t) {
                day = d; monthShift = shift; trial = t
            }
            if day == nil, weekdayGiven == nil {
                // the 15th, on the first: the next such day of the month.
                var article = s
                let hadThe = article.word("the") || article.words("on", "the")
                guard Self.isOrdinal(s, afterDay) || hadThe, let date = ref.upcoming(dayOfMonth: d) else { return false }
                p.day = date
                s = afterDay
                return true
            }
        } else if let m = monthName(&trial) {
            month = m
            var t = trial
            _ = t.word("the")
            if let d = ordinalDay(&t) { day = d; trial = t }
        }
        guard let m = month ?? monthShift.map({ ref.today.firstOfMonth.adding(months: $0).month }) else { return false }
        // Year: 2015, , 2014, '15 after a day (14th April 15).
        var t = trial
        _ = t.eat(",")
        if let (y, count) = t.digits(maxDigits: 4), count == 4 || (count == 2 && day != nil) {
            if !(t.current == ":" || t.word("am") || t.word("pm")) {
                year = count == 4 ? y : ref.fullYear(twoDigits: y)
                trial = t
            }
        }
        if let shift = monthShift {
            let first = ref.today.firstOfMonth.adding(months: shift)
            guard let d = day, let date = CivilDay.valid(first.year, first.month, d) else { return false }
            p.day = date
            s = trial
            return true
        }
        t = trial
        _ = t.eat(",")
        if weekdayGiven == nil, let w = weekday(&t, plural: false) { weekdayGiven = w; trial = t }
        if let d = day {
            var date: CivilDay?
            if let year { date = CivilDay.valid(year, m, d) }
            else {
                date = ref.nearest(month: m, day: d)
                // Fri, Jul 18: the next year where that day is a Friday.
                if let w = weekdayGiven, var found = date, found.weekday != w {
                    for _ in 0..<11 {
                        guard let next = CivilDay.valid(found.year + 1, m, d) else { break }
                        found = next
                        if next.weekday == w { date = next; break }
                    }
                }
            }
            guard let found = date else { return false }
            p.day = found
        } else {
            var first = year.map { CivilDay($0, m, 1) } ?? ref.nearest(month: m).0
            t = trial
            if year == nil, t.words("after", "next") { first = CivilDay(first.year + 1, m, 1); trial = t }
            else if year == nil, t.words("in", "1", "year") || t.words("in", "a", "year") || t.words("in", "one", "year") { first = CivilDay(ref.today.year + 1, m, 1); trial = t }
            p.days = first.wholeMonth
        }
        s = trial
        return true
    }

    // "Monday, 2:30 pm": the 2 is an hour, not the 2nd.
    private static func clockFollows(_ scan: ScalarScan) -> Bool {
        var t = scan
        t.skipSpaces()
        if t.i < t.s.count, t.s[t.i] == ":" || t.s[t.i] == "." { return true }
        return t.sees("am") || t.sees("pm") || t.sees("o'clock") || t.sees("oclock")
    }

    private static func monthFollows(_ scan: ScalarScan) -> Bool {
        var t = scan
        _ = t.word("of")
        return EnglishTime.monthNames.contains { t.sees($0.0) }
    }

    private static func isOrdinal(_ start: ScalarScan, _ end: ScalarScan) -> Bool {
        let text = String(String.UnicodeScalarView(start.s[start.i..<end.i]))
        return text.hasSuffix("st") || text.hasSuffix("nd") || text.hasSuffix("rd") || text.hasSuffix("th") || text.contains("first") || text.contains("second") || text.contains("third")
    }

    /// 2/15, 2 / 15, 2-15, 3/3/2015, 3/3/15, 2015-3-3, 2/2013, 2014-10.
    private func numericDate(_ s: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        guard numericDateCore(&s, &p) else { return false }
        // 3-4pm is a range of hours, not March 4.
        if let next = s.current, ScalarClass(next) == .letter { return false }
        return true
    }

    private func numericDateCore(_ s: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        var t = s
        guard let (a, aCount) = t.digits(maxDigits: 4) else { return false }
        t.skipSpaces()
        guard let sep = t.current, sep == "/" || sep == "-" else { return false }
        t.i += 1
        guard let (b, bCount) = t.digits(maxDigits: 4) else { return false }
        var u = t
        u.skipSpaces()
        if u.current == sep {
            u.i += 1
            if let (c, cCount) = u.digits(maxDigits: 4) {
                let date: CivilDay?
                if aCount == 4 { date = CivilDay.valid(a, b, c) }
                else if cCount == 4 || cCount == 2 { date = CivilDay.valid(cCount == 4 ? c : ref.fullYear(twoDigits: c), a, b) }
                else { date = nil }
                guard let date else { return false }
                p.day = date
                s = u
                return true
            }
        }
        if aCount == 4, bCount <= 2, (1...12).contains(b) {
            p.days = CivilDay(a, b, 1).wholeMonth
        } else if aCount <= 2, bCount == 4, (1...12).contains(a) {
            p.days = CivilDay(b, a, 1).wholeMonth
        } else if aCount <= 2, bCount <= 2, let date = ref.nearest(month: a, day: b) {
            p.day = date
        } else {
            return false
        }
        s = t
        return true
    }

    /// this week, next month, last year, this quarter, third quarter, this weekend, end of the
    /// month, EOM, beginning of next week, early March, first tuesday of october, last day of
    /// october 2015, the week of october 6th, upcoming two weeks.
    private func periodPhrase(_ s: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        var t = s
        _ = t.word("at") || t.word("by")
        _ = t.word("the")
        // BOM / EOM / BOY / EOY and their long forms.
        if t.word("eom") { p.days = ref.today.firstOfMonth.third(3); s = t; return true }
        if t.word("bom") { p.days = ref.today.firstOfMonth.third(1); s = t; return true }
        if t.word("eoy") { p.days = (CivilDay(ref.today.year, 9, 1), CivilDay(ref.today.year, 12, 31)); s = t; return true }
        if t.word("boy") { p.days = (CivilDay(ref.today.year, 1, 1), CivilDay(ref.today.year, 3, 31)); s = t; return true }
        var edge: Int?
        if t.words("end", "of") { edge = 3 } else if t.words("beginning", "of") || t.words("start", "of") { edge = 1 }
        else if t.word("early") { edge = 1 } else if t.word("mid") { edge = 2 } else if t.word("late") { edge = 3 }
        if let edge {
            _ = t.word("the")
            var u = t
            if let shift = weekShift(&u), u.word("week") {
                let monday = ref.today.monday.adding(days: 7 * shift)
                p.days = edge == 1 ? (monday, monday.adding(days: 2)) : (monday.adding(days: 4), monday.adding(days: 6))
                s = u
                return true
            }
            u = t
            _ = u.word("this") || u.word("current")
            if edge != 2, u.word("month") {
                p.days = ref.today.firstOfMonth.third(edge)
                s = u
                return true
            }
            u = t
            if let shift = relativeMonth(&u) {
                p.days = ref.today.firstOfMonth.adding(months: shift).third(edge)
                s = u
                return true
            }
            u = t
            if edge != 2, u.word("year") || u.words("this", "year") {
                let y = ref.today.year
                p.days = edge == 1 ? (CivilDay(y, 1, 1), CivilDay(y, 3, 31)) : (CivilDay(y, 9, 1), CivilDay(y, 12, 31))
                s = u
                return true
            }
            u = t
            if let (y, count) = u.digits(maxDigits: 4), count == 4 {
                p.days = edge == 1 ? (CivilDay(y, 1, 1), CivilDay(y, 3, 31)) : (CivilDay(y, 9, 1), CivilDay(y, 12, 31))
                s = u
                return true
            }
            u = t
            if let m = monthName(&u) {
                var first = ref.nearest(month: m).0
                var v = u
                if let (y, count) = v.digits(maxDigits: 4), count == 4 { first = CivilDay(y, m, 1); u = v }
                p.days = first.third(edge)
                s = u
                return true
            }
            return false
        }
        // first tuesday of october, last Monday of March 2014, last day of october 2015,
        // first week of october 2014, the first Monday of this month, second monday of last month.
        t = s
        _ = t.word("the")
        var nth: Int?
        if t.word("last") { nth = -1 } else if let n = ordinalWord(&t) { nth = n }
        if let nth {
            var u = t
            let what: Int?   // 1…7 a weekday, 0 a day, 8 a week
            if let w = weekday(&u, plural: false) { what = w } else if u.word("day") { what = 0 } else if u.word("week") { what = 8 } else { what = nil }
            if let what, u.word("of") || u.word("in") {
                _ = u.word("the")
                var first: CivilDay?
                if let m = monthName(&u) {
                    first = ref.nearest(month: m).0
                    var v = u
                    if let (y, count) = v.digits(maxDigits: 4), count == 4 { first = CivilDay(y, m, 1); u = v }
                } else if let shift = relativeMonth(&u) {
                    first = ref.today.firstOfMonth.adding(months: shift)
                } else if u.word("month") {
                    first = ref.today.firstOfMonth
                }
                if let first {
                    let last = first.lastOfMonth
                    switch what {
                    case 0:
                        p.day = nth == -1 ? last : CivilDay.valid(first.year, first.month, nth)
                    case 8:
                        let firstMonday = first.adding(days: (8 - first.weekday) % 7)
                        let lastMonday = last.adding(days: -6).monday
                        let monday = nth == -1 ? lastMonday : firstMonday.adding(days: 7 * (nth - 1))
                        p.days = (monday, monday.adding(days: 6))
                    default:
                        if nth == -1 {
                            p.day = last.adding(days: -((last.weekday - what + 7) % 7))
                        } else {
                            let day = first.adding(days: (what - first.weekday + 7) % 7 + 7 * (nth - 1))
                            guard day.month == first.month else { return false }
                            p.day = day
                        }
                    }
                    if p.day != nil || p.days != nil { s = u; return true }
                }
            }
        }
        // the week of october 6th
        t = s
        _ = t.word("the")
        if t.words("week", "of") {
            var q = TimePoint()
            if monthPhrase(&t, &q), let d = q.day {
                p.days = (d.monday, d.monday.adding(days: 6))
                s = t
                return true
            }
        }
        // upcoming two weeks, 2 upcoming days: the unit that many ahead.
        t = s
        var n: Double?
        if t.word("upcoming"), let k = count(&t) { n = k } else { t = s; if let k = count(&t), t.word("upcoming") { n = k } }
        if let n, let unit = unit(&t) {
            let k = Int(n)
            switch unit {
            case .day: p.day = ref.today.adding(days: k)
            case .week: let m = ref.today.monday.adding(days: 7 * k); p.days = (m, m.adding(days: 6))
            case .month: let f = ref.today.firstOfMonth.adding(months: k); p.days = f.wholeMonth
            case .quarter: let f = quarterStart(ref.today).adding(months: 3 * k); p.days = (f, f.adding(months: 3).adding(days: -1))
            case .year: p.days = (CivilDay(ref.today.year + k, 1, 1), CivilDay(ref.today.year + k, 12, 31))
            default: return false
            }
            s = t
            return true
        }
        // third quarter, 3rd qtr
        t = s
        _ = t.word("the")
        if let q = ordinalWord(&t), (1...4).contains(q), t.word("quarter") || t.word("qtr") {
            var y = ref.today.year
            var u = t
            if let (year, count) = u.digits(maxDigits: 4), count == 4 { y = year; t = u }
            p.days = CivilDay.quarter(q, of: y)
            s = t
            return true
        }
        // this week, next month, last year, this quarter, this weekend
        t = s
        guard let shift = weekShift(&t) else { return false }
        if t.word("week") || t.word("wk") {
            let monday = ref.today.monday.adding(days: 7 * shift)
            p.days = (monday, monday.adding(days: 6))
        } else if t.word("weekend") || t.word("week-end") || t.words("week", "end") || t.word("wkend") {
            let monday = ref.today.monday.adding(days: 7 * shift)
            p.days = (monday.adding(days: 5), monday.adding(days: 6))
        } else if t.word("month") {
            let first = ref.today.firstOfMonth.adding(months: shift)
            p.days = first.wholeMonth
        } else if t.word("quarter") || t.word("qtr") {
            let first = quarterStart(ref.today).adding(months: 3 * shift)
            p.days = (first, first.adding(months: 3).adding(days: -1))
        } else if t.word("year") || t.word("yr") {
            p.days = (CivilDay(ref.today.year + shift, 1, 1), CivilDay(ref.today.year + shift, 12, 31))
        } else if shift == 1, let m = monthName(&t) {
            let first = ref.nearest(month: m).0
            p.days = first.wholeMonth
        } else {
            return false
        }
        s = t
        return true
    }

    /// in 2 hours, 3 days from now, 3 years from today, a week ago, last 2 weeks, next 3 days.
    private func offsetPhrase(_ s: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        var t = s
        if t.word("in") {
            _ = t.word("about")
            if let n = count(&t) {
                _ = t.word("more")
                if let unit = unit(&t) {
                    // A day can still take a clock time: in 7 days at 5pm.
                    let value = ref.offset(n, unit)
                    if case .day(let d) = value { p.day = d } else { p.whole = value }
                    s = t
                    return true
                }
            }
        }
        t = s
        if let n = count(&t), let unit = unit(&t) {
            if t.words("from", "now") || t.words("from", "right", "now") || t.words("from", "today") || t.word("hence") {
                p.whole = ref.offset(n, unit)
                s = t
                return true
            }
            if t.word("ago") || t.word("back") || t.word("before") {
                p.whole = ref.offset(-n, unit)
                s = t
                return true
            }
        }
        t = s
        var direction: SpanDirection?
        if t.word("last") || t.word("past") || t.word("previous") { direction = .pastAligned }
        else if t.word("next") || t.word("coming") || t.word("following") { direction = .futureAligned }
        if let direction, let n = count(&t), n >= 1, let unit = unit(&t), let span = ref.span(direction, n, unit) {
            p.whole = span
            s = t
            return true
        }
        return false
    }

    // MARK: - Parts of the day and clock times

    private func partOfDay(_ s: inout ScalarScan, _ p: inout TimePoint) -> PartOfDay? {
        var t = s
        if t.words("in", "the", "early", "hours", "of", "the", "morning") || t.words("early", "in", "the", "morning") || t.words("early", "morning") { s = t; return .earlyMorning }
        t = s
        let this = !(t.words("in", "the")) && t.word("this")
        if !this { _ = t.word("in") }
        var part: PartOfDay?
        if t.word("morning") || t.word("mornings") { _ = t.word("ish"); part = .englishMorning }
        // arvo: Australian for the afternoon.
        else if t.word("afternoon") || t.word("afternoonish") || t.word("arvo") { _ = t.word("ish"); part = .englishAfternoon }
        else if t.word("evening") || t.word("night") { part = .englishEvening }
        if let part {
            // this morning is today's: a time told with it is on a day (this morning at 7:30).
            if this { p.day = p.day ?? ref.today }
            s = t
            return part
        }
        if t.word("lunch") || t.word("lunchtime") { s = t; return .lunch }
        t = s
        if t.words("after", "lunch") { s = t; return .afterLunch }
        if t.words("after", "school") { s = t; return .afterSchool }
        if t.word("tonight") || t.word("tonite") { p.day = p.day ?? ref.today; s = t; return .englishEvening }
        return nil
    }

    /// 3pm, 3:30 p.m., 15h30, at 3, 1030, noon, midnight, half past three, a quarter to noon,
    /// twenty after 3pm, ten thirty am, 3 oclock in the afternoon.
    private func clock(_ s: inout ScalarScan, _ p: inout TimePoint, inherit: TimePoint?) -> Bool {
        var t = s
        // quarter past / half past / N minutes to
        var offsetMinutes: Int?
        var before = false
        var u = t
        _ = u.word("a")
        var bareNumber = false
        if u.word("quarter") { offsetMinutes = 15 } else if u.word("half") { offsetMinutes = 30 }
        else if let n = count(&u), n > 0, n < 60, Double(Int(n)) == n {
            offsetMinutes = Int(n)
            bareNumber = !(u.word("minutes") || u.word("minute") || u.word("mins") || u.word("min"))
        }
        if let minutes = offsetMinutes {
            // from 2 to 4, between 10 and 12: after from, a bare number to another is a range of
            // hours, not two minutes to four.
            let ranged = bareNumber && (Self.follows("from", s) || Self.follows("between", s))
            if u.word("past") || u.word("after") || u.word("from") { before = false }
            else if !ranged, u.word("to") || u.word("till") || u.word("before") || u.word("of") { before = true }
            else { u = t; offsetMinutes = nil }
            if offsetMinutes != nil {
                var q = TimePoint()
                if clock(&u, &q, inherit: nil) || u.sees("noon") {
                    if q.clock == nil, u.word("noon") { q.clock = 720; q.hourMinute = (12, 0); q.marker = .pm }
                    guard let base = q.clock ?? q.hourMinute.map({ $0.0 * 60 + $0.1 }) else { return false }
                    let value = before ? base - minutes : base + minutes
                    p.clock = value
                    p.hourMinute = (value / 60, value % 60)
                    p.marker = q.marker ?? (q.clock != nil ? .pm : nil)
                    s = u
                    return true
                }
            }
        }
        t = s
        if t.word("noon") || t.word("midday") || t.words("mid", "day") || t.words("the", "midday") {
            p.clock = 720; p.hourMinute = (12, 0); p.marker = .pm
            s = t
            return true
        }
        if t.word("midnight") {
            p.clock = 1440; p.hourMinute = (12, 0); p.marker = .am
            p.day = p.day ?? ref.today
            s = t
            return true
        }
        var hour: Int
        var minute = 0
        var leadingZero = false
        var bare = true
        t.skipSpaces()
        if t.current?.isASCIIDigit == true {
            leadingZero = t.current == "0"
            guard let (h, count) = t.digits(maxDigits: 4) else { return false }
            if count >= 3 {
                // 1030, 330 p.m., 730, 150ish
                hour = h / 100
                minute = h % 100
                guard minute < 60, hour <= 24 else { return false }
                bare = true
            } else {
                hour = h
            }
            if count <= 2, t.current == ":" {
                t.i += 1
                guard let (m, mCount) = t.digits(maxDigits: 2), mCount == 2, m < 60 else { return false }
                minute = m
                if t.current == ":" { t.i += 1; _ = t.digits(maxDigits: 2) }
                bare = false
            } else if count <= 2, t.current == "h" {
                t.i += 1
                leadingZero = true
                if let (m, mCount) = t.digits(maxDigits: 2), mCount == 2, m < 60 { minute = m }
                bare = false
                if hour > 24 { return false }
            } else if count <= 2, t.current == " " {
                // at 3 15
                var v = t
                if let (m, mCount) = v.digits(maxDigits: 2), mCount == 2, m < 60, !v.sees("/"), !v.sees("-") {
                    minute = m
                    t = v
                }
            }
        } else if let h = numberWord(&t), (1...12).contains(h) {
            hour = h
            var v = t
            if let m = minuteWords(&v) { minute = m; t = v; bare = false }
        } else {
            return false
        }
        guard hour <= 24 else { return false }
        _ = t.word("ish")
        var marker: ClockMarker?
        var v = t
        if v.words("a", "m") || v.eat("a.m.") || v.eat("a.m") || v.word("am") || v.word("a") || v.words("in", "the", "am") { marker = .am; t = v }
        else {
            v = t
            if v.words("p", "m") || v.eat("p.m.") || v.eat("p.m") || v.word("pm") || v.word("p") || v.words("in", "the", "pm") { marker = .pm; t = v }
        }
        v = t
        if v.word("oclock") || v.word("o'clock") || v.word("o’clock") {
            bare = false
            t = v
            if marker == nil {
                if v.word("am") || v.words("a", "m") { marker = .am; t = v } else if v.word("pm") || v.words("p", "m") { marker = .pm; t = v }
            }
        }
        _ = t.word("ish")
        if marker != nil { bare = false; _ = t.eat(".") }
        guard marker == nil || hour <= 12 else { return false }
        p.hourMinute = (hour, minute)
        p.marker = marker
        p.bareClock = bare && marker == nil
        p.clock = EnglishTime.minute(hour, minute, marker: marker, part: p.part, leadingZero: leadingZero)
        s = t
        return true
    }

    static func minute(_ hour: Int, _ minute: Int, marker: ClockMarker?, part: PartOfDay?, leadingZero: Bool) -> Int {
        switch marker {
        case .am: return (hour == 12 ? 0 : hour) * 60 + minute
        case .pm: return (hour < 12 ? hour + 12 : hour) * 60 + minute
        case nil:
            if let part { return part.minute(hour: hour, minute: minute) }
            return businessHours(hour: hour, minute: minute, leadingZero: leadingZero)
        }
    }

    // MARK: - Ranges and deadlines

    /// 13 to 15 July, from the 13th to the 15th of July, 1-8 september, 23rd to 26th Oct.
    private func dayOfMonthRange(_ start: ScalarScan) -> (TimeValue, Int)? {
        var t = start
        _ = t.word("the")
        guard let a = ordinalDay(&t) else { return nil }
        guard t.eat("-") || t.word("to") || t.word("thru") || t.word("through") || t.word("till") || t.word("until") else { return nil }
        _ = t.word("the")
        guard let b = ordinalDay(&t) else { return nil }
        _ = t.word("of")
        guard let m = monthName(&t) else { return nil }
        var year: Int?
        var v = t
        if let (y, count) = v.digits(maxDigits: 4), count == 4 { year = y; t = v }
        guard let first = year.flatMap({ CivilDay.valid($0, m, a) }) ?? ref.nearest(month: m, day: a),
              let second = CivilDay.valid(first.year, m, b), first <= second else { return nil }
        return (.days(first, second), t.i)
    }

    private func deadline(_ t: inout ScalarScan) -> TimeValue? {
        let now = (ref.today, ref.minute)
        var u = t
        _ = u.word("the")
        if u.word("eod") || u.words("end", "of", "day") || u.words("end", "of", "the", "day") {
            t = u
            return .instants(now.0, now.1, ref.today.adding(days: 1), 0)
        }
        u = t
        if let n = count(&u), let unit = unit(&u), let end = ref.offset(n, unit).dayEnd {
            t = u
            return .instants(now.0, now.1, end, 0)
        }
        u = t
        var q = TimePoint()
        if periodPhrase(&u, &q), let days = q.days {
            t = u
            return .instants(now.0, now.1, days.1.adding(days: 1), 0)
        }
        u = t
        q = TimePoint()
        if clock(&u, &q, inherit: nil), let clock = q.clock {
            t = u
            return .instants(now.0, now.1, ref.today, clock)
        }
        return nil
    }

    private static func lasting(_ start: TimeValue, _ n: Double, _ unit: TimeUnit, _ ref: TimeReference) -> TimeValue? {
        var start = start
        if case .clock(let m) = start { start = .instant(ref.today, m) }
        switch (start, unit) {
        case (.instant(let d, let m), .minute): return .instants(d, m, d, m + Int(n))
        case (.instant(let d, let m), .hour): return .instants(d, m, d, m + Int(n * 60))
        case (.day(let d), .day): return .days(d, d.adding(days: Int(n)))
        default: return nil
        }
    }

    // MARK: - Words

    private func unit(_ t: inout ScalarScan) -> TimeUnit? {
        if t.word("minutes") || t.word("minute") || t.word("mins") || t.word("min") { return .minute }
        if t.word("hours") || t.word("hour") || t.word("hrs") || t.word("hr") || t.word("h") { return .hour }
        if t.word("days") || t.word("day") { return .day }
        if t.word("weeks") || t.word("week") || t.word("wks") { return .week }
        if t.word("months") || t.word("month") { return .month }
        if t.word("quarters") || t.word("quarter") { return .quarter }
        if t.word("years") || t.word("year") || t.word("yrs") { return .year }
        return nil
    }

    /// A count: 3, 2.5, three, a, an, one, a couple of, a few, a pair of, 2 and an half.
    func count(_ t: inout ScalarScan) -> Double? {
        var u = t
        if u.words("a", "couple", "of") || u.words("a", "couple") || u.words("couple", "of") || u.words("a", "pair", "of") { t = u; return 2 }
        u = t
        if u.words("a", "few") || u.word("few") { t = u; return 3 }
        u = t
        if u.word("half") { _ = u.word("an") || u.word("a"); t = u; return 0.5 }
        u = t
        if u.words("a", "quarter", "of", "an") { t = u; return 0.25 }
        u = t
        if u.words("three-quarters", "of", "an") || u.words("three", "quarters", "of", "an") { t = u; return 0.75 }
        u = t
        if u.word("a") || u.word("an") { t = u; return 1 }
        u = t
        var value: Double?
        if let reading = Numerals.read(u.s, at: { var k = u.i; while k < u.s.count, u.s[k] == " " { k += 1 }; return k }()), !reading.isChinese {
            u.i = reading.end
            value = reading.value
        } else if let n = numberWord(&u) {
            value = Double(n)
        }
        // As in Chinese (ChineseTime.count): no one counts a thousand units of time, and a
        // count that large would overflow the day arithmetic.
        guard var n = value, n < 1000 else { return nil }
        var v = u
        if v.words("and", "an", "half") || v.words("and", "a", "half") { n += 0.5; u = v }
        t = u
        return n
    }

    private func numberWord(_ t: inout ScalarScan) -> Int? {
        for (word, value) in Self.numberWords where t.word(word) { return value }
        return nil
    }

    // twenty, fifty nine, thirty, twenty-three, fifteen, oh five.
    private func minuteWords(_ t: inout ScalarScan) -> Int? {
        var u = t
        var total = 0
        for (word, value) in Self.tens where u.word(word) {
            total = value
            var v = u
            _ = v.eat("-")
            for (unitWord, unitValue) in Self.numberWords where unitValue < 10 && v.word(unitWord) {
                total += unitValue
                u = v
                break
            }
            t = u
            return total
        }
        u = t
        for (word, value) in Self.numberWords where value >= 10 && value < 20 && u.word(word) { t = u; return value }
        return nil
    }

    private func ordinalDay(_ t: inout ScalarScan) -> Int? {
        var u = t
        if let (d, count) = u.digits(maxDigits: 2), count <= 2, (1...31).contains(d) {
            _ = u.word("st") || u.word("nd") || u.word("rd") || u.word("th") || u.eatSuffix(["st", "nd", "rd", "th"])
            if u.current.map({ ScalarClass($0) == .letter }) == true, !Self.monthNames.contains(where: { u.sees($0.0) }) { return nil }
            t = u
            return d
        }
        u = t
        if let n = ordinalWord(&u), (1...31).contains(n) { t = u; return n }
        return nil
    }

    private func ordinalWord(_ t: inout ScalarScan) -> Int? {
        for (word, value) in Self.ordinals where t.word(word) { return value }
        var u = t
        if let (n, count) = u.digits(maxDigits: 2), count <= 2, u.eatSuffix(["st", "nd", "rd", "th"]) { t = u; return n }
        return nil
    }

    private func weekday(_ t: inout ScalarScan, plural: Bool) -> Int? {
        for (index, (word, value)) in Self.weekdayNames.enumerated() {
            if t.word(plural ? Self.weekdayPlurals[index] : word) || plural && t.word(word) {
                _ = t.eat(".")
                return value
            }
        }
        return nil
    }

    private func monthName(_ t: inout ScalarScan) -> Int? {
        for (word, value) in Self.monthNames where t.word(word) || word.utf8.count == 3 && t.eatPrefixWord(word) {
            _ = t.eat(".")
            return value
        }
        return nil
    }

    private func weekShift(_ t: inout ScalarScan) -> Int? {
        if t.word("this") || t.word("current") || t.word("the") && t.word("current") { return 0 }
        if t.word("next") || t.word("coming") || t.word("upcoming") || t.words("the", "following") || t.word("following") || t.words("around", "next") { return 1 }
        if t.word("last") || t.word("past") || t.word("previous") || t.words("this", "past") { return -1 }
        return nil
    }

    // next month, the current month, the previous month, this month.
    private func relativeMonth(_ t: inout ScalarScan) -> Int? {
        var u = t
        _ = u.word("the")
        guard let shift = weekShift(&u), u.word("month") else { return nil }
        t = u
        return shift
    }

    private func quarterStart(_ d: CivilDay) -> CivilDay { CivilDay(d.year, (d.month - 1) / 3 * 3 + 1, 1) }

    /// The moment of speaking, named by words alone (the slot filler ranks them last).
    static let nowPhrases = [["right", "now"], ["just", "now"], ["at", "the", "moment"], ["now"]]

    /// Every word an English expression can start with: the extractor tries the grammar only
    /// there, which keeps ordinary words ("visit", "customer") cheap.
    static let firstWords: Set<String> = {
        var words: Set<String> = [
            "by", "within", "from", "between", "later", "on", "for", "of", "around", "about", "approximately", "during", "at",
            "the", "this", "next", "last", "past", "previous", "coming", "upcoming", "current", "following", "in", "mid",
            "early", "late", "end", "beginning", "start", "eom", "bom", "eoy", "boy", "now", "right", "just", "today",
            "tonight", "tonite", "tomorrow", "tomorrows", "tmrw", "tmr", "yesterday", "tomorow", "tommorow", "tommorrow", "tmrow",
            "tomoro", "2moro", "yesturday", "yesterdy", "yday", "ystd", "day", "a", "an", "half", "quarter",
            "three-quarters", "couple", "few", "pair", "noon", "midday", "midnight", "morning", "mornings", "afternoon",
            "afternoonish", "arvo", "evening", "night", "lunch", "lunchtime", "after", "forty", "fifty",
        ]
        for (word, _) in numberWords + ordinals + weekdayNames + monthNames { words.insert(word); words.insert(word + "s") }
        return words
    }()

    static let numberWords: [(String, Int)] = [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
    ]
    static let tens: [(String, Int)] = [("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50)]
    static let ordinals: [(String, Int)] = [
        ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8),
        ("ninth", 9), ("tenth", 10),
    ]
    static let weekdayNames: [(String, Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
        ("mon", 1), ("tues", 2), ("tue", 2), ("wed", 3), ("thurs", 4), ("thu", 4), ("fri", 5), ("sat", 6), ("sun", 7),
    ]
    // Made once: joining them at each look-up cost more than the look-up.
    static let weekdayPlurals: [String] = weekdayNames.map { $0.0 + "s" }
    static let monthNames: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8),
        ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sept", 9), ("sep", 9),
        ("oct", 10), ("nov", 11), ("dec", 12),
    ]
}

extension TimeValue {
    /// The day after the last day this value covers, for deadlines ("within 2 weeks").
    var dayEnd: CivilDay? {
        switch self {
        case .day(let d): return d
        case .days(_, let b): return b.adding(days: 1)
        default: return nil
        }
    }
}

extension PartOfDay {
    // Duckling's English parts of the day.
    static let englishMorning = PartOfDay(start: 0, end: 720, reading: .am)
    static let earlyMorning = PartOfDay(start: 0, end: 540, reading: .am)
    static let englishAfternoon = PartOfDay(start: 720, end: 1140, reading: .pm)
    static let englishEvening = PartOfDay(start: 1080, end: 1440, reading: .evening)
    static let lateNight = PartOfDay(start: 1260, end: 1440, reading: .evening)
    static let lunch = PartOfDay(start: 720, end: 840, reading: .noon)
    static let afterLunch = PartOfDay(start: 780, end: 1020, reading: .pm)
    static let afterSchool = PartOfDay(start: 900, end: 1260, reading: .pm)
}

extension ScalarScan {
    /// Consumes a whole English word (spaces before it allowed).
    mutating func word(_ w: String) -> Bool {
        guard let end = end(of: w) else { return false }
        if end < s.count, let last = w.unicodeScalars.last {
            let next = s[end]
            if ScalarClass(next) == .letter, ScalarClass(last) == .letter { return false }
            if next.isASCIIDigit, last.isASCIIDigit { return false }
        }
        i = end
        return true
    }

    /// Consumes several words in a row, or none.
    mutating func words(_ ws: String...) -> Bool { words(ws) }

    /// Consumes several words in a row, or none.
    mutating func words(_ ws: [String]) -> Bool {
        let start = i
        for w in ws where !word(w) {
            i = start
            return false
        }
        return true
    }

    /// Consumes one of `suffixes` written right after the previous scalar (15th, 3rd).
    mutating func eatSuffix(_ suffixes: [String]) -> Bool {
        for suffix in suffixes {
            var j = i
            var matches = true
            for scalar in suffix.unicodeScalars {
                guard j < s.count, s[j] == scalar else { matches = false; break }
                j += 1
            }
            guard matches else { continue }
            if j < s.count, ScalarClass(s[j]) == .letter { continue }
            i = j
            return true
        }
        return false
    }

    /// A word that may run straight into digits (Feb13, 14april): the letters of `w` followed by a non-letter.
    mutating func eatPrefixWord(_ w: String) -> Bool {
        guard let end = end(of: w) else { return false }
        if end < s.count, ScalarClass(s[end]) == .letter { return false }
        i = end
        return true
    }
}
