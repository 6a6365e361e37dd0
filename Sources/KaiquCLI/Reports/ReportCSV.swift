import KaiquDialogue
import KaiquNLU
import KaiquStore

/// The figures of a report as spreadsheet rows, the header first: for the development
/// report (monthly, weekly) and the funnel, a figure a row, this period and the one before;
/// for ABC a customer a row; for receivables a line of the balance a row.
struct ReportCSV {
    let book: Book
    let period: (from: CivilDay, to: CivilDay)
    let today: CivilDay
    /// The policy's payment terms, for customers without their own.
    let terms: Int

    func rows(_ kind: String) throws -> [[String]] {
        switch kind {
        case "abc": try abc()
        case "funnel": try funnel()
        case "receivables": try receivables()
        default: try development()
        }
    }

    private func figures() throws -> (now: PipelineFigures, last: PipelineFigures, before: (from: CivilDay, to: CivilDay)) {
        let before = ReportPeriod.previous(period)
        let now = try book.pipeline(from: period.from.description, to: period.to.description, today: today.description)
        let last = try book.pipeline(from: before.from.description, to: before.to.description, today: today.description, current: false)
        return (now, last, before)
    }

    private func header(_ before: (from: CivilDay, to: CivilDay)) -> [[String]] {
        [["metric", "this period", "previous period"], ["from", period.from.description, before.from.description],
         ["to", period.to.description, before.to.description]]
    }

    private func development() throws -> [[String]] {
        let (now, last, before) = try figures()
        var rows = header(before)
        rows.append(["new_customers", String(now.newCustomers), String(last.newCustomers)])
        rows.append(["visits_planned", String(now.visitsPlanned), String(last.visitsPlanned)])
        rows.append(["visits_done", String(now.visitsDone), String(last.visitsDone)])
        rows.append(["deals_won", String(now.won.count), String(last.won.count)])
        rows.append(["won_amount", String(now.won.compactMap(\.amount).reduce(0, +)), String(last.won.compactMap(\.amount).reduce(0, +))])
        rows.append(["deals_lost", String(now.lost.count), String(last.lost.count)])
        for deal in now.lost { rows.append(["lost_reason", deal.name, deal.reason ?? ""]) }
        for level in 1...4 { rows.append(["level_\(level)_now", String(now.levels[level] ?? 0), ""]) }
        for step in 1...7 { rows.append(["step_\(step)_now", String(now.steps[step] ?? 0), ""]) }
        for step in 1...7 { rows.append(["reached_step_\(step)", String(now.reached[step] ?? 0), String(last.reached[step] ?? 0)]) }
        let owed = try book.receivables(today: today.description, defaultTerms: terms, accounts: 0)
        rows.append(["overdue_accounts_now", String(owed.overdueCustomers), ""])
        rows.append(["overdue_amount_now", String(owed.overdue), ""])
        let kinds = (now.objections.map(\.kind) + last.objections.map(\.kind)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for kind in kinds {
            rows.append(["objection_\(kind)", String(now.objections.first { $0.kind == kind }?.count ?? 0),
                         String(last.objections.first { $0.kind == kind }?.count ?? 0)])
        }
        for rep in now.reps {
            rows.append(["rep", rep.name, ""])
            rows += [("rep_new_customers", rep.newCustomers), ("rep_visits_planned", rep.visitsPlanned), ("rep_visits_done", rep.visitsDone),
                     ("rep_deals_won", rep.won), ("rep_won_amount", rep.wonAmount), ("rep_ordered", rep.ordered)].map { [$0.0, String($0.1), ""] }
        }
        return rows
    }

    // Levels as reached (that level or better), steps reached in each period, the share that
    // went on from the stage before, and the days customers sit at each step now.
    private func funnel() throws -> [[String]] {
        let (now, last, before) = try figures()
        var rows = header(before)
        var wider: Int?
        for level in (1...4).reversed() {
            let reach = (1...level).reduce(0) { $0 + (now.levels[$1] ?? 0) }
            rows.append(["level_\(level)_or_better", String(reach), ""])
            if let wider { rows.append(["level_\(level)_rate_%", Share.percent(reach, of: wider), ""]) }
            wider = reach
        }
        for step in 1...7 {
            rows.append(["reached_step_\(step)", String(now.reached[step] ?? 0), String(last.reached[step] ?? 0)])
            if step > 1 {
                let rate = { (f: PipelineFigures) in (f.reached[step - 1] ?? 0) > 0 ? Share.percent(f.reached[step] ?? 0, of: f.reached[step - 1]!) : "" }
                rows.append(["step_\(step)_rate_%", rate(now), rate(last)])
            }
        }
        for step in 1...6 { rows.append(["days_at_step_\(step)", now.stalls[step].map(String.init) ?? "", ""]) }
        return rows
    }

    private func abc() throws -> [[String]] {
        let sales = try book.sales(from: period.from.description, to: period.to.description, named: nil)
        var rows = [["rank", "customer", "amount", "share %", "running %", "class"]]
        for (index, row) in ABCAnalysis.rows(sales).enumerated() {
            rows.append([String(index + 1), row.sales.name, String(row.sales.amount), String(format: "%.1f", row.share * 100),
                         String(format: "%.1f", row.running * 100), row.grade])
        }
        return rows
    }

    private func receivables() throws -> [[String]] {
        let r = try book.receivables(today: today.description, defaultTerms: terms, accounts: nil)
        var rows = [["item", "amount", "customers"], ["as_of", today.description, ""], ["balance", String(r.balance), String(r.owing)],
                    ["not_due", String(r.notDue), ""], ["overdue", String(r.overdue), String(r.overdueCustomers)]]
        for (index, bucket) in ["0-30", "31-60", "61-90", "90+"].enumerated() { rows.append(["overdue_days_\(bucket)", String(r.buckets[index]), ""]) }
        for (cause, amount) in r.byCause.sorted(by: { $0.key < $1.key }) { rows.append(["cause_\(cause.isEmpty ? "none" : cause)", String(amount), ""]) }
        for account in r.accounts {
            rows.append(["overdue_customer", String(account.amount), account.name, String(account.days), account.cause?.id ?? ""])
        }
        return rows
    }
}
