/// Dates and times as Chinese speakers write them, in folded (simplified, half-width) text:
/// 明天下午三点, 下周三, 11月25号, 三天后, 下个月底, 周一到周三, 今晚八点到九点, and the
/// Cantonese 听日, 后日, 下昼, 今晚黑.
///
/// A small recursive-descent grammar: a *point* is an optional day part (a day, a week, a
/// month…), an optional part of the day and an optional clock time; an *expression* is a
/// point or a range of two points joined by 到/至/-/和…之间, the second inheriting what it
/// leaves out from the first (明天下午两点到五点).
struct ChineseTime {
    let ref: TimeReference

    /// The longest expression starting at `start`, or nil.
    func parse(_ s: [Unicode.Scalar], at start: Int) -> (value: TimeValue, end: Int)? {
        var scan = ScalarScan(s, start)
        for prefix in Self.prefixes where scan.eat(prefix) { break }
        guard let first = point(&scan, inherit: nil) else { return nil }
        var best = (first.value(ref), scan.i)
        // A range: 周一到周三, 下午五点到晚上七点半, 1月15号4点和2月3号9点之间.
        var range = scan
        if let joiner = range.eatLongest(Self.rangeWords) {
            if let second = point(&range, inherit: first) {
                if joiner && !range.eat("之间") { return best.0.map { ($0, best.1) } }
                if let value = TimePoint.joining(first, second, ref) { best = (value, range.i) }
            }
        }
        // 早上五到六点: the first hour borrows the second's 点 (a joiner that needs no 之间).
        var hours = scan
        if first.clock == nil, let a = hours.smallNumber(), a <= 24, let needsBetween = hours.eatLongest(Self.rangeWords), !needsBetween,
           let second = point(&hours, inherit: first), let b = second.clock, second.day == nil || second.day == first.day {
            let day = first.day ?? ref.today
            let startMinute = first.part?.minute(hour: a, minute: 0) ?? businessHours(hour: a, minute: 0, leadingZero: false)
            if startMinute < b { best = (.instants(day, startMinute, day, b), hours.i) }
        }
        // 今年以来, 这个月以来, 上周以来: from the period's start up to today.
        var since = ScalarScan(s, best.1)
        if since.eat("以来") || since.eat("至今") || since.eat("到现在") || since.eat("到今天"),
           case .days(let from, _)? = best.0, from <= ref.today {
            best = (.days(from, ref.today), since.i)
        }
        return best.0.map { ($0, best.1) }
    }

    /// A part of the day or a clock time said after a day named another way (中秋晚上,
    /// 儿童节下午三点十五): the value on `day`, or nil when what follows is no time of day.
    func time(_ s: [Unicode.Scalar], at start: Int, on day: CivilDay) -> (value: TimeValue, end: Int)? {
        var scan = ScalarScan(s, start)
        _ = scan.eat("的")
        var inherit = TimePoint()
        inherit.day = day
        guard let p = point(&scan, inherit: inherit), p.day == day, p.days == nil, p.whole == nil,
              p.clock != nil || p.part != nil, let value = p.value(ref) else { return nil }
        return (value, scan.i)
    }

    // MARK: - Points

    private func point(_ scan: inout ScalarScan, inherit: TimePoint?) -> TimePoint? {
        var p = TimePoint()
        var progressed = false
        var trial = scan
        if let whole = wholeValue(&trial) {
            p.whole = whole
            scan = trial
            return p
        }
        trial = scan
        if datePart(&trial, into: &p, inherit: inherit) {
            scan = trial
            progressed = true
        }
        trial = scan
        _ = trial.eat("的")
        if let (part, _) = trial.eatLongest(Self.partsOfDay).map({ ($0, 0) }) {
            p.part = part
            scan = trial
            progressed = true
        }
        trial = scan
        let reading = p.part ?? (p.day == nil ? inherit?.part : nil)
        if let minute = clock(&trial, part: reading) {
            p.clock = minute
            scan = trial
            progressed = true
        } else if p.part == nil, p.day == nil, p.days == nil {
            return nil
        }
        guard progressed else { return nil }
        if let inherit, p.day == nil, p.days == nil, p.clock != nil || p.part != nil { p.day = inherit.day }
        return p
    }

