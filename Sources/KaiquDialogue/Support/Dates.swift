import KaiquNLU

/// What a day's text is kept under (`Dialogue.dayTexts`): the same day reads differently
/// on another day (明天, 3 天前) and in another language.
struct DayTextKey: Hashable, Sendable {
    let today: Int
    let day: Int
    let language: Language
    /// `Turn.ago`'s text, not `dayText`'s.
    let ago: Bool
}

/// Days and times as a rep reads them: 11月19日（周四）, Thu 19 Nov, 农历八月十五.
extension Turn {
    /// A day with its weekday, and 今天 / 明天 / 昨天 when it is one of those.
    func dayText(_ day: CivilDay) -> String {
        dialogue.dayTexts.value(DayTextKey(today: today.ordinal, day: day.ordinal, language: language, ago: false)) { writtenDay(day) }
    }

    private func writtenDay(_ day: CivilDay) -> String {
        // The year only when it is not this one.
        let base = text(day.year == today.year ? "date.day" : "date.day_year",
                        ["year": String(day.year), "month": String(day.month), "day": String(day.day),
                         "month_name": text("month.\(day.month)"), "weekday": text("weekday.\(day.weekday)")])
        switch day.ordinal - today.ordinal {
        case 0: return text("date.today", ["date": base])
        case 1: return text("date.tomorrow", ["date": base])
        case -1: return text("date.yesterday", ["date": base])
        default: return base
        }
    }

    /// A day given as `YYYY-MM-DD`.
    func dayText(_ iso: String) -> String {
        guard let day = Self.day(iso) else { return iso }
        return dayText(day)
    }

    /// `YYYY-MM-DD` (or the day part of `YYYY-MM-DDTHH:MM`) as a day.
    static func day(_ iso: String) -> CivilDay? { CivilDay.iso(iso) }

    /// How long ago a local time was, in days: 今天, 3 天前.
    func ago(_ stamp: String) -> String {
        guard let day = Self.day(stamp) else { return stamp }
        return dialogue.dayTexts.value(DayTextKey(today: today.ordinal, day: day.ordinal, language: language, ago: true)) {
            let days = today.ordinal - day.ordinal
            return days <= 0 ? text("date.today_plain") : text("date.days_ago", ["days": String(days)])
        }
    }

    /// A birthday as written: 5月3日, 1985年5月3日, 农历八月十五, May 3.
    func birthdayText(_ b: Birthday) -> String {
        if b.calendar == .lunar {
            return text(b.leap ? "birthday.lunar_leap" : "birthday.lunar", ["month": Self.lunarMonth(b.month, language), "day": Self.lunarDay(b.day, language)])
        }
        let day = text("birthday.solar", ["month": String(b.month), "day": String(b.day), "month_name": text("month.\(b.month)")])
        return b.year.map { text("birthday.with_year", ["year": String($0), "date": day]) } ?? day
    }

    static func lunarMonth(_ month: Int, _ language: Language) -> String {
        guard language != .en else { return String(month) }
        let names = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"]
        let name = (1...12).contains(month) ? names[month - 1] : String(month)
        return language == .zhHant && name == "腊" ? "臘" : name
    }

    static func lunarDay(_ day: Int, _ language: Language) -> String {
        guard language != .en else { return String(day) }
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        switch day {
        case 1...10: return "初" + digits[day]
        case 11...19: return "十" + digits[day - 10]
        case 20: return "二十"
        case 21...29: return "廿" + digits[day - 20]
        case 30: return "三十"
        default: return String(day)
        }
    }
}

