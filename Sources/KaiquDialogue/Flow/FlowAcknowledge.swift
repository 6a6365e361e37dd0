import KaiquNLU

/// What Kaiqu says once a flow change is committed: the step it moved to, what was ticked,
/// what a visit note showed.
extension Turn {
    mutating func acknowledgeFlow(_ id: CustomerID, _ changes: [FlowChange]) throws {
        state.lastCustomer = id
        guard let card = try records.card(id), let flow = try records.flow(of: id) else { return }
        if changes.contains(.start(at: 1)) && changes.count == 1 {
            say("flow.started", ["customer": card.name])
            try present(flow, of: card)
            return
        }
        for change in changes {
            if case .objection(let kind, _) = change { say("coach.attached", ["customer": card.name, "name": text("objection.\(kind)")]) }
        }
        if let moved = changes.lazy.compactMap({ change -> (Int, Bool)? in
            if case .move(let to, let insisted) = change { return (to, insisted) }
            return nil
        }).first {
            if moved.1 { say("flow.insisted", ["number": String(moved.0 == FlowState.maintenance ? 6 : moved.0 - 1)]) }
            // Coaching was said already for an objection or a refusal; the step is named, not shown again.
            if changes.contains(where: { if case .objection = $0 { true } else if case .refusal = $0 { true } else { false } }) {
                say("flow.moved", ["customer": card.name, "number": String(moved.0), "name": stepName(moved.0)])
            } else {
                try present(flow, of: card)
            }
            return
        }
        let ticked = changes.flatMap { change -> [String] in
            if case .tick(let items) = change { return items }
            return []
        }
        // A finished refusal analysis ticks 3.analyse itself and has said enough.
        guard !ticked.isEmpty, !changes.contains(where: { if case .refusal = $0 { true } else { false } }) else { return }
        let items = dialogue.data.flow.items(of: flow.step)
        let numbers = items.indices.filter { ticked.contains(items[$0].id) }.map { String($0 + 1) }
        say(numbers.count == items.count ? "flow.ticked_all" : "flow.ticked", ["count": String(numbers.count), "numbers": numbers.joinedList(self)])
        let missing = self.missing(flow)
        if flow.step == FlowState.maintenance {
            // Nothing there is essential: the list is done when all of it is.
            if items.allSatisfy({ flow.ticked.contains($0.id) }) { say("flow.maintenance_done") }
        } else if missing.isEmpty {
            say("flow.step_complete", ["number": String(flow.step)])
        } else {
            sayMissing(flow, missing, key: "flow.still_missing")
        }
        switch state.pending {
        case .refusalAbout(id)?, .refusalForm(id, _)?:
            try ask(state.pending!)  // ticked while the refusal question was open: it stays open
        default:
            state.pending = .checklist(id, step: flow.step)
        }
    }

    /// After a visit log: the refusal, objections and buying signals its note showed.
    mutating func acknowledgeReading(_ log: ContactLog) throws {
        guard !log.flow.isEmpty, let card = try records.card(log.customer) else { return }
        let flow = try records.flow(of: log.customer)
        for change in log.flow {
            switch change {
            case .objection(let kind, _):
                say("signal.objection", ["name": text("objection.\(kind)")])
            case .refusal(let about, let form):
                if let kind = form ?? about { say("refusal.seen", ["name": text("refusal.\(kind)"), "tell": text("refusal.\(kind).tell")]) }
            case .signal(let kind, _):
                say("signal.seen", ["name": text("signal.\(kind)"), "tell": text("signal.\(kind).tell")])
            default:
                break
            }
        }
        if let step = flow?.step, log.flow.contains(where: { if case .move = $0 { true } else { false } }) {
            say("flow.moved", ["customer": card.name, "number": String(step), "name": stepName(step)])
            say(step == 5 ? "signal.coach_objection" : "signal.coach_refusal", ["customer": card.name])
        } else if log.flow.contains(where: { if case .signal = $0 { true } else { false } }), (flow?.step ?? 1) < 6 {
            state.pending = .suggestStep(log.customer, step: 6)
            say("signal.suggest_step", ["number": "6", "name": stepName(6)])
        }
    }
}