    // MARK: - Days

    private func datePart(_ scan: inout ScalarScan, into p: inout TimePoint, inherit: TimePoint?) -> Bool {
        var best: (ScalarScan, TimePoint)?
        func consider(_ attempt: (inout ScalarScan, inout TimePoint) -> Bool) {
            var trial = scan
            var q = p
            if attempt(&trial, &q), trial.i > (best?.0.i ?? scan.i) { best = (trial, q) }
        }
        consider { scan, p in
            guard let (offset, part) = scan.eatLongest(Self.relativeDays) else { return false }
            p.day = ref.today.adding(days: offset)
            p.part = part
            return true
        }
        consider { scan, p in weekPhrase(&scan, &p) }
        consider { scan, p in calendarPhrase(&scan, &p, inherit: inherit) }
        consider { scan, p in numericDate(&scan, &p) }
        guard let (after, q) = best else { return false }
        scan = after
        p = q
        return true
    }

    /// 下周三, 这周, 上上个礼拜, 周末, 星期天, 下周末.
    private func weekPhrase(_ scan: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        let at = scan.i
        var shift = scan.eatLongest(Self.weekShifts)
        // 帮我约一下下周一: 一下 (a moment) then 下周一, not 下下周 (the week after next).
        if shift == 2, at > 0, scan.s[at - 1] == "一", scan.i == at + 2 { shift = 1 }
        guard scan.eatLongest(Self.weekWords) != nil else {
            // 周末 alone, or 这周末 written 这个周末.
            if scan.eat("周末") {
                let monday = ref.today.monday.adding(days: 7 * (shift ?? 0))
                p.days = (monday.adding(days: 5), monday.adding(days: 6))
                return true
            }
            return false
        }
        let monday = ref.today.monday.adding(days: 7 * (shift ?? 0))
        if let weekday = scan.current.flatMap({ Self.weekdays[$0] }) {
            scan.i += 1
            p.day = shift == nil ? ref.upcoming(weekday: weekday) : monday.adding(days: weekday - 1)
            p.bareWeekday = shift == nil
            return true
        }
        if scan.eat("末") {
            p.days = (monday.adding(days: 5), monday.adding(days: 6))
            return true
        }
        guard shift != nil else { return false }
        p.days = (monday, monday.adding(days: 6))
        return true
    }

