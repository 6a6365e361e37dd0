import KaiquNLU

/// flow.start, flow.next, flow.goto, flow.status: the six steps, one at a time. Kaiqu leads:
/// each step says what it is for and shows its checklist; "下一步" passes only when the
/// essential items are done (or the rep insists).
extension Turn {
    mutating func startFlow(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        if let flow = try records.flow(of: card.id) {
            say("flow.resumed", ["customer": card.name, "number": String(flow.step), "name": stepName(flow.step), "since": dayText(flow.startedAt)])
            try present(flow, of: card)
            return
        }
        apply(.flow(card.id, [.start(at: 1)]))
    }

    mutating func nextStep(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        guard let flow = try records.flow(of: card.id) else {
            say("flow.not_started", ["customer": card.name])
            return
        }
        guard flow.step < FlowState.maintenance else {
            say("flow.at_last", ["customer": card.name])
            try present(flow, of: card, tips: false)
            return
        }
        let to = flow.step == 6 ? FlowState.maintenance : flow.step + 1
        if flow.step == 5, !flow.open.isEmpty {
            state.pending = .objectionsResolved(card.id, then: to)
            say("flow.objections_open", ["list": flow.open.map { text("objection.\($0.kind)") }.joinedList(self)])
            say("flow.objections_resolved_question")
            return
        }
        if flow.step == 6 {
            // Closing ends with the contract: deal.won moves the flow on, with the amount.
            say("flow.close_with_deal", ["customer": card.name])
            return
        }
        let missing = self.missing(flow)
        guard missing.isEmpty else {
            state.pending = .insistNext(card.id, to: to)
            sayMissing(flow, missing, key: "flow.missing")
            say("flow.insist_question")
            return
        }
        apply(.flow(card.id, [.move(to: to, insisted: false)]))
    }

    mutating func gotoStep(_ u: Utterance) throws {
        guard let step = u.slots["step"].flatMap(Int.init), (1...6).contains(step) else {
            say("flow.which_step")
            return
        }
        guard let card = try customer(for: u) else { return }
        apply(.flow(card.id, [.move(to: step, insisted: false)]))
    }

    mutating func flowStatus(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        guard let flow = try records.flow(of: card.id) else {
            say("flow.not_started", ["customer": card.name])
            return
        }
        let items = dialogue.data.flow.items(of: flow.step)
        say("flow.status", ["customer": card.name, "number": String(flow.step), "name": stepName(flow.step),
                            "done": String(items.filter { flow.ticked.contains($0.id) }.count), "all": String(items.count),
                            "since": dayText(flow.startedAt)])
        let missing = self.missing(flow)
        if !missing.isEmpty { sayMissing(flow, missing, key: "flow.status_missing") }
        if let about = flow.refusalAbout {
            say("flow.status_refusal", ["kinds": ([about] + [flow.refusalForm].compactMap { $0 }).map { text("refusal.\($0)") }.joinedList(self)])
        }
        if !flow.open.isEmpty { say("flow.objections_open", ["list": flow.open.map { text("objection.\($0.kind)") }.joinedList(self)]) }
        let history = flow.history.prefix(5)
        if !history.isEmpty {
            say("flow.history")
            for event in history { line("· " + describe(event)) }
        }
    }

    /// One event of a flow's history in words.
    func describe(_ event: FlowEvent) -> String {
        let when = dayText(event.at)
        switch event.kind {
        case .started: return text("flow.history_started", ["when": when, "to": String(event.to ?? 1)])
        case .moved:
            let insisted = event.detail == "insisted"
            return text(insisted ? "flow.history_insisted" : "flow.history_moved", ["when": when, "from": String(event.from ?? 0), "to": String(event.to ?? 0)])
        case .refusal:
            let kinds = (event.detail ?? "").split(separator: ",").map { text("refusal.\($0)") }
            return text("flow.history_refusal", ["when": when, "kinds": kinds.joinedList(self)])
        case .objection: return text("flow.history_objection", ["when": when, "name": text("objection.\(event.detail ?? "")")])
        case .resolved: return text("flow.history_resolved", ["when": when])
        case .signal:
            let kind = event.detail?.split(separator: ":").first.map(String.init) ?? ""
            return text("flow.history_signal", ["when": when, "name": text("signal.\(kind)")])
        case .won: return text("flow.history_won", ["when": when])
        case .lost: return text("flow.history_lost", ["when": when, "reason": event.detail ?? ""])
        }
    }
}
