import Foundation
import KaiquNLU

/// customer.add: fill the card from the sentence, ask only for what is missing and essential
/// (the method: on first contact, the name and the phone), one question at a time; check for
/// a card that already exists before creating one.
extension Turn {
    mutating func addCustomer(_ u: Utterance) throws {
        var card = newCard(name: "")
        if let typed = u.slots["name"] {
            guard let name = try validName(typed) else { return }
            card.name = name
        }
        if let phone = u.slots["phone"] ?? u.entity("phone")?.value { card.phones = [phone] }
        else if let bad = u.entity("bad_phone") { say("customer.bad_phone", ["phone": bad.value]) }
        card.email = u.slots["email"] ?? u.entity("email")?.value
        card.wechat = u.slots["wechat"] ?? u.entity("wechat")?.value
        card.company = u.slots["company"]
        card.region = u.slots["region"]
        card.role = u.slots["role"]
        if let level = u.slots["level"].flatMap(Int.init) {
            card.level = level
            card.levelSetByRep = true
        }
        if let letter = u.slots["card"] {
            card.card = letter
            card.cardSetByRep = true
        }
        try continueAdding(card)
    }

    /// A card with nothing but a name, stamped now.
    func newCard(name: String) -> CustomerCard {
        CustomerCard(id: 0, name: name, createdAt: context.stamp, updatedAt: context.stamp)
    }

    /// The next step of adding `card`: ask for the name, then the phone (unless the rep
    /// skipped it), then look for duplicates, then create it.
    mutating func continueAdding(_ card: CustomerCard, askPhone: Bool = true) throws {
        if card.name.isEmpty {
            state.pending = .newCustomer(card, asking: .name)
            say("customer.ask_name")
            return
        }
        if card.phones.isEmpty && askPhone {
            state.pending = .newCustomer(card, asking: .phone)
            say("customer.ask_phone", ["name": card.name])
            return
        }
        if let existing = try duplicate(of: card) {
            state.pending = .duplicate(card, existing: existing.id)
            say("customer.duplicate", ["name": card.name])
            line(describe(existing))
            say("customer.duplicate_question")
            return
        }
        state.pending = nil
        var suggested = card
        let (level, letter) = Qualification.suggest(for: card)
        if !card.levelSetByRep { suggested.level = level }
        if !card.cardSetByRep { suggested.card = letter }
        apply(.addCustomer(suggested))
    }

    /// The answer to "name?" or "phone?" while adding a card.
    mutating func answerCard(_ card: CustomerCard, _ asking: CardQuestion, _ u: Utterance) throws -> Bool {
        var card = card
        switch asking {
        case .name:
            // 添加客户 … said again is a new request (it will ask for its own name), not a name.
            guard u.mayAnswer, u.intent != "customer.add" else { return false }
            guard !Self.skipWords.contains(key(u.text)) else {
                say("customer.ask_name")
                return true
            }
            let said = Self.nameInAnswer(u.text)
            guard let name = try validName(said.isEmpty ? u.text : said) else { return true }
            card.name = name
            if let phone = u.entity("phone")?.value, !phone.isEmpty { card.phones = [phone] }
            try continueAdding(card)
        case .phone:
            if u.intent == "deny" || Self.skipWords.contains(key(u.text)) {
                try continueAdding(card, askPhone: false)
                return true
            }
            // The question is the cue: a bare local number (9123 4567) answers it, as after 电话.
            if let phone = PhoneExtractor.normalizedPhone(u.text) ?? u.wholeEntity(["phone"])?.value {
                card.phones = [phone]
                try continueAdding(card)
                return true
            }
            let digits = u.text.unicodeScalars.filter(\.isASCIIDigit).count
            if let bad = u.entity("bad_phone") ?? (digits >= 5 ? u.wholeEntity(["number"]) : nil) {
                say("customer.bad_phone", ["phone": bad.value])
                say("customer.ask_phone", ["name": card.name])
                return true
            }
            return false
        }
        return true
    }

    /// Words that skip the phone question.
    static let skipWords: Set<String> = ["跳过", "先跳过", "不知道", "没有电话", "暂时没有", "以后再说", "skip", "later", "unknown", "no phone", "跳過"]

    /// The name in an answer to "what is the new customer's name?": without a phone said with
    /// it (张伟 13800138001) and without the words that lead it in (叫张伟, 名字是张伟).
    static func nameInAnswer(_ text: String) -> String {
        var rest = Substring(text.trimmingSpaces())
        for lead in nameLeads where rest.lowercased().hasPrefix(lead) && rest.count >= lead.count + 2 {
            rest = rest.dropFirst(lead.count)
            break
        }
        // A run of phone characters holding seven digits or more is the phone.
        var kept = "", run = ""
        func flush() {
            if run.filter({ $0.isASCII && $0.isNumber }).count < 7 { kept += run }
            run = ""
        }
        for c in rest {
            if (c.isASCII && c.isNumber) || (!run.isEmpty && " -+()".contains(c)) { run.append(c) } else { flush(); kept.append(c) }
        }
        flush()
        return kept.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",，、。.")))
    }

    // Longest first, so 名字叫 goes before 叫.
    private static let nameLeads = ["他的名字叫", "她的名字叫", "名字叫", "名字是", "姓名是", "姓名", "名叫", "他叫", "她叫", "叫做", "叫", "是",
                                    "name is ", "name's ", "it's ", "it is ", "called "]

    /// `typed` as a name, or nil after saying why it is none.
    mutating func validName(_ typed: String) throws -> String? {
        let name = typed.trimmingSpaces()
        if name.isEmpty || !name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            say(name.unicodeScalars.contains(where: \.isASCIIDigit) ? "customer.name_is_number" : "customer.name_empty", ["name": name])
            return nil
        }
        if name.count > 40 {
            say("customer.name_too_long", ["limit": "40"])
            return nil
        }
        return name
    }

    /// An existing card this one may be: the same phone, or the same name at the same company
    /// (or where either has no company).
    func duplicate(of card: CustomerCard) throws -> CustomerSummary? {
        for phone in card.phones {
            if let hit = try records.customers(phone: phone).first { return hit }
        }
        let sameName = try records.customers(nameKey: key(card.name))
        return sameName.first { existing in
            guard let mine = card.company, let theirs = existing.company else { return true }
            return key(mine) == key(theirs)
        }
    }

    /// The edits that bring an existing card up to what a new one says.
    static func edits(toMatch card: CustomerCard) -> [CardEdit] {
        var edits: [CardEdit] = card.phones.reversed().map { .phone($0) }
        if let v = card.company { edits.append(.company(v)) }
        if let v = card.email { edits.append(.email(v)) }
        if let v = card.wechat { edits.append(.wechat(v)) }
        if let v = card.region { edits.append(.region(v)) }
        if let v = card.role { edits.append(.role(v)) }
        if card.levelSetByRep, let v = card.level { edits.append(.level(v, byRep: true)) }
        if card.cardSetByRep, let v = card.card { edits.append(.card(v, byRep: true)) }
        return edits
    }
}
