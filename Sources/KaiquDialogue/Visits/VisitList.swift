import KaiquNLU

/// What a period's birthday keys and calendar are kept under (`Dialogue.birthdayKeys`,
/// `Dialogue.calendarDays`): its first and last days' ordinals.
struct PeriodKey: Hashable, Sendable {
    let from: Int
    let to: Int
}

/// What a due customer's reason is kept under (`Dialogue.dueReasons`): all it is worked out
/// from.
struct DueReasonKey: Hashable, Sendable {
    let language: Language
    let card: String?
    let level: Int?
    let lastContact: String?
    /// Only for a customer never contacted.
    let createdAt: String?
    let dueDay: Int
    let today: Int
}

/// visit.list: whom to see in a period, most urgent first, each line saying why —
/// planned visits whose day passed with nothing logged, the visits planned, birthdays (with
/// the method's small gift), festivals, days off and festival visits, then the customers the
/// cadence makes due.
extension Turn {
    /// Days an agenda covers at most (a month).
    static let agendaDays = 31
    /// Lines a section shows before "……还有 N 条" (planned visits get three times as many).
    static let agendaRows = 10

    mutating func listVisits(_ u: Utterance) throws {
        var from = today, to = today
        if let day = u.slots["date"].flatMap(Self.day) {
            (from, to) = (day, day)
        } else if let a = u.slots["from"].flatMap(Self.day), let b = u.slots["to"].flatMap(Self.day) {
            (from, to) = (a, max(a, b))
        }
        if to.ordinal - from.ordinal >= Self.agendaDays { to = from.adding(days: Self.agendaDays - 1) }
        let period = from == to ? dayText(from) : text("date.range", ["from": dayText(from), "to": dayText(to)])
        say("agenda.title", ["period": period])
        var said = false

        if from <= today {
            let overdue = try records.visits(from: "0000-01-01", to: today.adding(days: -1).description, statuses: [.planned], limit: 5)
            if overdue.total > 0 {
                said = true
                say("agenda.overdue", ["count": counted(overdue.total)])
                for visit in overdue.rows { line("· " + text("agenda.overdue_line", ["visit": describe(visit)])) }
                if overdue.total > overdue.rows.count { say("agenda.and_more", ["count": counted(overdue.total, less: overdue.rows.count)]) }
            }
        }

        // Days before today are the overdue list's: planned ones are from today on.
        let planned = try records.visits(from: max(from, today).description, to: to.description, statuses: [.planned], limit: Self.agendaRows * 3)
        if planned.total > 0 {
            said = true
            say("agenda.planned", ["count": counted(planned.total)])
            for visit in planned.rows { line("· " + describe(visit)) }
            if planned.total > planned.rows.count { say("agenda.and_more", ["count": counted(planned.total, less: planned.rows.count)]) }
        }

        // Collecting from late payers whose cause is recorded: the follow-up the cause's
        // strategy set, until the overdue money is paid.
        let collections = try records.collectionsDue(by: to.description, today: today.description, defaultTerms: defaultTerms)
        if !collections.isEmpty {
            said = true
            say("agenda.collections", ["count": counted(collections.count)])
            for due in collections.prefix(Self.agendaRows) {
                line("· " + text("agenda.collection_line", ["name": due.name, "when": dayText(due.cause.followUp ?? today.description),
                                                            "amount": money(due.overdue), "cause": text("cause.\(due.cause.id)"),
                                                            "task": text("cause.\(due.cause.id).task")]))
            }
            if collections.count > Self.agendaRows { say("agenda.and_more", ["count": counted(collections.count, less: Self.agendaRows)]) }
        }

        let inPeriod = dialogue.birthdayKeys.value(PeriodKey(from: from.ordinal, to: to.ordinal)) { LunarBirthdays.keys(from: from, to: to) }
        // In the order of the day they fall on; the key is worked out once a birthday.
        let birthdays = try records.birthdays(keys: inPeriod)
            .map { (customer: $0.customer, birthday: $0.birthday, day: inPeriod.days[$0.birthday.monthDayKey] ?? from) }
            .sorted { ($0.day.ordinal, $0.customer.id) < ($1.day.ordinal, $1.customer.id) }
        if !birthdays.isEmpty {
            said = true
            say("agenda.birthdays")
            for (customer, birthday, day) in birthdays.prefix(Self.agendaRows) {
                line("· " + text("agenda.birthday_line", ["name": customer.name, "when": dayText(day), "birthday": birthdayText(birthday)]))
            }
            if birthdays.count > Self.agendaRows { say("agenda.and_more", ["count": String(birthdays.count - Self.agendaRows)]) }
            say("agenda.birthday_gift")
        }

        if try festivals(from: from, to: to) { said = true }

        // Those with a visit planned in the period are on the list already.
        let due = try records.due(onOrBefore: to.ordinal, filter: CustomerFilter(), excluding: Set(planned.rows.map(\.customer)), limit: Self.agendaRows)
        if due.total > 0 {
            said = true
            say("agenda.due", ["count": counted(due.total)])
            for entry in due.rows { line("· " + entry.customer.name + " — " + why(entry)) }
            if due.total > due.rows.count { say("agenda.due_more", ["count": counted(due.total, less: due.rows.count)]) }
        }

        if from <= today && today <= to {
            let review = try records.count(CustomerFilter(card: "A"))
            if review > 0 { say("agenda.review_a", ["count": counted(review)]) }
        }
        if !said { say("agenda.empty") }
    }

    /// Why a customer is due: their card or level and its interval, when they were last
    /// contacted, how many days overdue.
    func why(_ entry: DueCustomer) -> String {
        let c = entry.customer
        let key = DueReasonKey(language: language, card: c.card, level: c.level, lastContact: c.lastContact,
                               createdAt: c.lastContact == nil ? c.createdAt : nil, dueDay: entry.dueDay, today: today.ordinal)
        return dialogue.dueReasons.value(key) { reason(entry) }
    }

    private func reason(_ entry: DueCustomer) -> String {
        let c = entry.customer
        let interval = dialogue.data.cadence.interval(card: c.card, level: c.level)
        let rule: String
        switch interval.rule {
        case .card(let card): rule = text("due.rule_card", ["card": card, "days": String(interval.days)])
        case .level(let level): rule = text("due.rule_level", ["level": text("level.\(level)"), "days": String(interval.days)])
        case .otherwise: rule = text("due.rule_otherwise", ["days": String(interval.days)])
        }
        let last = c.lastContact.map { text("due.last", ["ago": ago($0)]) } ?? text("due.never", ["ago": ago(c.createdAt)])
        let late = today.ordinal - entry.dueDay
        // An A or B card nobody has contacted is due from the day it was made (Store.dueExpression).
        let firstContact = c.lastContact == nil && (c.card == "A" || c.card == "B")
        let when = firstContact ? text("due.first_contact") : late > 0 ? text("due.overdue", ["days": String(late)]) : late == 0 ? text("due.today") : text("due.on", ["when": dayText(CivilDay(ordinal: entry.dueDay))])
        return [rule, last, when].joinedList(self)
    }
}
