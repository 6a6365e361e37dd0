import KaiquNLU

/// objection.handle: the playbook for what the dealer said — how to tell a real objection from
/// a false one, the six moves (listen, acknowledge, clarify, respond, confirm, next step),
/// model answers, what to avoid. Naming a customer attaches the objection to their flow (on
/// to step 5) and records the follow-up on the card; without one it coaches only. A refusal
/// without a reason (没兴趣, 拒绝了) is step 3's: what was it about, how was it said?
extension Turn {
    mutating func handleObjection(_ u: Utterance) throws {
        let card = try customer(for: u, required: false, pronounsInText: false)
        if card == nil, state.pending != nil { return }
        guard let kind = u.slots["objection"], let playbook = dialogue.data.flow.objections[kind] else {
            try refusal(card, u)
            return
        }
        coach(playbook, for: card?.name)
        guard let card else { return }
        // A refusal in disguise (没时间) is step 3's, an indirect refusal; the rest are objections.
        var changes: [FlowChange] = playbook.step == 3 ? [.refusal(about: nil, form: playbook.refusal)] : [.objection(kind: kind, said: u.text)]
        let flow = try records.flow(of: card.id)
        // An objection means interest: the customer moves to the step that handles it.
        if flow?.step != FlowState.maintenance, flow?.step != playbook.step { changes.append(.move(to: playbook.step, insisted: false)) }
        apply(.flow(card.id, changes))
        apply(.addNote(card.id, text("coach.followup_note", ["name": text("objection.\(kind)"), "followup": text("objection.\(kind).followup")]),
                       profile: [:]))
    }

    /// The playbook, as a rep reads it on a phone: one move a line.
    mutating func coach(_ playbook: FlowData.Playbook, for customer: String?) {
        let id = "objection.\(playbook.id)"
        say(customer.map { _ in "coach.title_for" } ?? "coach.title", ["name": text(id), "customer": customer ?? ""])
        for field in ["real", "false"] { say(id + "." + field) }
        say("coach.moves")
        for field in ["listen", "acknowledge", "clarify", "respond", "confirm", "next"] { say(id + "." + field) }
        say("coach.answers")
        for index in 0..<(playbook.answers[language] ?? 0) { say("coach.answer", ["text": text(id + ".answer.\(index + 1)")]) }
        for index in 0..<(playbook.avoid[language] ?? 0) { say(id + ".avoid.\(index + 1)") }
    }

    /// A refusal: analysed with the rep (about whom or what, and how), then the fitting answer.
    mutating func refusal(_ card: CustomerCard?, _ u: Utterance) throws {
        let cues = refusalKinds(in: u.text)
        guard let card else {
            say("refusal.coach")
            for kind in FlowData.refusalAbout + FlowData.refusalForm { say("refusal.kind_line", ["name": text("refusal.\(kind)"), "tell": text("refusal.\(kind).tell")]) }
            for index in 0..<(dialogue.data.flow.steps[3]?.tips[language] ?? 0) { say("flow.tip", ["tip": text("step.3.tip.\(index + 1)")]) }
            return
        }
        let flow = try records.flow(of: card.id)
        var changes: [FlowChange] = []
        if flow?.step != 3 { changes.append(.move(to: 3, insisted: false)) }
        if let form = cues.form { changes.append(.refusal(about: nil, form: form)) }
        if !changes.isEmpty { apply(.flow(card.id, changes)) }
        state.pending = .refusalAbout(card.id)
        if let form = cues.form { say("refusal.seen", ["name": text("refusal.\(form)"), "tell": text("refusal.\(form).tell")]) }
        say("refusal.ask_about")
    }

    /// The refusal kinds a text shows by their cue words: what it is about, and how it is said.
    func refusalKinds(in text: String) -> (about: String?, form: String?) {
        let folded = rules.normalizer.normalize(text).foldedText
        func first(_ kinds: [String]) -> String? {
            dialogue.data.flow.refusals.first { kinds.contains($0.kind) && $0.words.contains { !$0.isEmpty && folded.contains($0) } }?.kind
        }
        return (first(FlowData.refusalAbout), first(FlowData.refusalForm))
    }

    /// The answer to "what was the refusal about / how was it said", then the fitting reply.
    mutating func answerRefusal(_ pending: Pending, _ u: Utterance) throws -> Bool {
        switch pending {
        case .refusalAbout(let id):
            // How it was said may come first (他说没时间): kept, and the question stays.
            let known = try records.flow(of: id)?.refusalForm
            let form = known ?? refusalKinds(in: u.text).form
            guard let about = pick(u, FlowData.refusalAbout) else {
                guard known == nil, let form else { return tickInstead(id, u) }
                apply(.flow(id, [.refusal(about: nil, form: form)]))
                say("refusal.seen", ["name": text("refusal.\(form)"), "tell": text("refusal.\(form).tell")])
                say("refusal.ask_about")
                return true
            }
            say("refusal.kind", ["name": text("refusal.\(about)"), "tell": text("refusal.\(about).tell")])
            guard let form else {
                state.pending = .refusalForm(id, about: about)
                say("refusal.ask_form")
                return true
            }
            finishRefusal(id, about: about, form: form)
            return true
        case .refusalForm(let id, let about):
            guard let form = pick(u, FlowData.refusalForm) else { return tickInstead(id, u) }
            finishRefusal(id, about: about, form: form)
            return true
        default:
            return false
        }
    }

    private mutating func finishRefusal(_ id: CustomerID, about: String, form: String) {
        state.pending = nil
        apply(.flow(id, [.refusal(about: about, form: form), .tick(["3.analyse"])]))
        for kind in [about, form] { say("refusal.respond", ["name": text("refusal.\(kind)"), "respond": text("refusal.\(kind).respond")]) }
    }

    // The question stays open while the rep ticks the rest of step 3 (没放弃，留了名片).
    private mutating func tickInstead(_ id: CustomerID, _ u: Utterance) -> Bool {
        guard u.mayAnswer, case let items = ticks(u, step: 3), !items.isEmpty else { return false }
        apply(.flow(id, [.tick(items)]))
        return true
    }

    // 1/2/3 by number, or the kind's name (针对人, 间接).
    private func pick(_ u: Utterance, _ kinds: [String]) -> String? {
        if case .index(let index)? = choice(u, among: kinds.map { text("refusal.\($0)") }) { return kinds[index] }
        let cues = refusalKinds(in: u.text)
        return kinds.contains(cues.about ?? "") ? cues.about : kinds.contains(cues.form ?? "") ? cues.form : nil
    }
}
