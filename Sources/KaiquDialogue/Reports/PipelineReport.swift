import KaiquNLU

/// 本月报告, 销售漏斗, how are my sales this month: the pipeline over a period (this month
/// unless one is said) against the period of the same length before it. The funnel by
/// level and by step, new customers, how far flows moved, visits made against planned
/// (完成率, 差异率), deals won and lost, the objections met most, where flows stall, and
/// the overdue accounts now.
extension Turn {
    mutating func pipelineReport(_ u: Utterance) throws {
        try report(Self.reportKind(u, rules), from: u.slots["from"], to: u.slots["to"])
    }

    /// Which report a request is for, by its words (lists report-abc, report-funnel,
    /// report-receivables, report-week): the monthly report unless one is named.
    static func reportKind(_ u: Utterance, _ rules: RuleSet) -> String {
        for kind in ["abc", "funnel", "receivables", "week"] where rules.mentions("report-" + kind, in: u.tokens) {
            return kind == "week" ? "weekly" : kind
        }
        return "monthly"
    }

    /// A report by kind: monthly (or pipeline), weekly, funnel, abc or receivables.
    mutating func report(_ kind: String, from: String?, to: String?) throws {
        switch kind {
        case "abc": try abcReport(from: from, to: to)
        case "funnel": try funnelReport(from: from, to: to)
        case "receivables": try receivablesReport()
        case "weekly" where from == nil && to == nil:
            try pipelineReport(from: today.monday.description, to: today.monday.adding(days: 6).description)
        default: try pipelineReport(from: from, to: to)
        }
    }

    /// The report over `from`…`to` (`YYYY-MM-DD`), or this month.
    mutating func pipelineReport(from: String?, to: String?) throws {
        let (period, now, last) = try comparedPipeline(from: from, to: to)
        say("report.title", ["period": period])
        guard !now.isEmpty else { return say("report.empty") }
        for line in Self.reportLines(now, last, self) { self.line(line) }
        let owed = try records.receivables(today: today.description, defaultTerms: defaultTerms, accounts: 0)
        if owed.overdue == 0 { line(text("report.overdue_none")) } else {
            line(text("report.overdue", ["count": String(owed.overdueCustomers), "amount": money(owed.overdue)]))
        }
    }

    /// The period asked for (this month unless told) in words, and the pipeline over it and
    /// over the period before.
    func comparedPipeline(from: String?, to: String?) throws -> (period: String, now: PipelineFigures, last: PipelineFigures) {
        let period = ReportPeriod.days(from: from, to: to, today: today)
        let before = ReportPeriod.previous(period)
        return (text("date.range", ["from": dayText(period.from), "to": dayText(period.to)]),
                try records.pipeline(from: period.from.description, to: period.to.description, today: today.description, current: true),
                try records.pipeline(from: before.from.description, to: before.to.description, today: today.description, current: false))
    }

    /// The report's lines, in the turn's language: what `kaiqu report` prints as well.
    static func reportLines(_ now: PipelineFigures, _ last: PipelineFigures, _ turn: Turn) -> [String] {
        var lines: [String] = []
        // The funnel by level: how many are at each level or better (一级 is signed), and the
        // share of those that got one level further.
        if !now.levels.isEmpty {
            var parts: [String] = []
            var wider: Int?
            for level in (1...4).reversed() {
                let reach = (1...level).reduce(0) { $0 + (now.levels[$1] ?? 0) }
                var part = turn.text(level == 1 ? "report.level_part" : "report.level_reach",
                                     ["level": turn.text("level.short.\(level)"), "count": String(reach)])
                if let wider { part = turn.text("report.with_rate", ["part": part, "rate": percent(reach, of: wider)]) }
                parts.append(part)
                wider = reach
            }
            lines.append(turn.text("report.levels", ["funnel": parts.joined(separator: " → ")]))
        }
        if !now.steps.isEmpty {
            let parts = (1...7).compactMap { step in
                now.steps[step].map { turn.text(step == 7 ? "report.maintenance_part" : "report.step_part", ["step": String(step), "count": String($0)]) }
            }
            lines.append(turn.text("report.steps", ["steps": parts.joined(separator: " · ")]))
        }
        lines.append(turn.text("report.new", ["count": String(now.newCustomers), "before": String(last.newCustomers)]))
        if !now.reached.isEmpty {
            let parts = now.reached.keys.sorted().map { step in
                turn.text(step == 7 ? "report.maintenance_part" : "report.step_part", ["step": String(step), "count": String(now.reached[step]!)])
            }
            lines.append(turn.text("report.reached", ["steps": parts.joined(separator: " · ")]))
        }
        if now.visitsPlanned > 0 {
            let done = percent(now.visitsDone, of: now.visitsPlanned)
            lines.append(turn.text("report.visits", ["planned": String(now.visitsPlanned), "done": String(now.visitsDone), "rate": done,
                                                     "gap": String(100 - (Int(done) ?? 0))]))
        } else {
            lines.append(turn.text("report.visits_none"))
        }
        let total = now.won.compactMap(\.amount).reduce(0, +)
        lines.append(turn.text(total > 0 ? "report.won_amount" : "report.won",
                               ["count": String(now.won.count), "amount": turn.money(total), "before": String(last.won.count)]))
        for deal in now.won { lines.append(turn.text("report.deal_line", ["name": deal.name, "detail": deal.amount.map(turn.money) ?? "—"])) }
        lines.append(turn.text("report.lost", ["count": String(now.lost.count), "before": String(last.lost.count)]))
        for deal in now.lost { lines.append(turn.text("report.deal_line", ["name": deal.name, "detail": deal.reason ?? "—"])) }
        if !now.objections.isEmpty {
            let parts = now.objections.map { turn.text("report.objection_part", ["name": turn.text("objection.\($0.kind)"), "count": String($0.count)]) }
            lines.append(turn.text("report.objections", ["list": parts.joined(separator: " · ")]))
        }
        if let stall = now.stall, stall.days > 0 {
            lines.append(turn.text("report.stall", ["step": String(stall.step), "name": turn.text("step.\(stall.step)"), "days": String(stall.days)]))
        }
        // A manager's report: a line per rep of the team.
        if !now.reps.isEmpty {
            lines.append(turn.text("report.reps"))
            for rep in now.reps {
                lines.append(turn.text("report.rep_line", ["name": rep.name, "new": String(rep.newCustomers), "done": String(rep.visitsDone),
                                                           "planned": String(rep.visitsPlanned), "won": String(rep.won),
                                                           "won_amount": turn.money(rep.wonAmount), "ordered": turn.money(rep.ordered)]))
            }
        }
        return lines
    }

    /// A share as a whole percentage.
    static func percent(_ part: Int, of whole: Int) -> String { Share.percent(part, of: whole) }
}
