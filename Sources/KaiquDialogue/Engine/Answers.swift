import KaiquNLU

/// Answers to the questions Kaiqu asks. "算了" leaves any of them; confirm and deny answer
/// the yes/no ones; a bare value answers the ones that ask for it.
extension Turn {
    /// Takes `u` as the answer to `pending` when it is one; false when it is not.
    mutating func answer(_ pending: Pending, with u: Utterance) throws -> Bool {
        if u.intent == "cancel" {
            state.pending = nil
            state.resume = nil
            say("cancelled")
            return true
        }
        switch pending {
        case .newCustomer(let card, let asking):
            return try answerCard(card, asking, u)

        case .duplicate(let card, let existing):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            guard yes else {
                apply(.addCustomer(card))
                return true
            }
            guard let current = try records.card(existing) else { return true }
            // Only what the new card says differently.
            let edits = Self.edits(toMatch: card).filter { current.applying([$0]) != current }
            if edits.isEmpty {
                _ = remember(current)
                say("customer.duplicate_nothing_new")
            } else {
                apply(.updateCustomer(existing, edits))
            }
            return true

        case .chooseCustomer(let candidates, let then):
            guard let pick = choice(u, among: candidates.map(\.name), phones: candidates.map(\.phone)) else { return false }
            guard case .index(let index) = pick else { return outOfRange(pick, pending) }
            state.pending = nil
            chosen = candidates[index].id
            try dispatch(then)
            return true

        case .createUnknown(let name, let then):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            guard yes else {
                say("customer.not_added", ["name": name])
                return true
            }
            state.resume = Resume(utterance: then, aboutNewCard: true)
            var card = newCard(name: name)
            if let phone = then.slots["phone"] { card.phones = [phone] }
            try continueAdding(card)
            return true

        case .overLimit(let entry):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            if yes { apply(.recordSale(entry)) } else { say("order.not_recorded") }
            return true

        case .suggestLimit(let id, let limit, let terms):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            if yes { apply(.setAccount(id, termsDays: terms, creditLimit: limit)) } else { say("credit.limit_not_set") }
            return true

        case .chooseScenario(let ids):
            guard let pick = choice(u, count: ids.count, names: ids) else { return false }
            guard case .index(let index) = pick else { return outOfRange(pick, pending) }
            state.pending = nil
            guard let scenario = training.scenario(ids[index]) else { return true }
            begin(scenario)
            return true

        case .whichCustomer(let then):
            guard u.mayAnswer, let name = plainName(u) else { return false }
            state.pending = nil
            var again = then
            again.result.slots["customer"] = name
            try dispatch(again)
            return true

        case .delete(let id, let name):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            if yes { apply(.deleteCustomer(id)) } else { say("customer.delete_kept", ["name": name]) }
            return true

        case .visitWhen(let id, let purpose, let kind):
            if u.intent == "deny" {
                state.pending = nil
                say("visit.not_planned")
                return true
            }
            guard let when = u.wholeEntity(["date", "datetime", "time", "period"]) else { return false }
            state.pending = nil
            guard let card = try records.card(id) else { return true }
            var slots = TimeSlots(entity: when)
            slots.purpose = purpose
            slots.kind = kind
            try plan(card, slots)
            return true

        case .clash(let plan, _):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            if yes { apply(.scheduleVisit(plan)) } else { say("visit.not_planned") }
            return true

        case .dayOff(let plan, _):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            if yes { try schedule(plan, onDayOff: true) } else { say("visit.not_planned") }
            return true

        case .chooseVisit(let visits, let moveTo):
            guard let pick = choice(u, count: visits.count) else { return false }
            guard case .index(let index) = pick else { return outOfRange(pick, pending) }
            state.pending = nil
            if let moveTo { apply(.moveVisit(visits[index].id, day: moveTo.day, time: moveTo.time)) }
            else { apply(.cancelVisit(visits[index].id)) }
            return true

        case .checklist(let id, let step):
            let items = ticks(u, step: step)
            // A sentence naming checklist items may also fit a loose pattern with a name that
            // is no customer's (准客户资料查好了，但是拜访目的还没想清楚 → "拜访 目的"): the
            // checklist is the likelier meaning.
            let unknownName = u.slots["customer"] != nil && u.entity("customer") == nil
            guard u.mayAnswer || u.intent == "confirm" || (unknownName && !items.isEmpty) else { return false }
            guard !items.isEmpty else {
                guard u.intent == ParseResult.fallback else { return false }
                say("flow.nothing_ticked")
                return true
            }
            apply(.flow(id, [.tick(items)]))
            return true

        case .insistNext(let id, let to):
            switch u.intent {
            case "confirm", "flow.next":  // 下一步 said again is insisting
                state.pending = nil
                apply(.flow(id, [.move(to: to, insisted: true)]))
            case "deny":
                state.pending = nil
                if let card = try records.card(id), let flow = try records.flow(of: id) { try present(flow, of: card, tips: false) }
            default:
                guard let flow = try records.flow(of: id), case let items = ticks(u, step: flow.step), !items.isEmpty else { return false }
                state.pending = nil
                apply(.flow(id, [.tick(items)]))
            }
            return true

        case .refusalAbout, .refusalForm:
            return try answerRefusal(pending, u)

        case .objectionsResolved(let id, let then):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            if yes { apply(.flow(id, [.resolveObjections, .tick(["5.resolved"]), .move(to: then, insisted: false)])) }
            else { say("flow.objections_keep_going") }
            return true

        case .suggestStep(let id, let step):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            // Only buying signals suggest a step (6), and seeing them is its first item.
            if yes { apply(.flow(id, [.move(to: step, insisted: false), .tick(["6.signals"])])) } else { say("flow.stay") }
            return true

        case .credit(let id, let scores):
            return try answerCredit(id, scores, u)

        case .confirmGuess(let then):
            guard let yes = Self.yesOrNo(u) else { return false }
            state.pending = nil
            if yes { try dispatch(then) } else { say("guess.dropped") }
            return true

        case .lostReason(let id):
            guard u.mayAnswer || u.intent == "deny", let reason = plainName(u) ?? (u.intent == "deny" ? text("deal.no_reason") : nil) else { return false }
            state.pending = nil
            apply(.dealLost(id, reason: reason))
            return true
        }
    }

