/// Festivals and lunar dates inside date expressions, in both languages: 中秋, 明年春节,
/// 国庆后第一周, 春节前, 中秋节前一天, 五一假期, 农历八月十五, 腊月二十三, 大年三十, 年前,
/// 儿童节下午三点, Christmas, the week before Christmas, three days after Easter,
/// next Chinese New Year.
///
/// A festival named without a year is the coming one: the first whose reading (the day, or
/// the days before or after it) is not yet past, as Duckling reads holidays. Around a day
/// with an official break (intents/calendar.kaiqu, `holidays`), "after" counts from the end
/// of the break and 假期/holiday is the break itself:
///
/// | said | reading |
/// |---|---|
/// | X | its day (its days, for one that lasts) |
/// | X前, X之前, before X, X前一周, the week before X | the 7 days before X |
/// | X前两周 | the 14 days before X |
/// | X前一天, X前夕, the day before X, X eve | the day before X |
/// | X前N天, N days before X | the day N days before |
/// | X后, X之后, 过完X, after X, the week after X | the 7 days after the break |
/// | X后第一周 | the first Monday-to-Sunday week after the break |
/// | X后一天, X后第一天 | the first day after the break |
/// | X后N天, N days after X, the day after X | N days after X |
/// | X前后, around X | from 3 days before X to 3 days after the break |
/// | X假期, X期间, X holiday | the break (X alone when it has none) |
/// | X week | the Monday-to-Sunday week holding X |
/// | 年前 / 年后 | before / after 春节; 节前 / 节后, the coming public holiday's |
struct HolidayTime {
    let ref: TimeReference
    let calendar: SalesCalendar
    let names: HolidayNames
    let chinese: ChineseTime
    let english: EnglishTime

    /// What is said around the festival.
    enum Modifier: Equatable, Sendable {
        case none
        /// The `n` days before X.
        case daysBefore(Int)
        /// The day `n` days before X.
        case dayBefore(Int)
        /// The 7 days after the break.
        case after
        /// The first whole week after the break.
        case weekAfter
        /// The first day after the break.
        case nextDay
        /// The day `n` days after X.
        case dayAfter(Int)
        case around
        case holiday
        case week
        case sameDay
    }

    /// A festival or a lunar day; `festival` is nil for a lunar date said as a date.
    struct Core {
        var rule: FestivalRule
        var festival: Festival?
    }

    /// The longest expression starting at `start`, or nil.
    func parse(_ s: [Unicode.Scalar], at start: Int) -> (value: TimeValue, end: Int)? {
        // between Christmas and New Year, from 春节 to 元宵: a range said with its opening word.
        var scan = ScalarScan(s, start)
        let between = scan.eat("between ") || scan.eat("from ")
        guard let first = one(s, at: between ? scan.i : start) else { return nil }
        // 春节到元宵, Christmas to New Year: a second festival makes a range of days.
        var joined = ScalarScan(s, first.end)
        if joined.eatLongest(Self.rangeWords) != nil, let second = one(s, at: joined.i < s.count && s[joined.i] == " " ? joined.i + 1 : joined.i),
           Self.firstDay(first.value) <= Self.lastDay(second.value) {
            return (.days(Self.firstDay(first.value), Self.lastDay(second.value)), second.end)
        }
        return between ? nil : first
    }

    static let rangeWords = WordTable<Bool>([("到", true), ("至", true), ("-", true), ("~", true), ("～", true), ("to", true),
                                             ("and", true), ("through", true), ("until", true), ("till", true)])

    private func one(_ s: [Unicode.Scalar], at start: Int) -> (value: TimeValue, end: Int)? {
        guard start < s.count else { return nil }
        let c = s[start]
        if ScalarClass(c) == .letter || c.isASCIIDigit, let found = english(s, at: start) { return found }
        guard names.starts.contains(c) || HolidayNames.chineseStarts.contains(c) || c.isASCIIDigit else { return nil }
        return chineseExpression(s, at: start)
    }

    // MARK: - Chinese

