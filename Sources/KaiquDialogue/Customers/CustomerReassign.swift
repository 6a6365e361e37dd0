import Foundation
import KaiquNLU

extension Turn {
    /// customer.reassign: a manager hands one card (把王建国转给李娜), one rep's card of a
    /// name others share too (把张伟的王建国转给李娜), or all of a rep's (把张伟的客户都转给李娜)
    /// to another rep of the team.
    mutating func reassign(_ u: Utterance) throws {
        let team = try records.teammates()
        guard !team.isEmpty else {
            say("reassign.managers_only")
            return
        }
        let names = team.map(\.name).joinedList(self)
        guard let said = u.result.slots["rep"], let target = Self.teammate(said, in: team) else {
            say("reassign.who", ["name": u.result.slots["rep"] ?? "", "team": names])
            return
        }
        if let fromSaid = u.result.slots["from_rep"] {
            guard let source = Self.teammate(fromSaid, in: team) else {
                say("reassign.who", ["name": fromSaid, "team": names])
                return
            }
            guard source.id != target.id else {
                say("reassign.same", ["rep": target.name])
                return
            }
            guard let named = u.slots["customer"] else {
                apply(.reassignAll(from: source.id, to: target.id))
                return
            }
            // Only that rep's cards of the name; a card the manager chose from them comes back
            // through `customer(for:)` with no rep said.
            let theirs = try records.customers(nameKey: key(named)).filter { $0.owner == source.name || $0.owner == source.id }
            var one = u
            one.result.slots["from_rep"] = nil
            switch theirs.count {
            case 0: say("reassign.not_theirs", ["from": source.name, "name": named])
            case 1: apply(.reassign([theirs[0].id], to: target.id))
            default:
                say("customer.choose", ["name": named, "count": String(theirs.count)])
                for (index, candidate) in theirs.enumerated() { line("\(index + 1). " + describe(candidate)) }
                say("customer.choose_hint")
                state.pending = .chooseCustomer(theirs, then: one)
            }
            return
        }
        guard let card = try customer(for: u) else { return }
        apply(.reassign([card.id], to: target.id))
    }

    /// The teammate a manager named: by name or id, or the one whose name starts what was
    /// said (李娜跟进 → 李娜), the longest such.
    static func teammate(_ said: String, in team: [Teammate]) -> Teammate? {
        let text = said.trimmingCharacters(in: .whitespaces)
        let folded = text.lowercased()
        if let exact = team.first(where: { $0.name.lowercased() == folded || $0.id.lowercased() == folded }) { return exact }
        return team.filter { !$0.name.isEmpty && folded.hasPrefix($0.name.lowercased()) }.max { $0.name.count < $1.name.count }
    }

    /// What a reassignment did, once committed.
    mutating func acknowledgeReassign(_ change: Change, _ outcome: Outcome) throws {
        guard case .reassigned(let count) = outcome else { return }
        let team = try records.teammates()
        func name(_ id: String) -> String { team.first { $0.id == id }?.name ?? id }
        switch change {
        case .reassign(let ids, let to):
            if let id = ids.first, ids.count == 1 {
                say(count == 0 ? "reassign.already" : "reassign.done", ["name": try records.name(of: id) ?? "", "rep": name(to)])
                state.lastCustomer = id
            } else {
                say("reassign.done_all", ["from": "", "count": String(count), "rep": name(to)])
            }
        case .reassignAll(let from, let to):
            say(count == 0 ? "reassign.none" : "reassign.done_all", ["from": name(from), "count": String(count), "rep": name(to)])
        default: return
        }
        if count > 0 { say("reassign.undo_hint") }
    }
}
