import KaiquNLU

/// 销售漏斗 (连环漏斗): the customers by level now (四级 → 三级 → 二级 → 一级, each counting those
/// at that level or better), the flows that reached each step in the period against the
/// period before, the share that went on from each stage to the next, and where customers
/// stall longest. In a terminal the counts are bars; in a messaging app, plain lines.
extension Turn {
    mutating func funnelReport(from: String?, to: String?) throws {
        let (period, now, last) = try comparedPipeline(from: from, to: to)
        say("funnel.title", ["period": period])
        guard !now.levels.isEmpty || !now.reached.isEmpty || !now.steps.isEmpty else { return say("report.empty") }
        for line in Self.funnelLines(now, last, self, plain: context.plainText) { self.line(line) }
    }

    /// The funnel's lines, in the turn's language: what `kaiqu report funnel` prints as well.
    static func funnelLines(_ now: PipelineFigures, _ last: PipelineFigures, _ turn: Turn, plain: Bool) -> [String] {
        var lines: [String] = []
        if !now.levels.isEmpty {
            lines.append(turn.text("funnel.levels"))
            var rows: [(label: String, value: Int, note: String)] = []
            var wider: Int?
            for level in (1...4).reversed() {
                let reach = (1...level).reduce(0) { $0 + (now.levels[$1] ?? 0) }
                let note = wider.map { turn.text("funnel.rate", ["value": String(reach), "rate": percent(reach, of: $0)]) } ?? String(reach)
                rows.append((turn.text(level == 4 ? "funnel.level_all" : "funnel.level_reach", ["level": turn.text("level.\(level)")]), reach,
                             note))
                wider = reach
            }
            lines += plain ? rows.map { "· \($0.label) \($0.note)" } : Bars.lines(rows)
        }
        let steps = (1...7).filter { now.reached[$0] != nil || last.reached[$0] != nil }
        if !steps.isEmpty {
            lines.append(turn.text("funnel.steps"))
            var rows: [(label: String, value: Int, note: String)] = []
            for step in 1...7 where step <= (steps.last ?? 0) {
                let count = now.reached[step] ?? 0
                var note = String(count)
                if step > 1, let earlier = now.reached[step - 1], earlier > 0 { note = turn.text("funnel.rate", ["value": note, "rate": percent(count, of: earlier)]) }
                note += turn.text("funnel.before", ["count": String(last.reached[step] ?? 0)])
                rows.append((step == 7 ? turn.stepName(7) : turn.text("funnel.step", ["step": String(step), "name": turn.text("step.\(step)")]),
                             count, note))
            }
            lines += plain ? rows.map { "· \($0.label) \($0.note)" } : Bars.lines(rows)
        }
        if !now.steps.isEmpty {
            let parts = (1...7).compactMap { step in
                now.steps[step].map { turn.text(step == 7 ? "report.maintenance_part" : "report.step_part", ["step": String(step), "count": String($0)]) }
            }
            lines.append(turn.text("report.steps", ["steps": parts.joined(separator: " · ")]))
        }
        let stalls = now.stalls.filter { $0.value > 0 }.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
        if !stalls.isEmpty {
            let parts = stalls.prefix(3).map { turn.text("funnel.stall_part", ["step": String($0.key), "name": turn.text("step.\($0.key)"), "days": String($0.value)]) }
            lines.append(turn.text("funnel.stalls", ["list": parts.joined(separator: "；")]))
        }
        return lines
    }
}