    private func chineseExpression(_ s: [Unicode.Scalar], at start: Int) -> (value: TimeValue, end: Int)? {
        var scan = ScalarScan(s, start)
        var year: Int?
        var trial = scan
        if let y = chinese.yearWord(&trial) {
            year = y
            _ = trial.eat("的")
            scan = trial
        }
        trial = scan
        let past = trial.eat("过完") || trial.eat("过了")
        if past { scan = trial }
        // 过完年 is after 春节, as 年后 is.
        if past, year == nil, scan.current == "年", let (_, springs, _) = names.specials.first(where: { $0.0 == "年后" }) {
            return earliest(springs, .after).map { ($0, scan.i + 1) }
        }
        // 年前 / 节后: the word before must not make it "years ago" (三年前, 几年后).
        if year == nil, !past, scan.current == "年" || scan.current == "节", start == 0 || !HolidayNames.countWords.contains(s[start - 1]) {
            trial = scan
            for (word, festivals, modifier) in names.specials where trial.eat(word) {
                return earliest(festivals, modifier).map { ($0, trial.i) }
            }
        }
        let nameStart = scan.i
        guard let (core, entry) = coreWord(&scan) else { return nil }
        var modifier = entry?.isBreak == true ? Modifier.holiday : .none
        trial = scan
        if let found = chineseModifier(&trial) {
            modifier = found
            scan = trial
        } else if entry?.modifiedOnly == true {
            return nil
        } else if entry != nil, year == nil, !past, !plausible(s, from: nameStart, to: scan.i) {
            return nil
        }
        if past {
            guard modifier == .none else { return nil }
            modifier = .after
        }
        guard let value = resolve(core, year: year, modifier) else { return nil }
        if case .day(let day) = value, let (timed, end) = chinese.time(s, at: scan.i, on: day) {
            // A festival's evening is the festive one, to midnight (年夜饭, 赏月), as Duckling
            // reads 情人节晚上; any other evening is 16:00–20:00.
            if case .instants(let a, let am, let b, let bm) = timed, a == b, am == PartOfDay.evening.start, bm == PartOfDay.evening.end {
                return (.instants(a, 1080, a, 1440), end)
            }
            return (timed, end)
        }
        return (value, scan.i)
    }

    /// The soonest reading among several festivals (节前: whichever public holiday comes first).
    private func earliest(_ festivals: [Int], _ modifier: Modifier) -> TimeValue? {
        festivals.map { calendar.festivals[$0] }.compactMap { resolve(Core(rule: $0.rule, festival: $0), year: nil, modifier) }
            .min { Self.firstDay($0) < Self.firstDay($1) }
    }

    /// Whether a festival's name said alone is the festival, and not a place (五一路), a thing
    /// (两袋元宵) or a person (张国庆).
    private func plausible(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        if end < s.count, HolidayNames.placeAfter.contains(s[end]) { return false }
        guard start > 0 else { return true }
        if HolidayNames.thingBefore.contains(s[start - 1]) { return false }
        return end - start > 2 || !names.surnames.contains(s[start - 1])
    }

    /// A festival's name (with its entry) or a lunar date (with none).
    private func coreWord(_ scan: inout ScalarScan) -> (Core, HolidayNames.Entry?)? {
        var trial = scan
        var best: (Core, HolidayNames.Entry?, Int)?
        if let entry = trial.eatLongest(names.chinese) {
            let festival = calendar.festivals[entry.festival]
            best = (Core(rule: festival.rule, festival: festival), entry, trial.i)
        }
        trial = scan
        if let rule = lunarDate(&trial), trial.i > (best?.2 ?? scan.i) {
            best = (Core(rule: rule, festival: calendar.festivals.first { $0.rule == rule }), nil, trial.i)
        }
        guard let (core, entry, end) = best else { return nil }
        scan.i = end
        return (core, entry)
    }