    /// Years, months, days and their parts: 2015年3月3号, 三月一号, 下个月20号, 本月十日,
    /// 25号, 明年九月, 下个月底, 十月的第一个星期一, 去年上半年, 今年第一季度.
    private func calendarPhrase(_ scan: inout ScalarScan, _ p: inout TimePoint, inherit: TimePoint?) -> Bool {
        var year: Int?
        var trial = scan
        if let y = yearWord(&trial) {
            year = y
            scan = trial
        }
        var month: Int?
        var monthYear = year
        trial = scan
        if year != nil { _ = trial.eat("的") }
        let monthAt = trial.i
        if var shift = trial.eatLongest(Self.monthShifts) {
            // 约一下下个月5号: 一下 then 下个月, as with 一下下周.
            if shift == 2, monthAt > 0, trial.s[monthAt - 1] == "一", trial.s[monthAt + 1] == "下" { shift = 1 }
            let first = ref.today.firstOfMonth.adding(months: shift)
            month = first.month
            monthYear = year ?? first.year
            scan = trial
        } else if let m = trial.smallNumber(), (1...12).contains(m), trial.eat("月") {
            _ = trial.eat("份")
            month = m
            scan = trial
        }
        // Parts of a year: 上半年, 第一季度, 年底.
        if month == nil, let y = year {
            trial = scan
            _ = trial.eat("的")
            if let half = trial.eatLongest(Self.halves) {
                p.days = CivilDay.half(half, of: y)
                scan = trial
                return true
            }
            _ = trial.eat("第")
            if let q = trial.smallNumber(), (1...4).contains(q), trial.eat("季度") || trial.eat("季") {
                p.days = CivilDay.quarter(q, of: y)
                scan = trial
                return true
            }
            p.days = (CivilDay(y, 1, 1), CivilDay(y, 12, 31))
            return true
        }
        if month == nil, year == nil {
            trial = scan
            if let half = trial.eatLongest(Self.halves) {
                // 上半月 / 下半月 end in 月; 上半年 / 下半年 in 年.
                p.days = trial.s[trial.i - 1] == "月" ? ref.today.halfMonth(half) : CivilDay.half(half, of: ref.today.year)
                scan = trial
                return true
            }
            // Without a month, only the whole words (月底, 上旬): a bare 底 or 初 is 交个底, 底价, 初次.
            let start = trial.i
            if let tenth = trial.eatLongest(Self.monthTenths), trial.i - start > 1 {
                p.days = ref.today.firstOfMonth.third(tenth)
                scan = trial
                return true
            }
            // A bare day of the month: 25号; 20 before 到…号 in a range.
            if let d = trial.smallNumber(), (1...31).contains(d) {
                if trial.eat("号") || trial.eat("日") && inherit != nil {
                    if let inheritDay = inherit?.day, let date = CivilDay.valid(inheritDay.year, inheritDay.month, d) {
                        p.day = date
                    } else if let date = ref.upcoming(dayOfMonth: d) {
                        p.day = date
                    } else {
                        return false
                    }
                    scan = trial
                    return true
                }
            }
            return false
        }
        guard let m = month else { return false }
        let y = monthYear ?? (year == nil ? nil : year)
        trial = scan
        // A day: 3号, 十五日, and a day without 号 before a time or a range word (八月十五, 11月20到25号).
        if let d = trial.smallNumber(), (1...31).contains(d) {
            let marked = trial.eat("号") || trial.eat("日")
            if marked || trial.atEnd || trial.sees("到") || trial.sees("至") || trial.sees("-") || Self.mayFollowDay(trial) {
                let date = y.flatMap { CivilDay.valid($0, m, d) } ?? (y == nil ? ref.nearest(month: m, day: d) : nil)
                guard let date else { return false }
                p.day = date
                scan = trial
                return true
            }
        }
        trial = scan
        let first: CivilDay = y.map { CivilDay($0, m, 1) } ?? ref.nearest(month: m).0
        if let tenth = trial.eatLongest(Self.monthTenths) {
            p.days = first.third(tenth)
            scan = trial
            return true
        }
        if let half = trial.eatLongest(Self.halves) {
            p.days = first.halfMonth(half)
            scan = trial
            return true
        }
        // 十月的第一个星期一, 十月最后一个周五.
        _ = trial.eat("的")
        if trial.eat("第"), let n = trial.smallNumber(), n >= 1, n <= 5 {
            _ = trial.eat("个")
            if trial.eatLongest(Self.weekWords) != nil, let w = trial.current.flatMap({ Self.weekdays[$0] }) {
                trial.i += 1
                let day = first.adding(days: (w - first.weekday + 7) % 7 + 7 * (n - 1))
                if day.month == first.month {
                    p.day = day
                    scan = trial
                    return true
                }
            }
        }
        p.days = first.wholeMonth
        return true
    }

    // A day may be followed directly by a time of day or a clock time.
    private static func mayFollowDay(_ scan: ScalarScan) -> Bool {
        var copy = scan
        if copy.eatLongest(partsOfDay) != nil { return true }
        if copy.smallNumber() != nil, copy.eat("点") || copy.eat("时") || copy.eat(":") { return true }
        return false
    }