    /// True for yes, false for no, nil for anything else.
    static func yesOrNo(_ u: Utterance) -> Bool? {
        u.intent == "confirm" ? true : u.intent == "deny" ? false : nil
    }

    /// Asks the pending question (again).
    mutating func ask(_ pending: Pending) throws {
        switch pending {
        case .newCustomer(let card, let asking):
            say(asking == .name ? "customer.ask_name" : "customer.ask_phone", ["name": card.name])
        case .duplicate:
            say("customer.duplicate_question")
        case .chooseCustomer(let candidates, _):
            for (index, candidate) in candidates.enumerated() { line("\(index + 1). " + describe(candidate)) }
            say("customer.choose_hint")
        case .createUnknown(let name, _):
            say("customer.offer_add", ["name": name])
        case .chooseScenario:
            say("roleplay.menu_hint")
        case .overLimit:
            say("order.over_limit_question")
        case .suggestLimit:
            say("credit.limit_question")
        case .whichCustomer:
            say("customer.which")
        case .delete(_, let name):
            say("customer.delete_confirm", ["name": name])
        case .visitWhen(let id, _, let kind):
            say(kind == nil ? "visit.ask_when" : "visit.ask_when_task", ["name": try records.card(id)?.name ?? ""])
        case .clash:
            say("visit.clash_question")
        case .dayOff(let plan, let festival):
            say("visit.day_off", ["when": dayText(plan.day), "holiday": festivalName(festival)])
        case .chooseVisit(let visits, _):
            for (index, visit) in visits.enumerated() { line("\(index + 1). " + describe(visit)) }
            say("customer.choose_hint")
        case .checklist:
            say("flow.hint")
        case .insistNext:
            say("flow.insist_question")
        case .refusalAbout:
            say("refusal.ask_about")
        case .refusalForm:
            say("refusal.ask_form")
        case .objectionsResolved:
            say("flow.objections_resolved_question")
        case .suggestStep(_, let step):
            say("signal.suggest_step", ["number": String(step), "name": stepName(step)])
        case .credit(let id, let scores):
            askCredit(id, scores: scores)
        case .confirmGuess(let then):
            let someone = text("guess.someone")
            say("guess.ask", ["what": text("guess." + then.intent, ["customer": then.slots["customer"] ?? someone,
                                                                     "name": then.slots["name"] ?? someone])])
        case .lostReason(let id):
            say("deal.lost_ask", ["customer": try records.name(of: id) ?? ""])
        }
    }