    /// 农历八月十五, 正月初八, 腊月二十三, 大年初二, 大年三十: a month named only the lunar
    /// calendar has (正月, 冬月, 腊月), or any month after 农历/阴历.
    private func lunarDate(_ scan: inout ScalarScan) -> FestivalRule? {
        var trial = scan
        let marked = trial.eat("农历") || trial.eat("阴历") || trial.eat("旧历")
        if trial.eat("大年") {
            if trial.eat("三十") || trial.eat("夜") {
                scan = trial
                return .lunarEve
            }
            guard trial.eat("初"), let day = trial.smallNumber(), (1...10).contains(day) else { return nil }
            scan = trial
            return .lunar(month: 1, day: day)
        }
        if trial.eat("年三十") || trial.eat("除夕") {
            scan = trial
            return .lunarEve
        }
        // A month by number is lunar after 农历, or when its day is 初N (五月初五).
        let month: Int
        var lunarMonth = true
        if trial.eat("正月") { month = 1 }
        else if trial.eat("冬月") { month = 11 }
        else if trial.eat("腊月") { month = 12 }
        else if let m = trial.smallNumber(), (1...12).contains(m), trial.eat("月") { month = m; lunarMonth = marked }
        else { return nil }
        let day: Int
        if trial.eat("初"), let d = trial.smallNumber(), (1...10).contains(d) { day = d }
        else if lunarMonth, let d = trial.smallNumber(), (11...30).contains(d) || marked && (1...30).contains(d) { day = d }
        else { return nil }
        _ = trial.eat("日") || trial.eat("号")
        scan = trial
        // 腊月三十 is 除夕 even in a year whose 腊月 has 29 days.
        return month == 12 && day == 30 ? .lunarEve : .lunar(month: month, day: day)
    }

    private func chineseModifier(_ scan: inout ScalarScan) -> Modifier? {
        var trial = scan
        _ = trial.eat("的")
        // 前三天, 后5天: a count of days.
        var counted = trial
        if counted.eat("前") || counted.eat("后"), let n = counted.smallNumber(), n >= 1, counted.eat("天") || counted.eat("日") {
            let before = trial.sees("前")
            scan = counted
            return before ? .dayBefore(n) : (n == 1 ? .nextDay : .dayAfter(n))
        }
        guard let modifier = trial.eatLongest(Self.chineseModifiers) else { return nil }
        scan = trial
        return modifier
    }

    static let chineseModifiers = WordTable<Modifier>([
        ("前后", .around), ("前夕", .dayBefore(1)), ("前一晚", .dayBefore(1)),
        ("前一周", .daysBefore(7)), ("前1周", .daysBefore(7)), ("前一个星期", .daysBefore(7)), ("前一星期", .daysBefore(7)),
        ("前一个礼拜", .daysBefore(7)), ("前一礼拜", .daysBefore(7)), ("前两周", .daysBefore(14)), ("前2周", .daysBefore(14)),
        ("前半个月", .daysBefore(14)), ("之前", .daysBefore(7)), ("以前", .daysBefore(7)), ("前", .daysBefore(7)),
        ("后第一周", .weekAfter), ("后的第一周", .weekAfter), ("后第一个星期", .weekAfter), ("后头一周", .weekAfter),
        ("后第一个礼拜", .weekAfter), ("后第一天", .nextDay), ("后的第一天", .nextDay), ("后一周", .after),
        ("之后", .after), ("以后", .after), ("后", .after),
        ("小长假", .holiday), ("长假", .holiday), ("假期", .holiday), ("放假", .holiday), ("期间", .holiday), ("连假", .holiday),
        ("假", .holiday), ("当天", .sameDay), ("那天", .sameDay), ("当日", .sameDay), ("那一天", .sameDay),
        ("大促", .none), ("活动", .none), ("晚会", .none), ("节", .none),
    ])

    // MARK: - English

