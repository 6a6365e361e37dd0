import KaiquNLU

/// 应收账款报告 (账龄): what is owed now, the part overdue by age (0–30, 31–60, 61–90, over 90
/// days past due) and by the cause recorded, then the accounts overdue longest.
extension Turn {
    mutating func receivablesReport() throws {
        let figures = try records.receivables(today: today.description, defaultTerms: defaultTerms, accounts: 5)
        say("receivables.title", ["day": dayText(today)])
        guard figures.balance > 0 else { return say("receivables.none") }
        for line in Self.receivableLines(figures, self, plain: context.plainText) { self.line(line) }
        if !figures.accounts.isEmpty {
            say("receivables.oldest")
            for (index, account) in figures.accounts.prefix(5).enumerated() { line(overdueLine(index + 1, account)) }
        }
    }

    /// The report's figures in lines: what `kaiqu report receivables` prints as well.
    static func receivableLines(_ figures: ReceivableFigures, _ turn: Turn, plain: Bool) -> [String] {
        var lines = [turn.text("receivables.total", ["balance": turn.money(figures.balance), "owing": String(figures.owing),
                                                     "not_due": turn.money(figures.notDue), "overdue": turn.money(figures.overdue),
                                                     "late": String(figures.overdueCustomers)])]
        guard figures.overdue > 0 else { return lines }
        lines.append(turn.text("receivables.by_age"))
        let ages = ["0-30", "31-60", "61-90", "90+"].enumerated().map { index, bucket in
            (label: turn.text("receivables.age.\(bucket)"), value: figures.buckets[index],
             note: turn.text("funnel.rate", ["value": turn.money(figures.buckets[index]), "rate": percent(figures.buckets[index], of: figures.overdue)]))
        }
        lines += plain ? ages.map { "· \($0.label) \($0.note)" } : Bars.lines(ages)
        lines.append(turn.text("receivables.by_cause"))
        let causes = figures.byCause.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { cause, amount in
            (label: cause.isEmpty ? turn.text("receivables.no_cause") : turn.text("cause.\(cause)"), value: amount,
             note: turn.text("funnel.rate", ["value": turn.money(amount), "rate": percent(amount, of: figures.overdue)]))
        }
        lines += plain ? causes.map { "· \($0.label) \($0.note)" } : Bars.lines(causes)
        return lines
    }
}
