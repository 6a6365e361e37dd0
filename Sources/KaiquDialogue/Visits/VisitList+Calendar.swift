import KaiquNLU

/// The calendar's part of the agenda: the festivals in the period, its days off and 调休
/// working days, and the festival visits due (A and B cards before 春节 and 中秋, with the
/// method's advice on gifts).
extension Turn {
    /// Says the calendar's sections for the period; true when it said any.
    mutating func festivals(from: CivilDay, to: CivilDay) throws -> Bool {
        let days = dialogue.calendarDays.value(PeriodKey(from: from.ordinal, to: to.ordinal)) { CalendarDays(dialogue.data.calendar, from: from, to: to) }
        var said = false
        // Key customers (levels 1 and 2) are counted once, for the festivals that greet them.
        var keyCustomers: Int?
        for (festival, day) in days.festivals {
            said = true
            let values: ReplyParameters = ["name": festival.name(language), "when": dayText(day)]
            switch festival.kind {
            case .holiday, .traditional:
                let count = try keyCustomers ?? min(countLimit + 1, records.count(CustomerFilter(level: 1)) + records.count(CustomerFilter(level: 2)))
                keyCustomers = count
                var counted = values
                counted["count"] = self.counted(count)
                say("agenda.festival", counted)
            case .trade: say("agenda.trade_date", values)
            case .western, .memorial: say("agenda.festival_day", values)
            }
        }
        for (id, first, last) in days.breaks {
            said = true
            let name = dialogue.data.calendar.festival(id)?.name(language) ?? id
            let shown = first == last ? dayText(first) : text("date.range", ["from": dayText(first), "to": dayText(last)])
            say("agenda.days_off", ["name": name, "days": shown])
        }
        for day in days.madeUpWorkdays {
            said = true
            say("agenda.made_up_workday", ["when": dayText(day)])
        }
        return try festivalVisits(from: from, to: to) || said
    }

    /// A and B cards not seen since a festival's visit window opened, when the window
    /// overlaps the period.
    private mutating func festivalVisits(from: CivilDay, to: CivilDay) throws -> Bool {
        var said = false
        for (festival, day, opens) in dialogue.data.calendar.festivalVisits(from: max(from, today), to: to) {
            let opened = opens.description
            var rows: [CustomerSummary] = []
            var total = 0
            for card in ["A", "B"] {
                let page = try records.customers(CustomerFilter(card: card, contactedBefore: opened), offset: 0, limit: Self.agendaRows)
                rows += page.rows
                total += page.total
            }
            guard total > 0 else { continue }
            said = true
            say("agenda.festival_visits", ["name": festival.name(language), "when": dayText(day), "count": counted(total)])
            for customer in rows.prefix(Self.agendaRows) {
                line("· " + customer.name + (customer.card.map { "（\($0)）" } ?? ""))
            }
            if total > Self.agendaRows { say("agenda.and_more", ["count": counted(total, less: Self.agendaRows)]) }
            say("agenda.festival_gift")
        }
        return said
    }
}

/// The calendar of a period, as the agenda shows it, worked out once a period (`Dialogue.calendarDays`):
/// every agenda of the week asks for the same days.
struct CalendarDays: Sendable {
    /// The festivals that fall in the period (memorial days left out), by day.
    let festivals: [(festival: Festival, day: CivilDay)]
    /// Each break with days off in the period, whole though the period shows part of it, by its first day.
    let breaks: [(id: String, first: CivilDay, last: CivilDay)]
    /// 调休: weekend days worked to make up for a break.
    let madeUpWorkdays: [CivilDay]

    init(_ calendar: SalesCalendar, from: CivilDay, to: CivilDay) {
        festivals = zip(calendar.festivals, calendar.nextDays(from: from)).compactMap { festival, day -> (Festival, CivilDay)? in
            guard festival.kind != .memorial, let day, day <= to else { return nil }
            return (festival, day)
        }.sorted { $0.1 < $1.1 }
        var seen: [String: (CivilDay, CivilDay)] = [:]
        var madeUp: [CivilDay] = []
        for offset in 0...max(0, to.ordinal - from.ordinal) {
            let day = from.adding(days: offset)
            switch calendar.kind(of: day) {
            case .dayOff(let id): seen[id] = (seen[id]?.0 ?? day, day)
            case .madeUpWorkday: madeUp.append(day)
            case .workday, .weekend: break
            }
        }
        breaks = seen.sorted { $0.value.0 < $1.value.0 }.map { id, seenDays in
            let whole = calendar.schedules[seenDays.0.year]?.holidayBreak(id)
            return (id, whole?.lowerBound ?? seenDays.0, whole?.upperBound ?? seenDays.1)
        }
        madeUpWorkdays = madeUp
    }
}