    private func english(_ s: [Unicode.Scalar], at start: Int) -> (value: TimeValue, end: Int)? {
        guard start == 0 || ScalarClass(s[start - 1]) != .letter else { return nil }
        var scan = ScalarScan(s, start)
        var modifier = Modifier.none
        var trial = scan
        if let found = englishPrefix(&trial) {
            modifier = found
            scan = trial
        }
        var year: Int?
        trial = scan
        _ = trial.eat("the ")
        for (word, shift) in [("next ", 1), ("this ", 0), ("last ", -1), ("coming ", 0)] where trial.eat(word) {
            year = ref.today.year + shift
            break
        }
        scan = trial
        guard let entry = scan.eatLongest(names.latin), !entry.modifiedOnly, Self.wordEnds(s, scan.i) else { return nil }
        let festival = calendar.festivals[entry.festival]
        if entry.isBreak && modifier == .none { modifier = .holiday }
        for (word, suffix) in [("eve", Modifier.dayBefore(1)), ("week", .week), ("holidays", .holiday), ("holiday", .holiday),
                               ("break", .holiday), ("vacation", .holiday), ("period", .holiday)] {
            trial = scan
            guard trial.eat(word), Self.wordEnds(s, trial.i) else { continue }
            if modifier == .none { modifier = suffix; scan = trial }
            break
        }
        trial = scan
        _ = trial.eat(",")
        trial.skipSpaces()
        if year == nil, let (y, count) = trial.digits(maxDigits: 4), count == 4, Self.wordEnds(s, trial.i) {
            year = y
            scan = trial
        }
        guard let value = resolve(Core(rule: festival.rule, festival: festival), year: year, modifier) else { return nil }
        // Christmas Eve at 7pm: a clock time after the day.
        if case .day(let day) = value {
            trial = scan
            trial.skipSpaces()
            if trial.i > scan.i, let (timed, end) = english.parse(s, at: trial.i), case .clock(let minute) = timed {
                return (.instant(day, minute), end)
            }
        }
        return (value, scan.i)
    }

    private func englishPrefix(_ scan: inout ScalarScan) -> Modifier? {
        var trial = scan
        for (words, modifier) in [("the first week after ", Modifier.weekAfter), ("first week after ", .weekAfter),
                                  ("the week before ", .daysBefore(7)), ("the week after ", .after), ("the day before ", .dayBefore(1)),
                                  ("the day after ", .dayAfter(1)), ("the days before ", .daysBefore(7)), ("before ", .daysBefore(7)),
                                  ("after ", .after), ("around ", .around), ("during ", .holiday), ("over ", .holiday)]
        where trial.eat(words) {
            scan = trial
            return modifier
        }
        // N days (weeks) before / after.
        trial = scan
        var n: Int?
        if let (value, _) = trial.digits(maxDigits: 2) { n = value } else {
            for (word, value) in Self.englishNumbers where trial.eat(word + " ") { n = value; break }
        }
        guard let count = n, count > 0 else { return nil }
        _ = trial.eat(" ")
        let unit: Int
        if trial.eat("days ") || trial.eat("day ") { unit = 1 } else if trial.eat("weeks ") || trial.eat("week ") { unit = 7 } else { return nil }
        if trial.eat("before ") {
            scan = trial
            return .dayBefore(count * unit)
        }
        if trial.eat("after ") || trial.eat("from ") {
            scan = trial
            return .dayAfter(count * unit)
        }
        return nil
    }

    static let englishNumbers = [("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
                                 ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10)]

    private static func wordEnds(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i >= s.count || ScalarClass(s[i]) != .letter
    }

    // MARK: - Reading

    /// The reading of `core` with `modifier`: in `year` when one was said, else the coming one.
    func resolve(_ core: Core, year: Int?, _ modifier: Modifier) -> TimeValue? {
        if let year { return core.rule.day(in: year).flatMap { value(core, $0, modifier) } }
        for y in (ref.today.year - 1)...(ref.today.year + 1) {
            for day in core.rule.days(in: y) {
                guard let value = value(core, day, modifier) else { continue }
                if Self.lastDay(value) >= ref.today { return value }
            }
        }
        return nil
    }

    private func value(_ core: Core, _ x: CivilDay, _ modifier: Modifier) -> TimeValue? {
        let (first, last) = core.festival.map { calendar.occupied($0, on: x) } ?? (x, x)
        switch modifier {
        case .none:
            guard let festival = core.festival, festival.until != nil else { return .day(x) }
            let span = festival.span(from: x)
            return .days(span.0, span.1)
        case .daysBefore(let n): return .days(x.adding(days: -n), x.adding(days: -1))
        case .dayBefore(let n): return .day(x.adding(days: -n))
        case .after: return .days(last.adding(days: 1), last.adding(days: 7))
        case .weekAfter:
            let monday = last.adding(days: 8 - last.weekday)
            return .days(monday, monday.adding(days: 6))
        case .nextDay: return .day(last.adding(days: 1))
        case .dayAfter(let n): return .day(x.adding(days: n))
        case .around: return .days(x.adding(days: -3), last.adding(days: 3))
        case .holiday: return first == last ? .day(x) : .days(first, last)
        case .week: return .days(x.monday, x.monday.adding(days: 6))
        case .sameDay: return .day(x)
        }
    }

