import KaiquNLU

/// Which card a request is about: 张三 as stored, 王总 / 老王 by surname, 他 / 这个客户 as
/// the last customer mentioned. When several fit, the rep picks one by number; when none
/// does, Kaiqu offers to add the card and then carries on with the request.
extension Turn {
    /// The customer `u` names, or nil after saying what is missing (then a question may be
    /// pending). With `required` false, a request that names nobody gives nil quietly.
    /// `pronounsInText` false: only a customer slot counts, not a 他 anywhere in the text (the
    /// parser leaves it out of a coaching question: 他说已经有供应商了咋办 is general).
    mutating func customer(for u: Utterance, required: Bool = true, pronounsInText: Bool = true) throws -> CustomerCard? {
        if let chosen {
            self.chosen = nil
            if let card = try records.card(chosen) { return remember(card) }
        }
        let named = u.slots["customer"]
        if named == nil || isBackReference(named!) {
            if named != nil || (pronounsInText && rules.mentionsBackReference(u.tokens)) {
                if let last = state.lastCustomer, let card = try records.card(last) { return remember(card) }
                // 他说太贵了 with nobody in context: coaching needs no customer.
                guard required else { return nil }
                say("customer.who_is_that")
                state.pending = .whichCustomer(then: u)
                return nil
            }
            guard required else { return nil }
            if let last = state.lastCustomer, let card = try records.card(last), Self.continuesWithLast.contains(u.intent) {
                return remember(card)
            }
            say("customer.which")
            state.pending = .whichCustomer(then: u)
            return nil
        }
        let nameKey = key(named!)
        var found: [CustomerSummary] = []
        switch try records.card(nameKey: nameKey) {
        case .one(let card): return remember(card)
        case .several: found = try records.customers(nameKey: nameKey)
        case .none: break
        }
        if found.isEmpty, let surname = rules.honorificSurname(named!) {
            found = try records.customers(surname: surname, limit: 10)
        }
        // Tom for Tom Wu, Wu for Tom Wu: one word of a Latin name finds the cards that have it.
        if found.isEmpty, case let word = named!.trimmingCharacters(in: .whitespaces), word.count >= 2,
           word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII }) {
            found = try records.customers(surname: word, limit: 10)
        }
        switch found.count {
        case 1:
            guard let card = try records.card(found[0].id) else { break }
            return remember(card)
        case 0:
            break
        default:
            say("customer.choose", ["name": named!, "count": String(found.count)])
            for (index, candidate) in found.enumerated() { line("\(index + 1). " + describe(candidate)) }
            say("customer.choose_hint")
            state.pending = .chooseCustomer(found, then: u)
            return nil
        }
        say("customer.not_found", ["name": named!])
        state.pending = .createUnknown(named!, then: u)
        return nil
    }

    /// Requests that, naming nobody, go on with the customer in context (下一步, 他的进度).
    static let continuesWithLast: Set<String> = ["flow.next", "flow.status", "flow.goto", "qualify.man", "credit.assess"]

    /// Makes `card` the customer 他 / 这个客户 refers to from now on.
    mutating func remember(_ card: CustomerCard) -> CustomerCard {
        state.lastCustomer = card.id
        return card
    }

    /// Whether a customer slot's text is a back-reference (他, 这个客户), as the rules say,
    /// kept once worked out (`Dialogue.backReferences`).
    func isBackReference(_ text: String) -> Bool {
        dialogue.backReferences.value(BytesKey(text)) { rules.isBackReference(text) }
    }

    /// One line about a customer for a choice or a list: name · company · region · card.
    func describe(_ c: CustomerSummary) -> String {
        var parts = [c.name]
        if let owner = c.owner { parts.append(text("list.owner", ["owner": owner])) }
        if let company = c.company { parts.append(company) }
        if let region = c.region { parts.append(label("region", region)) }
        if let role = c.role { parts.append(label("role", role)) }
        if let card = c.card { parts.append(text("card.short", ["card": card])) }
        if let phone = c.phone { parts.append(phone) }
        return parts.joined(separator: " · ")
    }
}
