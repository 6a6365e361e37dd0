import KaiquNLU

/// customer.update: one field of a card, or its level, card or role. Values are checked
/// (a phone that is no phone, a day that does not exist) and stored as typed.
extension Turn {
    mutating func updateCustomer(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        var edits: [CardEdit] = []
        if let level = u.slots["level"].flatMap(Int.init) { edits.append(.level(level, byRep: true)) }
        if let letter = u.slots["card"] { edits.append(.card(letter, byRep: true)) }
        if let role = u.slots["role"] { edits.append(.role(role)) }
        // The parser gives card/level/role both as their own slot and as field and value.
        if let field = u.slots["field"], u.slots[field] == nil {
            guard let value = u.slots["value"] else {
                say("customer.update_value_missing", ["name": card.name, "field": fieldLabel(field)])
                return
            }
            guard let edit = try edit(field, value, u) else { return }
            edits.append(edit)
        }
        guard !edits.isEmpty else {
            say("customer.update_what", ["name": card.name])
            return
        }
        let all = edits + Qualification.edits(for: card.applying(edits))
        // Said again (a retry, a second tap): the card is so already, and a change that changes
        // nothing would still be journaled, so the next 撤销 would seem to do nothing.
        guard card.applying(all) != card else {
            say("customer.unchanged", ["name": card.name, "changes": edits.compactMap { describe($0, as: "customer.edit_already") }.joinedList(self)])
            return
        }
        apply(.updateCustomer(card.id, all))
    }

    /// The edit for "field = value", or nil after saying what is wrong with the value.
    mutating func edit(_ field: String, _ typed: String, _ u: Utterance) throws -> CardEdit? {
        let value = typed.trimmingSpaces()
        switch field {
        case "phone":
            if let phone = u.entity("phone")?.value { return .phone(phone) }
            say("customer.bad_phone", ["phone": u.entity("bad_phone")?.value ?? value])
            return nil
        case "email":
            let lower = value.lowercased()
            guard let at = lower.firstIndex(of: "@"), lower[lower.index(after: at)...].contains("."), !lower.contains(" ") else {
                say("customer.bad_email", ["email": value])
                return nil
            }
            return .email(lower)
        case "birthday":
            guard let birthday = Birthday.read(value) else {
                say("customer.bad_birthday", ["value": value])
                return nil
            }
            return .birthday(birthday)
        case "level", "card", "role":
            guard let found = rules.value(of: value, inLookup: field) else {
                say("customer.bad_value", ["field": fieldLabel(field), "value": value])
                return nil
            }
            switch field {
            case "level": return .level(Int(found), byRep: true)
            case "card": return .card(found, byRep: true)
            default: return .role(found)
            }
        case "name":
            return try validName(value).map { .name($0) }
        case "region": return .region(rules.value(of: value, inLookup: "region") ?? value)
        case "company": return .company(value)
        case "address": return .address(value)
        case "wechat": return .wechat(value)
        case "source": return .source(value)
        default:
            guard ProfileField.all.contains(field) else {
                say("customer.bad_value", ["field": field, "value": value])
                return nil
            }
            return .profile(field, value)
        }
    }

    /// A field's name for the rep.
    func fieldLabel(_ field: String) -> String { dialogue.fieldLabels[field]?[language] ?? labelOf("field." + field) }
}
