import KaiquNLU

/// Showing a step of the flow: its title, what it is for, its checklist with what is done,
/// the coaching tips, and how to answer. The checklist then waits for numbers to tick.
extension Turn {
    /// The step's name: 销售准备, 售后维护.
    func stepName(_ step: Int) -> String { text("step.\(step)") }

    mutating func present(_ flow: FlowState, of card: CustomerCard, tips: Bool = true) throws {
        let step = flow.step
        say(step == FlowState.maintenance ? "flow.title_maintenance" : "flow.title",
            ["number": String(step), "name": stepName(step), "customer": card.name])
        say("step.\(step).intro")
        let items = dialogue.data.flow.items(of: step)
        if !items.isEmpty {
            say("flow.checklist")
            var group = ""
            for (index, item) in items.enumerated() {
                let heading = text("item.\(item.id).group")
                if heading != group {
                    say("flow.group", ["group": heading])
                    group = heading
                }
                let mark = text(flow.ticked.contains(item.id) ? "flow.mark_done" : "flow.mark_open")
                say(item.essential ? "flow.item_essential" : "flow.item",
                    ["number": String(index + 1), "mark": mark, "ask": text("item.\(item.id).ask")])
            }
        }
        if tips {
            for index in 0..<(dialogue.data.flow.steps[step]?.tips[language] ?? 0) { say("flow.tip", ["tip": text("step.\(step).tip.\(index + 1)")]) }
        }
        switch step {
        case 3 where flow.refusalAbout == nil:
            state.pending = .refusalAbout(card.id)
            say("refusal.ask_about")
            return
        case 5:
            let open = flow.open.map { text("objection.\($0.kind)") }
            say(open.isEmpty ? "flow.objections_none" : "flow.objections_open", ["list": open.joinedList(self)])
        case 6:
            let seen = Set(flow.history.filter { $0.kind == .signal }.compactMap { $0.detail?.split(separator: ":").first.map(String.init) })
            if !seen.isEmpty { say("flow.signals_seen", ["list": seen.sorted().map { text("signal.\($0)") }.joinedList(self)]) }
        default:
            break
        }
        if !items.isEmpty {
            state.pending = .checklist(card.id, step: step)
            say(step == FlowState.maintenance ? "flow.hint_maintenance" : "flow.hint")
        }
    }

    /// The essential items of a step not ticked yet (and, for step 2, whether enough
    /// approaches were chosen).
    func missing(_ flow: FlowState) -> [FlowData.Item] {
        let items = dialogue.data.flow.items(of: flow.step)
        if let needs = dialogue.data.flow.steps[flow.step]?.needs, items.filter({ flow.ticked.contains($0.id) }).count < needs {
            return items.filter { !flow.ticked.contains($0.id) }
        }
        return items.filter { $0.essential && !flow.ticked.contains($0.id) }
    }

    /// What a step still needs, one item a line with its number: the essential ones, or
    /// (step 2) a choice among them.
    mutating func sayMissing(_ flow: FlowState, _ missing: [FlowData.Item], key: String) {
        let items = dialogue.data.flow.items(of: flow.step)
        if let needs = dialogue.data.flow.steps[flow.step]?.needs, !missing.contains(where: \.essential) {
            say("flow.needs_choice", ["number": String(flow.step), "count": String(needs)])
            return
        }
        say(key, ["number": String(flow.step)])
        for item in missing {
            let number = (items.firstIndex { $0.id == item.id } ?? 0) + 1
            say("flow.item", ["number": String(number), "mark": text("flow.mark_open"), "ask": text("item.\(item.id).ask")])
        }
    }

    /// The items an answer to a checklist ticks: numbers (1 3 5, 1-4, 第二项), 全部 / all, or
    /// the words of items (名片和价格表都带了).
    func ticks(_ u: Utterance, step: Int) -> [String] {
        let items = dialogue.data.flow.items(of: step)
        let folded = rules.normalizer.normalize(u.text).foldedText
        if dialogue.data.flow.answers.all.contains(where: { folded.trimmingSpaces() == $0 || folded.hasPrefix($0 + "都") }) { return items.map(\.id) }
        var chosen: [Int] = []
        var digits = ""
        var rangeStart: Int?
        // A range is capped by the list it indexes (1-9999999999 is "all of them"); a number
        // too long for Int is past its end.
        func flush() {
            defer { digits = "" }
            guard !digits.isEmpty else { rangeStart = nil; return }
            let n = Int(digits) ?? Int.max
            if let start = rangeStart, start <= n {
                if start <= items.count { chosen += Array(start...min(n, items.count)) }
            } else { chosen.append(n) }
            rangeStart = nil
        }
        // Numbers tick items only in a reply made of numbers (1 3 5, 2-4, 第1和第3项): in any
        // other sentence they are a date, a phone, a step (孙丽生日3月8号, 哪些客户在第5步).
        let numbersOnly = folded.split(separator: " ").filter { $0 != "and" }.joined().unicodeScalars.allSatisfy {
            $0.isASCIIDigit || !($0.properties.isAlphabetic || $0.properties.isIdeographic) || "到至和第项个号与及".unicodeScalars.contains($0)
        }
        for scalar in folded.unicodeScalars where numbersOnly {
            if scalar.isASCIIDigit { digits.unicodeScalars.append(scalar); continue }
            if scalar == "-" || scalar == "到" || scalar == "~" || scalar == "至", !digits.isEmpty {
                rangeStart = Int(digits) ?? Int.max
                digits = ""
                continue
            }
            flush()
        }
        flush()
        var found = chosen.filter { $0 >= 1 && $0 <= items.count }.map { items[$0 - 1].id }
        if found.isEmpty {
            // By clause, so that 名片带了，价格表忘了 ticks the cards and not the price list.
            for clause in Self.clauses(u.text) {
                for folded in splitAtTurns(rules.normalizer.normalize(String(clause)).foldedText) {
                    let named = items.filter { item in item.words.contains { folded.contains($0) } }
                    // An item's own words may hold a negation (没放弃): it is looked for in the rest.
                    if !saysNotDone(folded, besides: named.flatMap(\.words)) {
                        found += named.map(\.id).filter { !found.contains($0) }
                    }
                }
            }
        }
        return found
    }

    /// The text split at the punctuation that ends a clause (not at an apostrophe: haven't).
    static func clauses(_ text: String) -> [Substring] {
        text.split { ",，.。;；、!！?？\n".contains($0) }
    }

    /// A folded clause split again at the words that turn it (但是, but): punctuation is often
    /// left out on a phone.
    func splitAtTurns(_ folded: String) -> [String] {
        var parts = [folded]
        for turn in dialogue.data.flow.answers.turns {
            let padded = turn.unicodeScalars.allSatisfy(\.isASCII) ? " " + turn + " " : turn
            parts = parts.flatMap { (" " + $0 + " ").split(separator: padded).map { String($0).trimmingSpaces() } }
        }
        return parts
    }

    /// True when a folded clause says the item is not done: 没带, 忘了, forgot, not yet.
    func saysNotDone(_ folded: String, besides words: [String]) -> Bool {
        let answers = dialogue.data.flow.answers
        var clause = folded
        for phrase in answers.except + words.sorted(by: { $0.count > $1.count }) { clause = clause.replacing(phrase, with: " ") }
        let padded = " " + clause + " "
        return answers.notDone.contains { word in
            word.unicodeScalars.allSatisfy(\.isASCII) ? padded.contains(" " + word + " ") : clause.contains(word)
        }
    }
}
