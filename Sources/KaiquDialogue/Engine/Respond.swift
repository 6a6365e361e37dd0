import KaiquNLU

extension Turn {
    /// Answers one line: first as the answer to a pending question, else as a request.
    mutating func respond(to utterance: Utterance) throws {
        // In a role-play every line is said to the dealer (算了 and stop leave it).
        if let play = state.rolePlay { return self.play(utterance, in: play) }
        if let pending = state.pending {
            if try answer(pending, with: utterance) { return }
            if utterance.intent == ParseResult.fallback || utterance.intent == "confirm" || utterance.intent == "deny" {
                // Not an answer and not a request: ask again rather than guess.
                say("answer.unclear")
                try ask(pending)
                return
            }
            // A new request. A card that only lacks its phone is kept (the rep said to add it);
            // any other question is dropped, and the rep is told nothing was saved.
            state.pending = nil
            if case .newCustomer(let card, .phone) = pending {
                state.resume = Resume(utterance: utterance, aboutNewCard: false)
                try continueAdding(card, askPhone: false)
                return
            }
            state.resume = nil
            if !pending.isQuiet { say("pending.dropped") }
        }
        if Self.isGuess(utterance) {
            state.pending = .confirmGuess(then: utterance)
            try ask(.confirmGuess(then: utterance))
            return
        }
        try dispatch(utterance)
    }

    /// A reading plausible but not certain that would change the store: by cues alone with
    /// little evidence and no object named (a customer the store knows, a phone), by cues
    /// only once typos were corrected, or any reading that a correction made of a sure one.
    /// Kaiqu asks before acting on it.
    static func isGuess(_ u: Utterance) -> Bool {
        guard ParseResult.changingStore.contains(u.intent) else { return false }
        if u.result.overruled { return true }
        let object = u.entity("customer") != nil || u.slots["phone"] != nil
        switch u.result.reading {
        case .typoCues: return true
        case .typoPattern: return !object
        case .cues: return u.result.confidence < Self.sureCues && !object
        default: return false
        }
    }

    /// Below this confidence a reading by cues alone is asked about first (0.5 is the least a
    /// cue reading has; 0.6 is about two cue lines more than the threshold).
    static let sureCues = 0.6


    /// Runs the handler of the utterance's intent.
    mutating func dispatch(_ u: Utterance) throws {
        switch u.intent {
        case "help": say("help")
        case "greet":
            let thanks = u.slots["kind"] == "thanks"
            say(thanks ? "thanks" : "greet")
        case "quit":
            say("goodbye")
            end()
        case "confirm", "deny", "cancel": say("nothing.pending")
        case "undo": apply(.undo)
        case "list.more": try showMore()
        case "customer.add": try addCustomer(u)
        case "customer.update": try updateCustomer(u)
        case "customer.show": try showCustomer(u)
        case "customer.list": try listCustomers(u)
        case "customer.delete": try deleteCustomer(u)
        case "customer.note": try noteCustomer(u)
        case "customer.reassign": try reassign(u)
        case "visit.schedule": try scheduleVisit(u)
        case "visit.list": try listVisits(u)
        case "visit.log": try logVisit(u)
        case "visit.cancel": try cancelVisit(u)
        case "followup.due": try listFollowUps(u)
        case "flow.start": try startFlow(u)
        case "flow.next": try nextStep(u)
        case "flow.status": try flowStatus(u)
        case "flow.goto": try gotoStep(u)
        case "objection.handle": try handleObjection(u)
        case "qualify.man": try qualify(u)
        case "credit.assess": try assessCredit(u)
        case "deal.won": try dealWon(u)
        case "deal.lost": try dealLost(u)
        case "report.pipeline": try pipelineReport(u)
        case "order.add": try addOrder(u)
        case "payment.add": try addPayment(u)
        case "account.set": try setAccount(u)
        case "receivable.list": try listOverdue(u)
        case "receivable.cause": try recordOverdueCause(u)
        case "train.start": try startTraining(u)
        case "train.history": try trainingHistory()
        case ParseResult.fallback: try fallback(u)
        default: understood(u)
        }
    }

    /// Nothing fits: say so, change nothing, offer the nearest intents' examples. Numbers or
    /// checklist words about the customer in context tick their checklist, though another
    /// request came in between (开始开发 → 客户说没时间怎么办 → 1 3).
    mutating func fallback(_ u: Utterance) throws {
        if let id = state.lastCustomer, let flow = try records.flow(of: id), flow.history.first?.kind != .lost,
           case let items = ticks(u, step: flow.step), !items.isEmpty {
            apply(.flow(id, [.tick(items)]))
            return
        }
        if Self.isNumbersOnly(rules.normalizer.normalize(u.text).foldedText) {
            say("nothing.to_pick")
            return
        }
        say("fallback")
        for example in u.suggestions { say("fallback.suggestion", ["example": example]) }
    }

    /// 1 3 5, 2-4: an answer to a list, with no list asked about. A long number (a phone
    /// number) is not a pick.
    static func isNumbersOnly(_ text: String) -> Bool {
        let isDigit = { (c: Character) in c.isASCII && c.isNumber }
        let runs = text.split { !isDigit($0) }
        return !runs.isEmpty && runs.allSatisfy { $0.count <= 3 } && text.allSatisfy { isDigit($0) || " ,，、-~到和".contains($0) }
    }

    /// Understood, but acting on it comes later: say so plainly, with what was understood.
    mutating func understood(_ u: Utterance) {
        say("understood", ["intent": labelOf("intent." + u.intent)])
        for name in u.slots.keys.sorted(by: Self.displayOrder) {
            say("understood.slot", ["slot": labelOf("slot." + name), "value": label(name, u.slots[name]!)])
        }
    }

    // Who, then when (from before to), then the rest: the order a rep reads a plan in.
    private static let slotOrder = ["customer", "name", "company", "phone", "email", "wechat", "region", "role", "level", "card",
                                    "date", "time", "from", "to", "amount", "objection", "step", "field", "value", "note"]
    static func displayOrder(_ a: String, _ b: String) -> Bool {
        let x = slotOrder.firstIndex(of: a) ?? slotOrder.count
        let y = slotOrder.firstIndex(of: b) ?? slotOrder.count
        return x != y ? x < y : a < b
    }

    /// The catalogue's label for a key, or the key's last part when it has none.
    func labelOf(_ key: String) -> String {
        catalogue.has(key) ? text(key) : String(key.split(separator: ".").last ?? "")
    }
}