    /// 2015年, 二零一五年, 两千零四年, 08年, 今年, 去年.
    func yearWord(_ scan: inout ScalarScan) -> Int? {
        var trial = scan
        if let shift = trial.eatLongest(Self.yearShifts) {
            scan = trial
            return ref.today.year + shift
        }
        trial = scan
        if let (value, count) = trial.digits(maxDigits: 4), count == 4 || count == 2, trial.eat("年") {
            scan = trial
            return count == 4 ? value : ref.fullYear(twoDigits: value)
        }
        // Chinese digits one by one (二零一五年, 零八年), or a number (两千零四年).
        trial = scan
        trial.skipSpaces()
        var digits: [Int] = []
        while let c = trial.current, let d = ScalarScan.chineseDigits[c], c != "两" || digits.isEmpty {
            digits.append(d)
            trial.i += 1
        }
        if digits.count == 4 || digits.count == 2, trial.eat("年") {
            scan = trial
            let value = digits.reduce(0) { $0 * 10 + $1 }
            return digits.count == 4 ? value : ref.fullYear(twoDigits: value)
        }
        trial = scan
        trial.skipSpaces()
        if let reading = Numerals.read(trial.s, at: trial.i), reading.value >= 1000, reading.value < 3000, reading.isChinese {
            trial.i = reading.end
            if trial.eat("年") {
                scan = trial
                return Int(reading.value)
            }
        }
        return nil
    }

    /// 2015-03-03, 2010/01/29, 2010.01.29, 2010 01 29, 3/3/2015, 11/25, 11.25.
    private func numericDate(_ scan: inout ScalarScan, _ p: inout TimePoint) -> Bool {
        var trial = scan
        trial.skipSpaces()
        guard let (a, aCount) = trial.digits(maxDigits: 4) else { return false }
        guard let sep = trial.current, sep == "-" || sep == "/" || sep == "." || sep == " " else { return false }
        trial.i += 1
        guard let (b, bCount) = trial.digits(maxDigits: 2), bCount <= 2 else { return false }
        var third: (Int, Int)?
        var after = trial
        if after.current == sep {
            after.i += 1
            if let (c, cCount) = after.digits(maxDigits: 4), cCount != 3 { third = (c, cCount); trial = after }
        }
        let date: CivilDay?
        if let (c, cCount) = third {
            if aCount == 4 { date = CivilDay.valid(a, b, c) }
            else if cCount == 4 || cCount == 2 {
                let year = cCount == 4 ? c : ref.fullYear(twoDigits: c)
                // Month first, as Chinese and American forms have it, unless it cannot be a month.
                date = a > 12 || sep != "/" && sep != "." && b <= 12 && a <= 31 && false ? CivilDay.valid(year, b, a) : CivilDay.valid(year, a, b) ?? CivilDay.valid(year, b, a)
            } else { date = nil }
        } else {
            guard sep != " ", aCount <= 2 || aCount == 4 else { return false }
            if aCount == 4 {
                // 2014-10: a month.
                guard (1...12).contains(b), sep != "." else { return false }
                p.days = CivilDay(a, b, 1).wholeMonth
                scan = trial
                return true
            }
            date = ref.nearest(month: a, day: b)
        }
        guard let date else { return false }
        // Not the start of something longer (a phone number, a decimal, a version).
        if let next = trial.current, next.isASCIIDigit || next == "." && trial.i + 1 < trial.s.count && trial.s[trial.i + 1].isASCIIDigit { return false }
        p.day = date
        scan = trial
        return true
    }

    // MARK: - Whole values: now, offsets, spans counted from today

    private func wholeValue(_ scan: inout ScalarScan) -> TimeValue? {
        var trial = scan
        if trial.eatLongest(Self.nowWords) != nil {
            scan = trial
            return .instant(ref.today, ref.minute)
        }
        trial = scan
        if trial.eat("今明两天") || trial.eat("今明2天") {
            scan = trial
            return .days(ref.today, ref.today.adding(days: 1))
        }
        // Before the count: 下三天, 上两周, 未来两天, 过去十年, 近三年.
        trial = scan
        let spanAt = trial.i
        if let direction = trial.eatLongest(Self.spanDirections), let n = count(&trial), n >= 1, let unitAt = Optional(trial.i),
           let unit = trial.eatLongest(Self.units),
           // 约一下3月16号: 一下 then a date; 3月 with no 个 is the month of March.
           !(unit == .month && trial.s[unitAt] == "月" && trial.s[unitAt - 1] != "个" && (spanAt > 0 && trial.s[spanAt - 1] == "一" || trial.current?.isASCIIDigit == true)) {
            scan = trial
            return ref.span(direction, n, unit)
        }
        // After the count: 三天后, 两周前, 5年前, 半小时后.
        trial = scan
        if let n = count(&trial), let unit = trial.eatLongest(Self.units), let sign = trial.eatLongest(Self.offsetWords) {
            scan = trial
            return ref.offset(n * Double(sign), unit)
        }
        return nil
    }

