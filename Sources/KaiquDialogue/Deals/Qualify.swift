import KaiquNLU

/// qualify.man: Money, Authority and Need from what the rep says (张三有预算，也能拍板); a
/// customer with all three is qualified. What is still unknown comes with how to find out.
extension Turn {
    mutating func qualify(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        var edits: [CardEdit] = []
        if let v = u.slots["money"] { edits.append(.money(v == "yes")) }
        if let v = u.slots["authority"] { edits.append(.authority(v == "yes")) }
        if let v = u.slots["need"] { edits.append(.need(v == "yes")) }
        guard !edits.isEmpty else {
            sayMAN(card)
            return
        }
        apply(.updateCustomer(card.id, edits + Qualification.edits(for: card.applying(edits))))
    }

    /// The card's MAN, whether it is complete, and how to learn what is missing.
    mutating func sayMAN(_ card: CustomerCard) {
        say("man.status", ["customer": card.name, "money": manFlag(card.money), "authority": manFlag(card.authority), "need": manFlag(card.need)])
        let values = ["money": card.money, "authority": card.authority, "need": card.need]
        let unknown = FlowData.man.filter { values[$0]! == nil }
        let failed = FlowData.man.filter { values[$0]! == false }
        if unknown.isEmpty && failed.isEmpty {
            say("man.qualified", ["customer": card.name])
            return
        }
        if !failed.isEmpty { say("man.failed", ["items": failed.map { text("man.\($0)") }.joinedList(self)]) }
        if !unknown.isEmpty {
            say("man.missing", ["items": unknown.map { text("man.\($0)") }.joinedList(self)])
            for kind in unknown { say("man.how", ["name": text("man.\(kind)"), "ask": text("man.\(kind).ask")]) }
        }
    }

    func manFlag(_ flag: Bool?) -> String { text(flag == true ? "man.yes" : flag == false ? "man.no" : "man.unknown") }
}
