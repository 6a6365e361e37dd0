import KaiquNLU

/// customer.show: the card as a rep reads it — who and how to reach them, level and card,
/// MAN, birthday, the two profiles with what is still unknown, contacts, the latest notes.
extension Turn {
    mutating func showCustomer(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        try show(card)
    }

    mutating func show(_ card: CustomerCard) throws {
        var title = [card.name]
        if let company = card.company { title.append(company) }
        if let role = card.role { title.append(label("role", role)) }
        if let region = card.region { title.append(label("region", region)) }
        say("card.title", ["title": title.joined(separator: " · ")])

        var contact: [String] = []
        if !card.phones.isEmpty { contact.append(pair("phone", card.phones.joined(separator: " / "))) }
        if let v = card.wechat { contact.append(pair("wechat", v)) }
        if let v = card.email { contact.append(pair("email", v)) }
        if let v = card.source { contact.append(pair("source", v)) }
        if !contact.isEmpty { line(contact.joined(separator: "  ")) }

        // A won customer's level follows the deal: neither a suggestion nor a choice.
        let level = card.level.map { card.status == .won ? text("level.\($0)") : text(card.levelSetByRep ? "card.by_rep" : "card.suggested", ["value": text("level.\($0)")]) } ?? text("card.unknown")
        let letter = card.card.map { text(card.cardSetByRep ? "card.by_rep" : "card.suggested", ["value": text("card.long", ["card": $0])]) } ?? text("card.none")
        line(pair("level", level) + "  " + pair("card", letter))
        say("card.man", ["money": man(card.money), "authority": man(card.authority), "need": man(card.need)])
        if card.status == .open, [card.money, card.authority, card.need].contains(where: { $0 == nil }) { say("card.man_hint", ["customer": card.name]) }
        let extras = try records.extras(of: card.id, today: today.description, defaultTerms: defaultTerms, notes: 3)
        if let flow = extras.flow {
            let open = flow.open.map { text("objection.\($0.kind)") }
            let key = flow.step == FlowState.maintenance ? "card.flow_maintenance" : open.isEmpty ? "card.flow" : "card.flow_open"
            say(key, ["number": String(flow.step), "name": stepName(flow.step), "list": open.joinedList(self)])
        }
        if let grade = card.creditGrade {
            say("card.credit", ["grade": grade, "name": text("credit-grade.\(grade)"), "date": card.creditOn.map(dayText) ?? ""])
        }
        switch card.status {
        case .won: say("card.won", ["amount": card.dealAmount.map(money) ?? text("card.unknown")])
        case .lost: say("card.lost", ["reason": card.lostReason ?? text("card.unknown")])
        case .open: break
        }
        // The account, once there are orders or terms: what is owed, due, overdue.
        let account = extras.account
        if account.ordered > 0 || account.termsDays != nil || account.creditLimit != nil { line(accountLine(account)) }
        if let birthday = card.birthday {
            var shown = birthdayText(birthday)
            // A lunar birthday moves: say when it falls; a solar one, how soon when it is near.
            if let next = LunarBirthdays.next(birthday.calendar, month: birthday.month, day: birthday.day, leap: birthday.leap, from: today) {
                let days = next.ordinal - today.ordinal
                if birthday.calendar == .lunar { shown = text("card.birthday_next", ["birthday": shown, "date": dayText(next)]) }
                else if days <= 30 { shown = text("card.birthday_soon", ["birthday": shown, "days": String(days)]) }
            }
            line(pair("birthday", shown))
        }
        line(profile(card, .hardware))
        line(profile(card, .software))

        var contacts = [card.lastContact.map { last in
            text(last.hasPrefix(today.description) ? "card.last_contact_today" : "card.last_contact",
                 ["when": dayText(last), "ago": ago(last), "count": String(card.contactCount)])
        } ?? text("card.never_contacted")]
        if let next = extras.nextVisit {
            contacts.append(text("card.next_visit", ["when": visitWhen(next)]))
        }
        line(contacts.joined(separator: "  "))
        if !extras.notes.isEmpty {
            say("card.notes")
            for note in extras.notes { line("· " + String(note.at.prefix(10)) + " " + note.text) }
        }
        if !extras.previousOwners.isEmpty {
            say("card.owners", ["owners": extras.previousOwners.map { text("card.owner_until", ["name": $0.name, "date": dayText($0.until)]) }.joinedList(self)])
        }
    }

    /// "label：value", with the catalogue's label of a field.
    func pair(_ field: String, _ value: String) -> String { text("card.pair", ["label": fieldLabel(field), "value": value]) }

    private func man(_ flag: Bool?) -> String { text(flag == true ? "man.yes" : flag == false ? "man.no" : "man.unknown") }

    // One profile's line: what is known, how much of it, and what is still empty. Not
    // mutating: a closure in a mutating method copies the whole turn.
    private func profile(_ card: CustomerCard, _ kind: ProfileKind) -> String {
        let fields = kind.fields
        let labels = dialogue.profileLines.labels(kind, language)
        var known: [String] = []
        var empty = 0
        for (index, field) in fields.enumerated() {
            if let value = field == "address" ? card.address : card.profile[field] {
                known.append(labels[index] + " " + value)
            } else {
                empty |= 1 << index
            }
        }
        func summary(_ values: String) -> String {
            text(kind.key, ["known": String(known.count), "all": String(fields.count), "values": values])
        }
        func withEmpty(_ profile: String, _ emptyList: String) -> String {
            text("card.with_empty", ["profile": profile, "fields": emptyList])
        }
        let emptyList = empty == 0 ? "" : dialogue.profileLines.texts.value(.init(kind: kind, language: language, empty: empty, wholeLine: false)) {
            labels.indices.filter { empty & 1 << $0 != 0 }.map { labels[$0] }.joinedList(self)
        }
        if known.isEmpty {
            return dialogue.profileLines.texts.value(.init(kind: kind, language: language, empty: empty, wholeLine: true)) {
                withEmpty(summary(text("card.nothing_yet")), emptyList)
            }
        }
        let line = summary(known.joined(separator: " · "))
        return empty == 0 ? line : withEmpty(line, emptyList)
    }

    /// Yuan as a rep writes it: 50000 → 5万, 3500 → 3500 元; ¥50,000 in English.
    func money(_ yuan: Int) -> String { catalogue.money(yuan, language) }

    /// When a visit is: 明天 11月19日（周四）15:00.
    func visitWhen(_ visit: Visit) -> String {
        var when = dayText(visit.day)
        if let time = visit.time { when += " " + time + (visit.endTime.map { "–" + $0 } ?? "") }
        return when
    }
}
