import Foundation

/// Dates, times and periods, in Chinese and English, resolved against the context's clock.
///
/// Entity types and values (the contract's slot formats):
/// - `date` "2026-11-19" (明天, 下周三, 11月25号, next Friday);
/// - `time` "15:00", a clock time with no day (三点, 3:30pm), which the dialogue dates;
/// - `datetime` "2026-11-19T15:00" (明天下午三点);
/// - `period` "2026-11-16/2026-11-22" for days, both ends inclusive (本周), or
///   "2026-11-19T15:00/2026-11-19T17:00" for instants, the end being when it stops.
///
/// The longest expression starting at a place wins, and expressions do not overlap. One read
/// from a festival (春节前, Christmas) has the source `time festival`.
public struct TemporalExtractor: EntityExtractor {
    public let name = "time"
    let calendar: SalesCalendar
    let holidayNames: HolidayNames

    /// `calendar` gives the festivals and holiday breaks; `fold` folds their names as text is
    /// folded (`RuleSet.fold`); after a surname a festival's name is a person's (张国庆).
    public init(calendar: SalesCalendar = SalesCalendar(), fold: (String) -> String = { $0.lowercased() },
                surnames: Set<Unicode.Scalar> = []) {
        self.calendar = calendar
        holidayNames = HolidayNames(calendar: calendar, fold: fold, surnames: surnames)
    }

    /// The entity types this extractor produces, and the slot type that takes any of them.
    public static let types = ["date", "time", "datetime", "period"]

    /// The most scalars one expression is read from. The parsers read the longest expression
    /// from each place, so on a long line of number-like text (9千9千9千…) reading the whole
    /// rest from every place would be quadratic; a window keeps a line linear.
    public static let window = 96

    /// How many numbers of one run of digits and punctuation are tried as the start of a time.
    static let digitTriesPerRun = 8

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        let whole = text.scalars
        guard !whole.isEmpty else { return }
        let ref = Self.reference(context)
        let chinese = ChineseTime(ref: ref)
        let english = EnglishTime(ref: ref)
        let holidays = HolidayTime(ref: ref, calendar: calendar, names: holidayNames, chinese: chinese, english: english)
        var i = 0
        var digitTries = 0
        while i < whole.count {
            // In a run of digits and punctuation (1-1-1-…, a pasted column of numbers) a time
            // is looked for at its first places only: each try at a digit costs the English
            // grammar's whole search, and such a run holds a date and a time at most.
            switch ScalarClass(whole[i]) {
            case .letter, .han: digitTries = 0
            default:
                if whole[i].isASCIIDigit, i == 0 || !whole[i - 1].isASCIIDigit { digitTries += 1 }
                if digitTries > Self.digitTriesPerRun {
                    i += 1
                    continue
                }
            }
            // Short lines (nearly all) are read in place; a long one through a window that
            // keeps a few scalars before `i` for the parsers that look back.
            let base = whole.count <= Self.window ? 0 : max(0, i - 4)
            let s = base == 0 && whole.count <= Self.window ? whole : Array(whole[base..<min(whole.count, base + Self.window)])
            if let found = read(s, at: i - base, chinese, english, holidays, ref), Self.endsAtBoundary(whole, base + found.end) {
                let (type, formatted) = found.value.entity
                entities.append(Entity(type: type, range: i..<base + found.last, value: formatted, source: found.festival ? Self.festivalSource : name))
                i = base + found.end
            } else {
                i += 1
            }
        }
    }

    // The longest expression starting at `i`, its end, and its end without trailing spaces.
    /// The source of an entity read from a festival.
    public static let festivalSource = "time festival"

    private func read(_ s: [Unicode.Scalar], at i: Int, _ chinese: ChineseTime, _ english: EnglishTime, _ holidays: HolidayTime,
                      _ ref: TimeReference) -> (value: TimeValue, end: Int, last: Int, festival: Bool)? {
        let c = s[i]
        var best: (value: TimeValue, end: Int)?
        // 农历八月十五 is a lunar date (read whole from 农): no Gregorian reading of it is right.
        if i >= 2, (s[i - 2] == "农" || s[i - 2] == "阴") && s[i - 1] == "历" { return nil }
        // A digit glued to a Latin word (x1, Q1) starts no time of its own (Q1 is read whole by
        // Quarters at its letter).
        let before = i == 0 ? ScalarClass.separator : ScalarClass(s[i - 1])
        let wordStart = i == 0 || before != ScalarClass(c) && !(before == .letter && c.isASCIIDigit) || ScalarClass(c) == .han
        // The 下 of 一下 (排一下礼拜六, 统计一下周报) is "a moment", not "next": 约一下下周一 has its own.
        let ofYiXia = c == "下" && i > 0 && s[i - 1] == "一"
        if wordStart, !ofYiXia, ChineseTime.startScalars.contains(c) || c.isASCIIDigit {
            best = chinese.parse(s, at: i)
        }
        if wordStart, c.isASCIIDigit && !Self.hanAfterDigits(s, i) || c == "@" || ScalarClass(c) == .letter && Self.mayStartEnglish(s, i),
           let found = english.parse(s, at: i), found.end > (best?.end ?? i) {
            best = found
        }
        if wordStart, let found = Quarters.parse(s, at: i, ref: ref), found.end > (best?.end ?? i) {
            best = found
        }
        var festival = false
        if wordStart, !calendar.festivals.isEmpty, let found = holidays.parse(s, at: i), found.end > (best?.end ?? i) {
            best = found
            festival = true
        }
        guard let (value, end) = best, end > i, Self.endsAtBoundary(s, end) else { return nil }
        var last = end
        while last > i, s[last - 1] == " " { last -= 1 }
        return (value, end, last, festival)
    }

    // Digits run straight into a Chinese character (3点, 9千): no English expression.
    private static func hanAfterDigits(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i
        while j < s.count, s[j].isASCIIDigit { j += 1 }
        return j < s.count && ScalarClass(s[j]) == .han
    }

    // Whether the Latin word at `i` can begin an English expression.
    private static func mayStartEnglish(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i
        while j < s.count, j - i < 16, ScalarClass(s[j]) == .letter || s[j] == "-" { j += 1 }
        return EnglishTime.firstWords.contains(String(scalars: s[i..<j]))
    }

    // A Latin or digit expression must not stop inside a word ("3pmx", "mayor").
    private static func endsAtBoundary(_ s: [Unicode.Scalar], _ end: Int) -> Bool {
        guard end > 0, end < s.count else { return true }
        let before = ScalarClass(s[end - 1])
        let after = ScalarClass(s[end])
        return before == .han || after == .han || before != after || before == .separator
    }

    /// Today and the minute of the day in the context's time zone.
    static func reference(_ context: ParseContext) -> TimeReference {
        let seconds = Int(context.now.timeIntervalSince1970.rounded(.down)) + context.timeZone.secondsFromGMT(for: context.now)
        let days = floorDiv(seconds, 86_400)
        return TimeReference(today: CivilDay(ordinal: days), minute: floorMod(seconds, 86_400) / 60)
    }
}
