import Foundation
import KaiquNLU
import KaiquDialogue
import KaiquStore

/// `kaiqu report [KIND] [--from DAY] [--to DAY] [--format text|csv|html] [--out FILE]`: the
/// reports of chat from the shell. KIND is monthly (the development report; pipeline is the
/// same), weekly, funnel, abc or receivables; the period is this month (this week for weekly)
/// unless given. Text is what chat says, with bars; csv is the figures for a spreadsheet, one
/// row each (with a BOM, for Excel and WPS); html is one self-contained page with every chart
/// (`ReportHTML`), whatever the kind.
struct ReportMode {
    static let kinds = ["monthly", "weekly", "funnel", "abc", "receivables", "pipeline"]

    let session: Session
    let options: Options
    let language: Language

    func run() -> ExitCode {
        guard let book = session.book else { return .cannotCreate }
        let kind = options.arguments.first ?? "monthly"
        let text: String
        do {
            switch options.format ?? .text {
            case .csv: text = "\u{FEFF}" + (try ReportCSV(book: book, period: period(kind), today: today, terms: terms).rows(kind)).map(CSV.line).joined()
            case .html: text = try html(book)
            default: text = conversation(book).report(kind, from: options.from, to: options.to).map { $0 + "\n" }.joined()
            }
        } catch {
            Output.error.line("kaiqu: " + Messages.reason(error, language))
            return .cannotCreate
        }
        return Output.deliver(text, to: options.out, language: language)
    }

    private var today: CivilDay { DialogueContext(now: session.now(), timeZone: session.timeZone).today }
    private var terms: Int { session.data.dialogue.receivableTerms }

    // The period asked for; for a weekly report without one, this week.
    private func period(_ kind: String) -> (from: CivilDay, to: CivilDay) {
        if kind == "weekly" && options.from == nil && options.to == nil { return (today.monday, today.monday.adding(days: 6)) }
        return ReportPeriod.days(from: options.from, to: options.to, today: today)
    }

    private func conversation(_ book: Book, plain: Bool = false) -> Conversation {
        var state = DialogueState()
        state.language = language
        let conversation = Conversation(session: session, book: book, dialogues: Dialogues(session.data), customers: session.customers, state: state)
        conversation.plainText = plain
        return conversation
    }

    private func html(_ book: Book) throws -> String {
        let period = self.period("monthly")
        let catalogue = session.data.catalogue
        // The summary is the development report as chat says it, less its title line.
        let summary = Array(conversation(book, plain: true).report("monthly", from: period.from.description, to: period.to.description).dropFirst())
        let figures = ReportHTML.Figures(
            title: catalogue.render("html.title", language),
            period: catalogue.render("html.period", language, ["from": period.from.description, "to": period.to.description]),
            summary: summary.flatMap { $0.split(separator: "\n").map(String.init) },
            funnel: try book.pipeline(from: period.from.description, to: period.to.description, today: today.description),
            trend: try book.trend(months: 12, today: period.to.description < today.description ? period.to.description : today.description),
            abc: ABCAnalysis.rows(try book.sales(from: period.from.description, to: period.to.description, named: 100)),
            receivables: try book.receivables(today: today.description, defaultTerms: terms, accounts: 0))
        return ReportHTML(figures: figures, catalogue: catalogue, language: language).page()
    }
}
