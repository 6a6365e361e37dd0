import KaiquNLU

/// ABC 分析 (80/20): customers ranked by what they ordered over a period, each one's share and
/// the running share; A is the few who make the first 80%, B the next 15%, C the rest. Each
/// class gets the VIP policy of the method (replies `abc.policy.A` …). Not the A/B/C cards,
/// which sort customers by how soon they may sign.
public enum ABCAnalysis {
    public struct Row: Sendable, Equatable {
        public var sales: CustomerSales
        /// The customer's share of the total, and the running share down to them (0…1).
        public var share: Double
        public var running: Double
        public var grade: String
    }

    /// The customers, the most first, classed by running share: those that make the first 80%
    /// are A, up to 95% B, the rest C.
    public static func rows(_ sales: [CustomerSales]) -> [Row] {
        let total = Double(max(sales.map(\.amount).reduce(0, +), 1))
        var before = 0.0
        return sales.map { row in
            let share = Double(row.amount) / total
            let grade = before < 0.8 ? "A" : before < 0.95 ? "B" : "C"
            before += share
            return Row(sales: row, share: share, running: before, grade: grade)
        }
    }
}

extension Turn {
    mutating func abcReport(from: String?, to: String?) throws {
        let period = ReportPeriod.days(from: from, to: to, today: today)
        say("abc.title", ["period": text("date.range", ["from": dayText(period.from), "to": dayText(period.to)])])
        let sales = try records.sales(from: period.from.description, to: period.to.description, named: 30)
        guard !sales.isEmpty else { return say("abc.empty") }
        let rows = ABCAnalysis.rows(sales)
        say("abc.total", ["amount": money(sales.map(\.amount).reduce(0, +)), "count": String(sales.count)])
        for (index, row) in rows.prefix(30).enumerated() {
            line(text("abc.line", ["index": String(index + 1), "name": row.sales.name, "amount": money(row.sales.amount),
                                   "share": Self.percent(row.share), "running": Self.percent(row.running), "grade": row.grade]))
        }
        if rows.count > 30 { say("abc.more", ["count": String(rows.count - 30)]) }
        for grade in ["A", "B", "C"] {
            let members = rows.filter { $0.grade == grade }
            guard !members.isEmpty else { continue }
            say("abc.policy." + grade, ["count": String(members.count), "share": Self.percent(members.map(\.share).reduce(0, +))])
        }
    }

    static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) + "%" }
}
