import KaiquNLU

/// What Kaiqu says once a change is committed: only then, so what it says it did is on disk.
extension Turn {
    mutating func acknowledge(_ change: Change, _ outcome: Outcome) throws {
        switch change {
        case .recordTraining:
            say("roleplay.saved")
        case .recordSale(let entry):
            state.lastCustomer = entry.customer
            let name = try records.name(of: entry.customer) ?? ""
            say(entry.kind == .order ? "order.recorded" : "payment.recorded", ["name": name, "amount": money(entry.amount), "when": dayText(entry.day)])
            try sayAccount(entry.customer, name: name)
        case .setAccount(let id, let terms, let limit):
            state.lastCustomer = id
            let name = try records.name(of: id) ?? ""
            if let terms { say("account.terms_set", ["name": name, "days": String(terms)]) }
            if let limit { say("account.limit_set", ["name": name, "limit": money(limit)]) }
        case .setOverdueCause(let id, let cause):
            state.lastCustomer = id
            let name = try records.name(of: id) ?? ""
            say("cause.recorded", ["name": name, "cause": text("cause.\(cause.id)")])
            say("cause.\(cause.id).strategy")
            if let day = cause.followUp { say("cause.follow_up", ["name": name, "when": dayText(day)]) }
        case .addCustomer(let card, _):
            guard case .customer(let id) = outcome else { return }
            state.lastCustomer = id
            let details = [card.phones.first.map { pair("phone", $0) }, card.company, card.role.map { label("role", $0) }, card.region.map { label("region", $0) },
                           card.levelSetByRep ? card.level.map { text("level.\($0)") } : nil,
                           card.card.map { text("card.short", ["card": $0]) }].compactMap { $0 }
            say(details.isEmpty ? "customer.added" : "customer.added_details", ["name": card.name, "details": details.joinedList(self)])
            if state.resume == nil { tip("customer.added_next", ["name": card.name]) }
            else if state.resume?.aboutNewCard == false { say("customer.add_phone_later", ["name": card.name]) }
            try resumeWaiting(for: id)
        case .updateCustomer(let id, let edits) where edits.contains(where: Self.isQualification):
            state.lastCustomer = id
            guard let card = try records.card(id) else { return }
            if edits.contains(where: { if case .credit = $0 { true } else { false } }) {
                sayCredit(card)
                try suggestCreditLimit(card)
            } else {
                sayMAN(card)
            }
            let suggested = edits.filter(Self.isSuggestion).compactMap { describe($0) }
            if !suggested.isEmpty { say("customer.suggestion_follows", ["changes": suggested.joinedList(self)]) }
        case .updateCustomer(let id, let edits):
            state.lastCustomer = id
            let name = try records.name(of: id) ?? ""
            let byRep = edits.filter { !Self.isSuggestion($0) }.compactMap { describe($0) }
            let suggested = edits.filter(Self.isSuggestion).compactMap { describe($0) }
            say("customer.updated", ["name": name, "changes": byRep.joinedList(self)])
            if !suggested.isEmpty { say("customer.suggestion_follows", ["changes": suggested.joinedList(self)]) }
            try resumeWaiting(for: id)
        case .addNote(let id, let note, let profile):
            state.lastCustomer = id
            say("customer.noted", ["name": try records.name(of: id) ?? "", "note": note])
            if !profile.isEmpty {
                let filled = profile.keys.sorted().map { fieldLabel($0) + " = " + profile[$0]! }
                say("customer.profile_filled", ["fields": filled.joinedList(self)])
            }
        case .deleteCustomer(let id):
            say("customer.deleted", ["name": try records.name(of: id) ?? ""])
            if state.lastCustomer == id { state.lastCustomer = nil }
        case .scheduleVisit(let plan):
            state.lastCustomer = plan.customer
            guard case .visit(let id) = outcome, let visit = try records.visit(id) else { return }
            say(visit.kind == .visit ? "visit.scheduled" : "visit.reminder_set", ["what": describe(visit)])
            let calendar = dialogue.data.calendar
            guard let day = Self.day(visit.day) else { return }
            if case .madeUpWorkday(let festival) = calendar.kind(of: day) {
                say("visit.made_up_workday", ["when": dayText(day), "holiday": festivalName(festival)])
            } else if !calendar.schedules.isEmpty, calendar.coverage(of: day.year) == .missing {
                say("visit.calendar_unknown", ["year": String(day.year)])
            }
        case .cancelVisit(let id):
            guard let visit = try records.visit(id) else { return }
            state.lastCustomer = visit.customer
            say("visit.cancelled", ["what": describe(visit)])
        case .moveVisit(let id, _, _):
            guard let visit = try records.visit(id) else { return }
            state.lastCustomer = visit.customer
            say("visit.moved", ["what": describe(visit)])
        case .logContact(let log):
            state.lastCustomer = log.customer
            let name = try records.name(of: log.customer) ?? ""
            let keys = log.kind.loggedKeys
            say(log.outcome == nil ? keys.plain : keys.outcome, ["name": name, "when": dayText(log.day), "outcome": log.outcome ?? ""])
            if let card = try records.card(log.customer), let day = Self.day(log.day) {
                let interval = dialogue.data.cadence.interval(card: card.card, level: card.level)
                say("visit.next_contact", ["when": dayText(day.adding(days: interval.days)), "days": String(interval.days)])
            }
            if !log.edits.isEmpty { say("customer.suggestion_follows", ["changes": log.edits.compactMap { describe($0) }.joinedList(self)]) }
            try acknowledgeReading(log)
        case .flow(let id, let changes):
            try acknowledgeFlow(id, changes)
        case .dealWon(let id, let amount):
            state.lastCustomer = id
            guard let card = try records.card(id) else { return }
            say(amount == nil ? "deal.won" : "deal.won_amount", ["customer": card.name, "amount": amount.map(money) ?? ""])
            if let flow = try records.flow(of: id) { try present(flow, of: card) }
        case .dealLost(let id, let reason):
            state.lastCustomer = id
            say("deal.lost", ["customer": try records.name(of: id) ?? "", "reason": reason])
        case .reassign, .reassignAll:
            try acknowledgeReassign(change, outcome)
        case .undo:
            switch outcome {
            case .undone(let kind, let subject): say("undo.done", ["what": labelOf("change." + kind), "name": subject])
            default: say("nothing.to_undo")
            }
        }
    }