    private func count(_ scan: inout ScalarScan) -> Double? {
        if scan.eat("半") { return 0.5 }
        var trial = scan
        guard let n = trial.count(), n > 0, n < 1000 else { return nil }
        _ = trial.eat("个")
        if trial.eat("半") { scan = trial; return n + 0.5 }
        scan = trial
        return n
    }


    // MARK: - Clock times

    /// 三点, 3点, 三点半, 三点一刻, 三点四十五, 十点整, 15:30, 15时20分, 三点零五, and the
    /// Cantonese 三点三 (a 字 is five minutes). Returns minutes since midnight, read in `part`.
    func clock(_ scan: inout ScalarScan, part: PartOfDay?) -> Int? {
        var trial = scan
        trial.skipSpaces()
        let leadingZero = trial.current == "0" && trial.i + 1 < trial.s.count && trial.s[trial.i + 1].isASCIIDigit
        guard let hour = trial.smallNumber(), hour <= 24 else { return nil }
        var minute = 0
        if trial.eat(":") {
            guard let (m, count) = trial.digits(maxDigits: 2), count == 2, m < 60 else { return nil }
            minute = m
            _ = trial.eat(":00")
        } else if trial.eat("点") || trial.eat("时") {
            var after = trial
            if after.eat("半") { minute = 30; trial = after }
            else if after.eat("一刻") || after.eat("1刻") { minute = 15; trial = after }
            else if after.eat("三刻") || after.eat("3刻") { minute = 45; trial = after }
            else if after.eat("整") || after.eat("钟") { trial = after }
            else {
                after = trial
                let marked = after.eat("踏") || after.eat("搭")
                if marked, after.eat("半") { minute = 30; trial = after; return finish(&scan, trial, hour, minute, part, leadingZero) }
                let zero = !marked && (after.eat("零") || after.eat("0") && after.current?.isASCIIDigit == true)
                if let m = after.smallNumber(), m < 60 {
                    let isCharacters = after.eat("个字")
                    if after.eat("分") || zero || (m >= 10 && !marked && !isCharacters) {
                        minute = m
                        trial = after
                    } else if m >= 1, m <= 11, marked || isCharacters || ScalarScan.chineseDigits[trial.s[trial.i]] != nil && !Self.startsAWord(after) {
                        minute = m * 5
                        trial = after
                    }
                }
            }
        } else {
            return nil
        }
        if part == nil, minute == 0, Self.isABit(trial.s, hourAt: trial.s[scan.i] == " " ? scan.i + 1 : scan.i, end: trial.i) { return nil }
        return finish(&scan, trial, hour, minute, part, leadingZero)
    }

    /// 十二点一起吃饭: the 一 of 一起 (一下, 一直, 一定…) is no five minutes.
    static func startsAWord(_ after: ScalarScan) -> Bool {
        guard let next = after.current else { return false }
        return "起下些直定般样会块同共齐道".unicodeScalars.contains(next)
    }

