import KaiquNLU

/// visit.schedule: a day, a time and a purpose for a visit (or a call, WeChat or samples to
/// send: a reminder). Asks for the day when none was said; refuses a time already past; asks
/// before a visit on an official day off; points out a clash with another visit.
extension Turn {
    /// Visits closer than this many minutes clash.
    static let clashMinutes = 60

    mutating func scheduleVisit(_ u: Utterance) throws {
        if u.slots["customer"] == nil, !rules.mentionsBackReference(u.tokens), let region = u.slots["region"] {
            try suggestVisits(in: region, u)
            return
        }
        guard let card = try customer(for: u) else { return }
        var slots = TimeSlots(slots: u.slots)
        let purpose = [u.slots["purpose"], u.slots["note"]].compactMap { $0 }.joined()
        slots.purpose = purpose.isEmpty ? nil : purpose
        slots.kind = u.slots["channel"].flatMap(ContactKind.init(rawValue:))
        try plan(card, slots)
    }

    /// Plans a visit to `card` at `slots`, or asks what is missing.
    mutating func plan(_ card: CustomerCard, _ slots: TimeSlots) throws {
        var slots = slots
        slots.settleDay(now: context.minute, today: today)
        guard let day = slots.day else {
            state.pending = .visitWhen(card.id, purpose: slots.purpose, kind: slots.kind)
            if let (from, to) = slots.span {
                say("visit.ask_which_day", ["name": card.name, "from": dayText(from), "to": dayText(to)])
            } else {
                say(slots.kind == nil ? "visit.ask_when" : "visit.ask_when_task", ["name": card.name])
            }
            return
        }
        if day < today || (day == today && (slots.time ?? 1_440) < context.minute) {
            say("visit.in_past", ["when": dayText(day) + (slots.time.map { " " + LocalTime.text($0) } ?? ""), "name": card.name])
            return
        }
        if card.status == .lost { say("visit.lost_customer", ["name": card.name]) }
        let plan = VisitPlan(customer: card.id, day: day.description, time: slots.time.map(LocalTime.text),
                             endTime: slots.endTime.map { LocalTime.text(min($0, 1_439)) }, purpose: slots.purpose, kind: slots.kind)
        try schedule(plan, onDayOff: false)
    }

    /// Plans `plan` once the day off (a visit only: a call is fine on a holiday) and clashes
    /// are settled, asking about the first that is not.
    mutating func schedule(_ plan: VisitPlan, onDayOff confirmed: Bool) throws {
        if !confirmed, plan.kind == nil, let day = Self.day(plan.day), case .dayOff(let festival) = dialogue.data.calendar.kind(of: day) {
            state.pending = .dayOff(plan, festival: festival)
            say("visit.day_off", ["when": dayText(day), "holiday": festivalName(festival)])
            return
        }
        if let other = try clash(plan) {
            state.pending = .clash(plan, with: other)
            say(other.customer == plan.customer ? "visit.clash_same" : "visit.clash", ["when": visitWhen(other), "name": other.customerName])
            say("visit.clash_question")
            return
        }
        apply(.scheduleVisit(plan))
    }

    /// A festival's name in the rep's language.
    func festivalName(_ id: String) -> String {
        dialogue.data.calendar.festival(id)?.name(language) ?? id
    }

    /// A planned visit the same day to the same customer, or within an hour of this one
    /// (calls and other reminders clash with nothing).
    func clash(_ plan: VisitPlan) throws -> Visit? {
        guard plan.kind == nil else { return nil }
        let same = try records.visits(from: plan.day, to: plan.day, statuses: [.planned], limit: 50).rows.filter { $0.kind == .visit }
        if let visit = same.first(where: { $0.customer == plan.customer }) { return visit }
        guard let mine = plan.time.flatMap(LocalTime.minutes) else { return nil }
        return same.first { other in
            guard let theirs = other.time.flatMap(LocalTime.minutes) else { return false }
            return abs(theirs - mine) < Self.clashMinutes
        }
    }

    // A trip to a region with no one named: who is there to see.
    private mutating func suggestVisits(in region: String, _ u: Utterance) throws {
        let page = try records.customers(CustomerFilter(region: region), offset: 0, limit: 5)
        guard page.total > 0 else {
            say("visit.region_nobody", ["region": label("region", region)])
            return
        }
        say("visit.region_customers", ["region": label("region", region), "count": counted(page.total)])
        // A list reads no phones: the few shown here are read for them.
        let phones = try records.firstPhones(of: page.rows.map(\.id))
        for var customer in page.rows {
            customer.phone = phones[customer.id]
            line("· " + describe(customer))
        }
        say("visit.region_hint", ["name": page.rows[0].name])
    }

    /// One line about a visit (or call, WeChat, samples): when, whom, why.
    func describe(_ visit: Visit) -> String {
        let plain = text(visit.kind.lineKey, ["when": visitWhen(visit), "name": visit.customerName])
        return visit.purpose.map { text("visit.with_purpose", ["visit": plain, "purpose": $0]) } ?? plain
    }
}
