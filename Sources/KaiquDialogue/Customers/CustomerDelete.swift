/// customer.delete: always confirmed first; a soft delete, so undo brings the card back.
extension Turn {
    mutating func deleteCustomer(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        state.pending = .delete(card.id, name: card.name)
        say("customer.delete_confirm", ["name": card.name])
    }
}