    /// 一点 is far more often "a bit" than one o'clock: 一点进展都没有, 便宜一点, 有一点贵.
    /// Read with no part of the day, a bare 一点 is a time only between words that fit one.
    static func isABit(_ s: [Unicode.Scalar], hourAt start: Int, end: Int) -> Bool {
        guard start + 2 == end, s[start] == "一", s[start + 1] == "点" else { return false }
        if start > 0, bitBefore.contains(s[start - 1]) { return true }
        return end < s.count && bitAfter.contains(s[end])
    }
    private static let bitBefore = Set("有早晚快慢好多少宜高低大小差再稍这那些得点便贵近远久强".unicodeScalars)
    private static let bitAfter = Set("都也点儿些进东意问不没贵钱好多少的吧啊呢了心事信把希动兴用".unicodeScalars)

    private func finish(_ scan: inout ScalarScan, _ after: ScalarScan, _ hour: Int, _ minute: Int, _ part: PartOfDay?, _ leadingZero: Bool) -> Int {
        var trial = after
        _ = trial.eat("左右")
        scan = trial
        if let part { return part.minute(hour: hour, minute: minute) }
        return businessHours(hour: hour, minute: minute, leadingZero: leadingZero)
    }

    // MARK: - Words

    static let prefixes = ["从", "自", "由", "大约", "大概", "约", "在"]

    /// true: the joiner needs 之间 after the second point (和, 与).
    static let rangeWords = WordTable<Bool>([("到", false), ("至", false), ("-", false), ("~", false), ("—", false), ("–", false), ("和", true), ("与", true)])

    static let relativeDays = WordTable<(Int, PartOfDay?)>([
        ("今天", (0, nil)), ("今日", (0, nil)), ("今儿", (0, nil)), ("今儿个", (0, nil)), ("当天", (0, nil)),
        ("明天", (1, nil)), ("明日", (1, nil)), ("明儿", (1, nil)), ("明儿个", (1, nil)), ("听日", (1, nil)), ("次日", (1, nil)),
        ("后天", (2, nil)), ("后日", (2, nil)), ("大后天", (3, nil)), ("大后日", (3, nil)),
        ("昨天", (-1, nil)), ("昨日", (-1, nil)), ("昨儿", (-1, nil)), ("寻日", (-1, nil)), ("琴日", (-1, nil)),
        ("前天", (-2, nil)), ("前日", (-2, nil)), ("大前天", (-3, nil)), ("大前日", (-3, nil)),
        ("今早", (0, .morning)), ("今晨", (0, .morning)), ("今朝", (0, .morning)), ("今晚", (0, .evening)), ("今夜", (0, .evening)),
        ("今晚黑", (0, .evening)), ("明早", (1, .morning)), ("明晨", (1, .morning)), ("听朝", (1, .morning)), ("明晚", (1, .evening)),
        ("听晚", (1, .evening)), ("昨晚", (-1, .evening)), ("昨夜", (-1, .evening)),
    ])

