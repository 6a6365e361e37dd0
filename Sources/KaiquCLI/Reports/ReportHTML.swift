import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore

/// `kaiqu report --format html`: one self-contained page a manager opens from a file or
/// forwards. Inline SVG and CSS only, nothing fetched, no script. It holds the development
/// report's lines, the funnel by level and by step, the monthly trend of the last 12 months,
/// the ABC Pareto curve and the receivables by age. Written as well-formed XHTML, so a test
/// can parse it.
struct ReportHTML {
    /// What the page shows, gathered from the store and the dialogue.
    struct Figures {
        var title: String
        var period: String
        /// The development report's lines, as chat says them (plain, no bars).
        var summary: [String]
        var funnel: PipelineFigures
        var trend: [MonthFigures]
        var abc: [ABCAnalysis.Row]
        var receivables: ReceivableFigures
    }

    let figures: Figures
    let catalogue: ReplyCatalogue
    let language: Language

    private func text(_ key: String, _ parameters: ReplyParameters = [:]) -> String { catalogue.render(key, language, parameters) }
    private func money(_ yuan: Int) -> String { catalogue.money(yuan, language) }

    func page() -> String {
        let lang = switch language { case .en: "en"; case .zhHant: "zh-Hant"; default: "zh-Hans" }
        var body = "<h1>\(Self.escape(figures.title))</h1>\n<p class=\"period\">\(Self.escape(figures.period))</p>\n"
        body += section("summary", text("html.summary"), "<ul>\n" + figures.summary.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n")
        body += section("funnel", text("html.funnel"), funnelChart())
        body += section("trend", text("html.trend"), trendChart())
        body += section("abc", text("html.abc"), paretoChart())
        body += section("receivables", text("html.receivables"), receivablesTable())
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(lang)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(Self.escape(figures.title + " " + figures.period))</title>
            <style>
            body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
            h1 { margin-bottom: 0; } .period { color: #666; margin-top: .2em; }
            section { margin: 2em 0; } table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3em .6em; text-align: right; }
            td:first-child, th:first-child { text-align: left; } svg { max-width: 100%; height: auto; } svg text { font-size: 12px; fill: #333; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(Self.escape(heading))</h2>\n\(content)</section>\n"
    }

    // The funnel: one centred bar a level (at that level or better), then one a step.
    private func funnelChart() -> String {
        var rows: [(String, Int)] = []
        for level in (1...4).reversed() {
            rows.append((text("level.\(level)"), (1...level).reduce(0) { $0 + (figures.funnel.levels[$1] ?? 0) }))
        }
        var out = centredBars(rows, id: "funnel-levels", color: "#2f6db5")
        let steps = (1...7).map { step in
            (step == 7 ? text("step.7") : text("funnel.step", ["step": String(step), "name": text("step.\(step)")]), figures.funnel.reached[step] ?? 0)
        }
        if steps.contains(where: { $0.1 > 0 }) {
            out += "<h3>\(Self.escape(text("html.funnel_steps")))</h3>\n" + centredBars(steps, id: "funnel-steps", color: "#3a9a6a")
        }
        return out
    }

    private func centredBars(_ rows: [(String, Int)], id: String, color: String) -> String {
        let width = 640, rowHeight = 30, label = 170
        let largest = max(rows.map(\.1).max() ?? 0, 1)
        var svg = "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(rows.count * rowHeight + 10)\" viewBox=\"0 0 \(width) \(rows.count * rowHeight + 10)\" role=\"img\">\n"
        let room = Double(width - label - 60)
        for (index, row) in rows.enumerated() {
            let w = max(Double(row.1) / Double(largest) * room, row.1 > 0 ? 2 : 0)
            let x = Double(label) + (room - w) / 2, y = index * rowHeight + 5
            svg += "<text x=\"0\" y=\"\(y + 19)\">\(Self.escape(row.0))</text>"
            svg += "<rect x=\"\(Self.number(x))\" y=\"\(y)\" width=\"\(Self.number(w))\" height=\"\(rowHeight - 6)\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(width - 50)\" y=\"\(y + 19)\">\(row.1)</text>\n"
        }
        return svg + "</svg>\n"
    }

    // Orders and payments a month, side by side, with the figures in a table below.
    private func trendChart() -> String {
        let months = figures.trend
        guard !months.isEmpty else { return "" }
        let width = 640, height = 220, left = 60, bottom = 30
        let largest = max(months.map { max($0.ordered, $0.paid) }.max() ?? 0, 1)
        let slot = Double(width - left) / Double(months.count)
        var svg = "<svg id=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">\n"
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#999\"/>\n"
        svg += "<text x=\"0\" y=\"14\">\(Self.escape(money(largest)))</text>\n"
        for (index, month) in months.enumerated() {
            let x = Double(left) + Double(index) * slot
            for (offset, value, color) in [(0.15, month.ordered, "#2f6db5"), (0.5, month.paid, "#e39b2d")] {
                let h = Double(value) / Double(largest) * Double(height - bottom - 20)
                svg += "<rect x=\"\(Self.number(x + slot * offset))\" y=\"\(Self.number(Double(height - bottom) - h))\" width=\"\(Self.number(slot * 0.35))\" height=\"\(Self.number(h))\" fill=\"\(color)\"/>"
            }
            svg += "<text x=\"\(Self.number(x + slot * 0.1))\" y=\"\(height - 10)\">\(month.month.suffix(2))</text>\n"
        }
        svg += "<rect x=\"\(left)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#2f6db5\"/><text x=\"\(left + 14)\" y=\"14\">\(Self.escape(text("html.ordered")))</text>"
        svg += "<rect x=\"\(left + 110)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#e39b2d\"/><text x=\"\(left + 124)\" y=\"14\">\(Self.escape(text("html.paid")))</text>\n"
        svg += "</svg>\n"
        var table = "<table id=\"trend-table\">\n<tr><th>\(Self.escape(text("html.month")))</th><th>\(Self.escape(text("html.ordered")))</th><th>\(Self.escape(text("html.paid")))</th><th>\(Self.escape(text("html.new")))</th><th>\(Self.escape(text("html.won")))</th></tr>\n"
        for month in months {
            table += "<tr><td>\(month.month)</td><td>\(month.ordered)</td><td>\(month.paid)</td><td>\(month.newCustomers)</td><td>\(month.won)</td></tr>\n"
        }
        return svg + table + "</table>\n"
    }

    // The Pareto curve: each customer's orders as a bar, the most first, the running share as
    // a line, and the 80% and 95% marks that part A, B and C.
    private func paretoChart() -> String {
        let rows = figures.abc
        guard !rows.isEmpty else { return "<p>\(Self.escape(text("abc.empty")))</p>\n" }
        let shown = Array(rows.prefix(40))
        let width = 640, height = 240, left = 40, bottom = 20, top = 10
        let plot = Double(height - bottom - top)
        let slot = Double(width - left - 40) / Double(shown.count)
        let largest = Double(max(shown.first?.sales.amount ?? 1, 1))
        var svg = "<svg id=\"pareto\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">\n"
        for mark in [0.8, 0.95] {
            let y = Double(top) + plot * (1 - mark)
            svg += "<line x1=\"\(left)\" y1=\"\(Self.number(y))\" x2=\"\(width - 40)\" y2=\"\(Self.number(y))\" stroke=\"#c33\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(width - 36)\" y=\"\(Self.number(y + 4))\">\(Int(mark * 100))%</text>\n"
        }
        var points: [String] = []
        for (index, row) in shown.enumerated() {
            let x = Double(left) + Double(index) * slot
            let h = Double(row.sales.amount) / largest * plot
            let color = row.grade == "A" ? "#2f6db5" : row.grade == "B" ? "#7fa8d8" : "#c9d6e6"
            svg += "<rect x=\"\(Self.number(x + slot * 0.1))\" y=\"\(Self.number(Double(top) + plot - h))\" width=\"\(Self.number(slot * 0.8))\" height=\"\(Self.number(h))\" fill=\"\(color)\"><title>\(Self.escape(row.sales.name))</title></rect>\n"
            points.append("\(Self.number(x + slot / 2)),\(Self.number(Double(top) + plot * (1 - row.running)))")
        }
        svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#c33\" stroke-width=\"2\"/>\n</svg>\n"
        var table = "<table id=\"abc-table\">\n<tr><th>#</th><th>\(Self.escape(text("html.customer")))</th><th>\(Self.escape(text("html.ordered")))</th><th>%</th><th>\(Self.escape(text("html.running")))</th><th>ABC</th></tr>\n"
        for (index, row) in rows.prefix(100).enumerated() {
            table += "<tr><td>\(index + 1)</td><td>\(Self.escape(row.sales.name))</td><td>\(row.sales.amount)</td>"
                + "<td>\(String(format: "%.1f", row.share * 100))</td><td>\(String(format: "%.1f", row.running * 100))</td><td>\(row.grade)</td></tr>\n"
        }
        return svg + table + "</table>\n"
    }

    private func receivablesTable() -> String {
        let r = figures.receivables
        var table = "<table id=\"receivables-table\">\n"
        table += "<tr><td>\(Self.escape(text("html.balance")))</td><td>\(r.balance)</td></tr>\n"
        table += "<tr><td>\(Self.escape(text("html.not_due")))</td><td>\(r.notDue)</td></tr>\n"
        for (index, bucket) in ["0-30", "31-60", "61-90", "90+"].enumerated() {
            table += "<tr><td>\(Self.escape(text("receivables.age.\(bucket)")))</td><td>\(r.buckets[index])</td></tr>\n"
        }
        for (cause, amount) in r.byCause.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            let name = cause.isEmpty ? text("receivables.no_cause") : text("cause.\(cause)")
            table += "<tr><td>\(Self.escape(text("html.cause", ["cause": name])))</td><td>\(amount)</td></tr>\n"
        }
        return table + "</table>\n"
    }

    /// Text as XML character data or an attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Control characters are not allowed in XML at all.
            case _ where c.value < 0x20 && c != "\n" && c != "\t": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
