import KaiquNLU

/// Role-play training in the conversation: 陪我练练 starts one (or shows the menu), every
/// line after it goes to the dealer until the meeting ends or the rep says 算了, and the
/// scorecard is said and kept in the rep's training record.
extension Turn {
    var training: TrainingData { dialogue.data.training }

    /// 陪我练练, 练一下客户嫌贵, practise step 3: the scenario that fits, or the menu.
    mutating func startTraining(_ u: Utterance) throws {
        if u.slots["objection"] == nil && u.slots["step"] == nil {
            showScenarios()
            return
        }
        let done = Set(try records.trainings(limit: 20).map(\.scenario))
        let fitting = scenariosInLanguageOrder().filter { scenario in
            (u.slots["objection"].map { $0 == scenario.objection } ?? true)
                && (u.slots["step"].flatMap { Int($0) }.map { $0 == 3 ? scenario.step == 3 : $0 == 5 ? scenario.step == 5 : true } ?? true)
        }
        // The one not played lately first; the menu when none fits.
        guard let scenario = fitting.first(where: { !done.contains($0.id) }) ?? fitting.first else {
            say("roleplay.none_fits")
            showScenarios()
            return
        }
        begin(scenario)
    }

    /// `kaiqu train [SCENARIO]`: that scenario, or the menu.
    mutating func startTraining(id: String?) {
        guard let id else { return showScenarios() }
        guard let scenario = training.scenario(id) else {
            say("roleplay.unknown", ["id": id])
            return showScenarios()
        }
        begin(scenario)
    }

    /// The scenarios, the rep's own language first (Chinese for both scripts).
    func scenariosInLanguageOrder() -> [Scenario] {
        let chinese = language != .en
        let same = training.scenarios.filter { ($0.language != .en) == chinese }
        return same.filter { $0.language == language } + same.filter { $0.language != language }
            + training.scenarios.filter { ($0.language != .en) != chinese }
    }

    mutating func showScenarios() {
        let scenarios = scenariosInLanguageOrder()
        say("roleplay.menu")
        for (index, scenario) in scenarios.enumerated() { line("\(index + 1). " + scenario.title) }
        say("roleplay.menu_hint")
        state.pending = .chooseScenario(scenarios.map(\.id))
    }

    /// Starts `scenario`: the scene, how to leave, and the dealer's first words.
    mutating func begin(_ scenario: Scenario) {
        state.pending = nil
        state.resume = nil
        state.language = scenario.language
        var play = RolePlay(scenario: scenario.id)
        say("roleplay.start", ["title": scenario.title])
        say("roleplay.scene", ["scene": scenario.scene])
        say("roleplay.how", ["speaker": scenario.speaker])
        dealer(scenario, "opening", &play)
        state.rolePlay = play
    }

    /// One line of the rep in a role-play: 算了 or stop leaves it, anything else is said to
    /// the dealer.
    mutating func play(_ u: Utterance, in current: RolePlay) {
        guard let scenario = training.scenario(current.scenario) else {
            // The scenario left intents/ since (a bridge restarted on new data): the role-play
            // ends quietly and the line is read as a request after all.
            state.rolePlay = nil
            return reread(u.text)
        }
        state.language = scenario.language
        if u.intent == "cancel" || u.intent == "quit" {
            return finish(current, scenario, .quit)
        }
        var play = current
        let moves = MoveReader(data: training, normalizer: rules.normalizer).moves(in: u, now: context.stamp)
        let (says, ending) = play.take(moves, line: u.text)
        for kind in says { dealer(scenario, kind, &play) }
        if let ending { finish(play, scenario, ending) } else { state.rolePlay = play }
    }

    // One line of the dealer's, the next of its kind.
    private mutating func dealer(_ scenario: Scenario, _ kind: String, _ play: inout RolePlay) {
        let n = play.said[kind, default: 0]
        play.said[kind] = n + 1
        say("roleplay.dealer", ["speaker": scenario.speaker, "line": scenario.line(kind, n)])
    }

    /// The end of a role-play: how it ended, the scorecard, and the record kept.
    mutating func finish(_ play: RolePlay, _ scenario: Scenario, _ ending: RolePlay.Ending) {
        state.rolePlay = nil
        let card = Scorecard(play)
        say("roleplay.ended." + ending.rawValue, ["speaker": scenario.speaker])
        say("roleplay.score", ["speaker": scenario.speaker, "score": String(card.score), "total": String(card.total)])
        if ending == .quit { say("roleplay.partial") }
        for row in card.rows {
            let name = text("score." + row.criterion)
            if row.met {
                say(row.line == nil ? "score.met_plain" : "score.met", ["name": name, "line": row.line ?? ""])
            } else {
                let model = "objection." + scenario.objection + "." + (Scorecard.model[row.criterion] ?? "")
                say(row.line == nil ? "score.missed" : "score.slipped",
                    ["name": name, "line": row.line ?? "", "tip": text("score." + row.criterion + ".tip"),
                     "model": catalogue.has(model) ? text(model) : ""])
            }
        }
        apply(.recordTraining(TrainingRecord(scenario: scenario.id, at: context.stamp, ending: ending, score: card.score,
                                             total: card.total, met: card.rows.filter(\.met).map(\.criterion))))
    }

    /// 我的培训记录: the latest role-plays, and whether the rep is getting better.
    mutating func trainingHistory() throws {
        let records = try records.trainings(limit: 10)
        guard !records.isEmpty else {
            say("roleplay.history_empty")
            return
        }
        say("roleplay.history", ["count": String(records.count)])
        for record in records {
            let title = training.scenario(record.scenario)?.title ?? record.scenario
            say("roleplay.history_line", ["when": record.at.replacingOccurrences(of: "T", with: " "), "title": title,
                                          "score": String(record.score), "total": String(record.total),
                                          "ending": text("roleplay.ending." + record.ending.rawValue)])
        }
        // Progress: the newest three against the three before them.
        if records.count >= 2 {
            let recent = records.prefix(min(3, records.count / 2 + records.count % 2))
            let earlier = records.dropFirst(recent.count).prefix(3)
            if !earlier.isEmpty {
                func average(_ slice: ArraySlice<TrainingRecord>) -> Double {
                    slice.map { Double($0.score) / Double(max($0.total, 1)) }.reduce(0, +) / Double(slice.count) * 100
                }
                say("roleplay.progress", ["recent": String(Int(average(recent).rounded())), "earlier": String(Int(average(earlier).rounded()))])
            }
        }
        // What the rep misses most often, to practise next.
        var missed: [String: Int] = [:]
        for record in records { for criterion in Scorecard.criteria where !record.met.contains(criterion) { missed[criterion, default: 0] += 1 } }
        if let worst = Scorecard.criteria.max(by: { (missed[$0] ?? 0) < (missed[$1] ?? 0) }), let count = missed[worst], count > 0 {
            say("roleplay.most_missed", ["name": text("score." + worst), "count": String(count), "of": String(records.count)])
        }
    }
}