    /// What an answer to a numbered list picked.
    enum Pick: Equatable {
        /// The 0-based index of an item on the list.
        case index(Int)
        /// A number that is not on the list (0, 3 of 2, a phone number).
        case outOfRange(String)
    }

    /// A number picking one of a list of `count` (2, 第二个, 二, the last), a name that is
    /// exactly one of `names`, or a phone that is exactly one of `phones`; nil when the
    /// answer is none of these. The number is checked against the list here, where it is
    /// read, so no caller can index past it.
    func choice(_ u: Utterance, count: Int, names: [String] = [], phones: [String?] = []) -> Pick? {
        let typed = u.text.trimmingSpaces()
        let digits = typed.filter { $0.isASCII && $0.isNumber }
        // A phone typed in answer (13800138002): the candidate with that number, if one has it.
        if digits.count >= 7, typed.allSatisfy({ ($0.isASCII && $0.isNumber) || " -+()".contains($0) }) {
            let hits = phones.indices.filter { phones[$0].map { $0.filter { $0.isASCII && $0.isNumber }.hasSuffix(digits) } ?? false }
            return hits.count == 1 ? .index(hits[0]) : .outOfRange(digits)
        }
        if let number = u.wholeEntity(["number"]).map(\.value) ?? Self.ordinal(typed, count: count) {
            guard let n = Int(number), n >= 1, n <= count else { return .outOfRange(number) }
            return .index(n - 1)
        }
        let hits = names.indices.filter { key(names[$0]) == key(typed) }
        return hits.count == 1 ? .index(hits[0]) : nil
    }

    /// `choice(_:count:names:phones:)` over a list of names.
    func choice(_ u: Utterance, among names: [String], phones: [String?] = []) -> Pick? {
        choice(u, count: names.count, names: names, phones: phones)
    }

    /// A number not on the list: said so, and the question stays open.
    mutating func outOfRange(_ pick: Pick, _ pending: Pending) -> Bool {
        guard case .outOfRange(let number) = pick else { return false }
        let shown = number.count > 12 ? String(number.prefix(12)) + "…" : number
        say("choice.out_of_range", ["number": shown, "count": String(pending.choiceCount)])
        return true
    }

    // 第二个, 第2位, the second, #2, 最后一个 (the number as typed, not yet checked).
    private static func ordinal(_ text: String, count: Int) -> String? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        var t = text.lowercased().trimmingSpaces()
        for word in ["第", "#", "no.", "number ", "the "] where t.hasPrefix(word) { t.removeFirst(word.count) }
        for word in ["个", "位", "家", "条", "项", "個", "條", "項", "号", "號", "st", "nd", "rd", "th", " one"] where t.hasSuffix(word) { t.removeLast(word.count) }
        let words = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": count, "最后一": count, "最後一": count]
        if let n = words[t] { return String(n) }
        if !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) { return t }
        if t.count == 1, let n = digits[t.first!] { return String(n) }
        return nil
    }

    /// The text of `u` as a name when it could be one: no digits only, not too long.
    func plainName(_ u: Utterance) -> String? {
        let name = u.text.trimmingSpaces()
        guard !name.isEmpty, name.count <= 40, name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        return name
    }
}