    static let weekShifts = WordTable<Int>([
        ("上上个", -2), ("上上", -2), ("上个", -1), ("上一", -1), ("上", -1), ("这个", 0), ("这一", 0), ("这", 0),
        ("本", 0), ("今个", 0), ("今", 0), ("呢个", 0), ("下个", 1), ("下一", 1), ("下", 1), ("下下个", 2), ("下下", 2),
    ])
    static let weekWords = WordTable<Bool>([("周", true), ("星期", true), ("礼拜", true), ("个星期", true), ("个礼拜", true)])
    static let weekdays: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7]

    static let monthShifts = WordTable<Int>([
        ("本月", 0), ("这个月", 0), ("这月", 0), ("今个月", 0), ("当月", 0), ("上个月", -1), ("上月", -1),
        ("下个月", 1), ("下月", 1), ("下下个月", 2), ("上上个月", -2),
    ])
    static let yearShifts = WordTable<Int>([
        ("今年", 0), ("本年", 0), ("这一年", 0), ("去年", -1), ("上年", -1), ("上一年", -1), ("前年", -2),
        ("明年", 1), ("下年", 1), ("下一年", 1), ("后年", 2), ("来年", 1),
    ])
    /// 1: first half, 2: second half.
    static let halves = WordTable<Int>([("上半年", 1), ("前半年", 1), ("下半年", 2), ("后半年", 2), ("上半月", 1), ("下半月", 2)])
    /// 1: days 1–10, 2: 11–20, 3: 21 to the end (Duckling's and the sales calendar's thirds).
    static let monthTenths = WordTable<Int>([
        ("月初", 1), ("初", 1), ("上旬", 1), ("月中", 2), ("中旬", 2), ("月底", 3), ("月末", 3), ("底", 3), ("下旬", 3),
    ])

    static let partsOfDay = WordTable<PartOfDay>([
        ("凌晨", .smallHours), ("早上", .morning), ("早晨", .morning), ("清晨", .morning), ("朝早", .morning), ("早间", .forenoon),
        ("早", .morning), ("上午", .forenoon), ("上昼", .forenoon), ("中午", .noon), ("午间", .noon), ("晌午", .noon),
        ("下午", .afternoon), ("下昼", .afternoon), ("晏昼", .afternoon), ("午后", .afternoon), ("傍晚", .dusk),
        ("晚上", .evening), ("晚间", .evening), ("夜晚", .evening), ("夜里", .evening), ("晚黑", .evening), ("夜晚黑", .evening),
        ("晚", .evening),
    ])

    static let nowWords = WordTable<Bool>([
        ("现在", true), ("此时", true), ("此刻", true), ("当前", true), ("目前", true), ("宜家", true), ("而家", true), ("依家", true), ("这会儿", true),
    ])

    static let spanDirections = WordTable<SpanDirection>([
        ("上", .pastAligned), ("前", .pastAligned), ("下", .futureAligned), ("后", .futureAligned),
        ("过去", .pastRolling), ("过去的", .pastRolling), ("近", .pastRolling), ("最近", .pastRolling), ("之前", .pastRolling),
        ("未来", .futureRolling), ("未来的", .futureRolling), ("接下来", .futureRolling), ("之后", .futureRolling), ("今后", .futureRolling),
    ])
    static let units = WordTable<TimeUnit>([
        ("分钟", .minute), ("分", .minute), ("小时", .hour), ("个小时", .hour), ("钟头", .hour), ("个钟头", .hour), ("个钟", .hour), ("钟", .hour),
        ("天", .day), ("日", .day), ("周", .week), ("个周", .week), ("星期", .week), ("个星期", .week), ("礼拜", .week), ("个礼拜", .week),
        ("个月", .month), ("月", .month), ("年", .year),
    ])
    static let offsetWords = WordTable<Int>([
        ("后", 1), ("之后", 1), ("以后", 1), ("过后", 1), ("前", -1), ("之前", -1), ("以前", -1),
    ])

    /// Every scalar an expression can start with, so the extractor tries only there.
    static let startScalars: Set<Unicode.Scalar> = {
        var set: Set<Unicode.Scalar> = Set(ScalarScan.chineseDigits.keys).union(["十", "廿", "半", "第"])
        for table in [relativeDays.firstScalars, weekShifts.firstScalars, weekWords.firstScalars, monthShifts.firstScalars,
                      yearShifts.firstScalars, halves.firstScalars, monthTenths.firstScalars, partsOfDay.firstScalars,
                      nowWords.firstScalars, spanDirections.firstScalars] { set.formUnion(table) }
        for p in prefixes { set.insert(p.unicodeScalars.first!) }
        set.formUnion(["今", "周"])
        return set
    }()
}

extension PartOfDay {
    // The hours follow the public corpora: Recognizers-Text for 上午/中午/下午/晚上,
    // Duckling for 早上 (from 04:00).
    static let smallHours = PartOfDay(start: 0, end: 360, reading: .am)
    static let morning = PartOfDay(start: 240, end: 720, reading: .am)
    static let forenoon = PartOfDay(start: 480, end: 720, reading: .am)
    static let noon = PartOfDay(start: 660, end: 780, reading: .noon)
    static let afternoon = PartOfDay(start: 720, end: 960, reading: .pm)
    static let dusk = PartOfDay(start: 1020, end: 1140, reading: .pm)
    static let evening = PartOfDay(start: 960, end: 1200, reading: .evening)
}
