import Foundation
import KaiquNLU
import KaiquDialogue
import KaiquStore

/// `kaiqu report [pipeline|abc] [--from DAY] [--to DAY] [--format text|csv] [--out FILE]`: the
/// pipeline report of 本月报告, or the ABC analysis, from the shell, as chat words it (text, in
/// the language of the environment) or as figures for a spreadsheet (csv: for the pipeline a
/// metric a row, this period and the one before; for ABC a customer a row).
struct ReportMode {
    let session: Session
    let options: Options
    let language: Language

    func run() -> ExitCode {
        guard let book = session.book else { return .cannotCreate }
        let text: String
        let kind = options.arguments.first == "abc" ? "abc" : "pipeline"
        switch options.format ?? .text {
        case .csv:
            do { text = "\u{FEFF}" + (try kind == "abc" ? abcCSV(book) : csv(book)) } catch {
                Output.error.line("kaiqu: " + Messages.reason(error, language))
                return .cannotCreate
            }
        default:
            var state = DialogueState()
            state.language = language
            let conversation = Conversation(session: session, book: book, dialogues: Dialogues(session.data), customers: session.customers, state: state)
            text = conversation.report(kind, from: options.from, to: options.to).map { $0 + "\n" }.joined()
        }
        return Output.deliver(text, to: options.out, language: language)
    }

    private var today: CivilDay { DialogueContext(now: session.now(), timeZone: session.timeZone).today }

    // One row a customer: rank, what they ordered, their share, the running share, the class.
    private func abcCSV(_ book: Book) throws -> String {
        let period = ReportPeriod.days(from: options.from, to: options.to, today: today)
        let sales = try book.sales(from: period.from.description, to: period.to.description)
        var rows = [["rank", "customer", "amount", "share %", "running %", "class"]]
        for (index, row) in ABCAnalysis.rows(sales).enumerated() {
            rows.append([String(index + 1), row.sales.name, String(row.sales.amount), String(format: "%.1f", row.share * 100),
                         String(format: "%.1f", row.running * 100), row.grade])
        }
        return rows.map(CSV.line).joined()
    }

    // One row a figure: this period's and the one before (`ReportPeriod.previous`).
    private func csv(_ book: Book) throws -> String {
        let today = self.today
        let period = ReportPeriod.days(from: options.from, to: options.to, today: today)
        let before = ReportPeriod.previous(period)
        let (from, to) = period
        let now = try book.pipeline(from: from.description, to: to.description, today: today.description)
        let last = try book.pipeline(from: before.from.description, to: before.to.description, today: today.description)
        var rows: [[String]] = [["metric", "this period", "previous period"], ["from", from.description, before.from.description],
                                ["to", to.description, before.to.description]]
        rows.append(["new_customers", String(now.newCustomers), String(last.newCustomers)])
        rows.append(["visits_planned", String(now.visitsPlanned), String(last.visitsPlanned)])
        rows.append(["visits_done", String(now.visitsDone), String(last.visitsDone)])
        rows.append(["deals_won", String(now.won.count), String(last.won.count)])
        rows.append(["won_amount", String(now.won.compactMap(\.amount).reduce(0, +)), String(last.won.compactMap(\.amount).reduce(0, +))])
        rows.append(["deals_lost", String(now.lost.count), String(last.lost.count)])
        for level in 1...4 { rows.append(["level_\(level)_now", String(now.levels[level] ?? 0), ""]) }
        for step in 1...7 { rows.append(["step_\(step)_now", String(now.steps[step] ?? 0), ""]) }
        for step in 1...7 { rows.append(["reached_step_\(step)", String(now.reached[step] ?? 0), String(last.reached[step] ?? 0)]) }
        let overdue = try book.overdueAccounts(today: today.description, defaultTerms: session.data.dialogue.receivableTerms, limit: 1_000)
        rows.append(["overdue_accounts_now", String(overdue.count), ""])
        rows.append(["overdue_amount_now", String(overdue.map(\.amount).reduce(0, +)), ""])
        let kinds = (now.objections.map(\.kind) + last.objections.map(\.kind)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for kind in kinds {
            rows.append(["objection_\(kind)", String(now.objections.first { $0.kind == kind }?.count ?? 0),
                         String(last.objections.first { $0.kind == kind }?.count ?? 0)])
        }
        return rows.map(CSV.line).joined()
    }
}