    static func firstDay(_ value: TimeValue) -> CivilDay {
        switch value {
        case .day(let d), .instant(let d, _), .days(let d, _), .instants(let d, _, _, _): return d
        case .clock: return CivilDay(ordinal: 0)
        }
    }

    static func lastDay(_ value: TimeValue) -> CivilDay {
        switch value {
        case .day(let d), .instant(let d, _), .days(_, let d), .instants(_, _, let d, _): return d
        case .clock: return CivilDay(ordinal: 0)
        }
    }
}

/// The festivals' names as the date grammar looks them up, folded as text is.
struct HolidayNames: Sendable {
    struct Entry: Sendable {
        let festival: Int
        /// 十一, 618: a festival only with a word after it.
        let modifiedOnly: Bool
        /// 黄金周, Golden Week: the name of the festival's break.
        let isBreak: Bool
    }

    let chinese: WordTable<Entry>
    let latin: WordTable<Entry>
    let starts: Set<Unicode.Scalar>
    /// Before a two-character name these make it a person's (张国庆, 李建军).
    let surnames: Set<Unicode.Scalar>
    /// 年前, 年后 (春节) and 节前, 节后 (the coming public holiday): the word, the festivals
    /// (indices) it may mean and what it says of them.
    let specials: [(String, [Int], HolidayTime.Modifier)]

    /// Scalars a Chinese expression may start with besides a name's first: a year, 过完,
    /// 年前/节后 and lunar dates.
    static let chineseStarts: Set<Unicode.Scalar> = Set("今明后去前过年节农阴旧正冬腊大除".unicodeScalars)
        .union(ScalarScan.chineseDigits.keys)
    /// Before these, 年前/年后 count years (三年前, 几年后), not 春节.
    static let countWords: Set<Unicode.Scalar> = Set("0123456789一二三四五六七八九十两几多半百千万去今明前后每".unicodeScalars)

    init(calendar: SalesCalendar, fold: (String) -> String, surnames: Set<Unicode.Scalar>) {
        var chinese: [(String, Entry)] = [], latin: [(String, Entry)] = []
        for (index, festival) in calendar.festivals.enumerated() {
            for (names, modifiedOnly, isBreak) in [(festival.names, false, false), (festival.modifiedOnly, true, false), (festival.breakNames, false, true)] {
                for name in names {
                    let folded = fold(name)
                    guard !folded.isEmpty else { continue }
                    let entry = Entry(festival: index, modifiedOnly: modifiedOnly, isBreak: isBreak)
                    if folded.unicodeScalars.contains(where: { ScalarClass($0) == .han }) || folded.unicodeScalars.allSatisfy(\.isASCIIDigit) {
                        chinese.append((folded, entry))
                    } else {
                        latin.append((folded, entry))
                    }
                }
            }
        }
        self.chinese = WordTable(chinese)
        self.latin = WordTable(latin)
        starts = self.chinese.firstScalars
        self.surnames = surnames
        let festivals = calendar.festivals.indices
        let springs = festivals.filter { calendar.festivals[$0].rule == .lunar(month: 1, day: 1) }
        let holidays = festivals.filter { calendar.festivals[$0].kind == .holiday }
        specials = [("年前", springs, .daysBefore(7)), ("年后", springs, .after), ("节前", holidays, .daysBefore(7)), ("节后", holidays, .after)]
    }

    /// Scalars after a name that make it part of a place (五一路, 国庆街), or before it that make
    /// it a thing (两袋元宵, 吃元宵).
    static let placeAfter: Set<Unicode.Scalar> = Set("路街道巷村镇桥湾园苑楼厦".unicodeScalars)
    static let thingBefore: Set<Unicode.Scalar> = Set("袋盒碗箱包斤份个只吃买送卖".unicodeScalars)
}
