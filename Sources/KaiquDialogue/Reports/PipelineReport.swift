import KaiquNLU

/// 本月报告, 销售漏斗, how are my sales this month: the pipeline over a period (this month
/// unless one is said) against the period of the same length before it. The funnel by
/// level and by step, new customers, how far flows moved, visits made against planned
/// (完成率, 差异率), deals won and lost, the objections met most, where flows stall, and
/// the overdue accounts now.
extension Turn {
    mutating func pipelineReport(_ u: Utterance) throws {
        // ABC 分析, 80/20, 二八: the customers by what they ordered.
        if rules.mentions("report-abc", in: u.tokens) { return try abcReport(from: u.slots["from"], to: u.slots["to"]) }
        try pipelineReport(from: u.slots["from"], to: u.slots["to"])
    }

    /// The report over `from`…`to` (`YYYY-MM-DD`), or this month.
    mutating func pipelineReport(from: String?, to: String?) throws {
        let period = ReportPeriod.days(from: from, to: to, today: today)
        let before = ReportPeriod.previous(period)
        let now = try records.pipeline(from: period.from.description, to: period.to.description, today: today.description)
        let last = try records.pipeline(from: before.from.description, to: before.to.description, today: today.description)
        say("report.title", ["period": text("date.range", ["from": dayText(period.from), "to": dayText(period.to)])])
        guard !now.isEmpty else { return say("report.empty") }
        for line in Self.reportLines(now, last, self) { self.line(line) }
        let overdue = try records.overdueAccounts(today: today.description, defaultTerms: defaultTerms, limit: 1_000)
        if overdue.isEmpty { line(text("report.overdue_none")) } else {
            line(text("report.overdue", ["count": String(overdue.count), "amount": money(overdue.map(\.amount).reduce(0, +))]))
        }
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
        return lines
    }

    /// A share as a whole percentage.
    static func percent(_ part: Int, of whole: Int) -> String {
        String(Int((Double(part) / Double(max(whole, 1)) * 100).rounded()))
    }
}