    /// Takes up the request that waited for a card, now that the card exists: read afresh,
    /// so the parser knows the new name.
    mutating func resumeWaiting(for id: CustomerID) throws {
        guard state.pending == nil, let resume = state.resume else { return }
        state.resume = nil
        state.lastCustomer = id
        reread(resume.utterance.text)
    }

    static func isQualification(_ edit: CardEdit) -> Bool {
        switch edit {
        case .money, .authority, .need, .credit: true
        default: false
        }
    }

    static func isSuggestion(_ edit: CardEdit) -> Bool {
        switch edit {
        case .level(_, let byRep), .card(_, let byRep): !byRep
        default: false
        }
    }

    /// One edit in words: 电话 → 13900001111 (`template` gives the field and value their words).
    func describe(_ edit: CardEdit, as template: String = "customer.edit") -> String? {
        func to(_ field: String, _ value: String?) -> String {
            text(template, ["field": fieldLabel(field), "value": value ?? text("customer.cleared")])
        }
        switch edit {
        case .name(let v): return to("name", v)
        case .company(let v): return to("company", v)
        case .phone(let v): return to("phone", v)
        case .email(let v): return to("email", v)
        case .wechat(let v): return to("wechat", v)
        case .region(let v): return to("region", v.map { label("region", $0) })
        case .address(let v): return to("address", v)
        case .role(let v): return to("role", v.map { label("role", $0) })
        case .source(let v): return to("source", v)
        case .birthday(let v): return to("birthday", v.map(birthdayText))
        case .level(let v, _): return to("level", v.map { text("level.\($0)") })
        case .card(let v, _): return to("card", v.map { text("card.long", ["card": $0]) })
        case .money(let v): return to("money", v.map { text($0 ? "man.yes" : "man.no") })
        case .authority(let v): return to("authority", v.map { text($0 ? "man.yes" : "man.no") })
        case .need(let v): return to("need", v.map { text($0 ? "man.yes" : "man.no") })
        case .profile(let field, let v): return to(field, v)
        case .status(let v): return to("status", text("status." + v.rawValue))
        case .dealAmount(let v): return to("amount", v.map(money))
        case .lostReason(let v): return to("lost_reason", v)
        case .credit(let grade, _, _): return to("credit", grade)
        }
    }
}
