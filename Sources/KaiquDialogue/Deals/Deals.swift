import KaiquNLU

/// deal.won sets level 一级, records the amount and moves the flow to after-sale maintenance
/// with its checklist; deal.lost asks for the reason, records it, sets level and card and
/// drops the customer from the cadence.
extension Turn {
    mutating func dealWon(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        apply(.dealWon(card.id, amount: u.slots["amount"].flatMap(Int.init)))
    }

    mutating func dealLost(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        guard let reason = u.slots["note"]?.trimmingSpaces(), !reason.isEmpty else {
            state.pending = .lostReason(card.id)
            say("deal.lost_ask", ["customer": card.name])
            return
        }
        apply(.dealLost(card.id, reason: reason))
    }
}
