import Foundation
import KaiquDialogue
import KaiquNLU

extension Book {
    /// The pipeline report's figures: what is now (levels, steps, where flows stall) and what
    /// happened from `from` to `to` (local days, both included). A manager's book reaches the team.
    public func pipeline(from: String, to: String, today: String, current: Bool = true) throws(StoreError) -> PipelineFigures {
        var figures = PipelineFigures()
        let live = "c.deleted_at IS NULL AND \(owned("c.owner"))"
        // Stamps (`YYYY-MM-DDTHH:MM`) of the period: from its first day to before the day after.
        let stamps: [Database.Value] = [.text(owner), .text(from), .text(Self.dayAfter(to))]
        // Each query reads from the table its condition narrows (CROSS JOIN keeps that order),
        // by the indexes of schema step 7.
        // What is now (levels, steps, where flows stall) is read for the current period only: a
        // report's period before it would read the same (100,000 cards: 25 ms).
        if current {
            try db.query("SELECT level, count(*) FROM customer c WHERE \(live) AND c.status != 'lost' AND level IS NOT NULL GROUP BY level",
                         [.text(owner)]) { row in figures.levels[Int(row.integer(0))] = Int(row.integer(1)) }
            try db.query("SELECT f.step, count(*) FROM flow f CROSS JOIN customer c ON c.id = f.customer_id WHERE \(live) AND c.status = 'open' GROUP BY f.step",
                         [.text(owner)]) { row in figures.steps[Int(row.integer(0))] = Int(row.integer(1)) }
        }
        figures.newCustomers = Int(try db.integer("SELECT count(*) FROM customer c WHERE \(live) AND c.created_at >= ? AND c.created_at < ?", stamps))
        try db.query("""
            SELECT CASE e.kind WHEN 'started' THEN 1 ELSE e.step_to END, count(DISTINCT e.customer_id)
            FROM flow_event e CROSS JOIN customer c ON c.id = e.customer_id
            WHERE \(live) AND e.kind IN ('started', 'moved') AND e.at >= ? AND e.at < ? GROUP BY 1
            """, stamps) { row in figures.reached[Int(row.integer(0))] = Int(row.integer(1)) }
        // Visits in person by the day they are for, from the totals (schema step 10).
        try db.query("""
            SELECT what, sum(count) FROM tally WHERE \(owned("owner")) AND what IN ('visit.planned', 'visit.done') AND day BETWEEN ? AND ? GROUP BY what
            """, [.text(owner), .text(from), .text(to)]) { row in
            let count = Int(row.integer(1))
            figures.visitsPlanned += count
            if row.text(0) == "visit.done" { figures.visitsDone += count }
        }
        try db.query("""
            SELECT c.name, e.detail FROM flow_event e CROSS JOIN customer c ON c.id = e.customer_id
            WHERE \(live) AND e.kind = 'won' AND e.at >= ? AND e.at < ? ORDER BY e.at, e.id
            """, stamps) { row in figures.won.append(.init(name: row.text(0) ?? "", amount: row.text(1).flatMap { Int($0) })) }
        // A card is dropped once, and stays lost: its last change is when.
        try db.query("""
            SELECT c.name, c.lost_reason FROM customer c
            WHERE \(live) AND c.status = 'lost' AND c.updated_at >= ? AND c.updated_at < ? ORDER BY c.updated_at, c.id
            """, stamps) { row in figures.lost.append(.init(name: row.text(0) ?? "", reason: row.text(1))) }
        try db.query("""
            SELECT o.kind, count(*) FROM objection o CROSS JOIN customer c ON c.id = o.customer_id
            WHERE \(live) AND o.raised_at >= ? AND o.raised_at < ? GROUP BY o.kind ORDER BY count(*) DESC, o.kind LIMIT 5
            """, stamps) { row in figures.objections.append((row.text(0) ?? "", Int(row.integer(1)))) }
        // Days at the present step: since the flow last started or moved.
        if current { try db.query("""
            SELECT f.step, CAST(avg(julianday(?) - julianday(substr(coalesce(
                (SELECT max(e.at) FROM flow_event e WHERE e.customer_id = f.customer_id AND e.kind IN ('started', 'moved')),
                f.started_at), 1, 10))) AS INTEGER) AS days
            FROM flow f CROSS JOIN customer c ON c.id = f.customer_id
            WHERE \(live) AND c.status = 'open' AND f.step < 7 GROUP BY f.step
            """, [.text(today), .text(owner)]) { row in figures.stalls[Int(row.integer(0))] = Int(row.integer(1)) } }
        if seesTeam { figures.reps = try reps(from: from, to: to) }
        return figures
    }

    // A manager's team, a rep a line: what each did in the period.
    private func reps(from: String, to: String) throws(StoreError) -> [RepFigures] {
        var reps: [String: RepFigures] = [:]
        var order: [String] = []
        try db.query("SELECT u.id, u.name FROM team_member t JOIN user u ON u.id = t.member WHERE t.viewer = ? ORDER BY u.name, u.id", [.text(owner)]) { row in
            let id = row.text(0) ?? ""
            order.append(id)
            reps[id] = RepFigures(name: row.text(1) ?? id)
        }
        let period: [Database.Value] = [.text(owner), .text(from), .text(to)]
        let live = "c.deleted_at IS NULL AND \(owned("c.owner"))"
        try db.query("""
            SELECT owner, what, sum(count), sum(amount) FROM tally
            WHERE \(owned("owner")) AND what IN ('new', 'visit.planned', 'visit.done', 'order') AND day BETWEEN ? AND ? GROUP BY owner, what
            """, period) { row in
            let id = row.text(0) ?? "", count = Int(row.integer(2))
            switch row.text(1) {
            case "new": reps[id]?.newCustomers = count
            case "visit.done":
                reps[id]?.visitsPlanned += count
                reps[id]?.visitsDone = count
            case "visit.planned": reps[id]?.visitsPlanned += count
            default: reps[id]?.ordered = Int(row.integer(3))
            }
        }
        try db.query("""
            SELECT c.owner, count(*), sum(coalesce(CAST(e.detail AS INTEGER), 0)) FROM flow_event e JOIN customer c ON c.id = e.customer_id
            WHERE \(live) AND e.kind = 'won' AND substr(e.at, 1, 10) BETWEEN ? AND ? GROUP BY c.owner
            """, period) { row in
            reps[row.text(0) ?? ""]?.won = Int(row.integer(1))
            reps[row.text(0) ?? ""]?.wonAmount = Int(row.integer(2))
        }
        return order.compactMap { reps[$0] }
    }

    /// Month by month, the `months` up to `today`'s: orders, payments, new cards and deals won.
    public func trend(months: Int, today: String) throws(StoreError) -> [MonthFigures] {
        guard let day = CivilDay.iso(today) else { return [] }
        var keys: [String] = []
        var (year, month) = (day.year, day.month)
        for _ in 0..<months {
            keys.insert(String(format: "%04d-%02d", year, month), at: 0)
            (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
        }
        var figures = Dictionary(uniqueKeysWithValues: keys.map { ($0, MonthFigures(month: $0)) })
        let range: [Database.Value] = [.text(owner), .text(keys[0] + "-01"), .text(today)]
        let live = "c.deleted_at IS NULL AND \(owned("c.owner"))"
        try db.query("""
            SELECT substr(day, 1, 7), what, sum(count), sum(amount) FROM tally
            WHERE \(owned("owner", "?1")) AND what IN ('order', 'payment', 'new') AND day BETWEEN ?2 AND ?3 GROUP BY 1, 2
            """, range) { row in
            let key = row.text(0) ?? ""
            switch row.text(1) {
            case "order": figures[key]?.ordered = Int(row.integer(3))
            case "payment": figures[key]?.paid = Int(row.integer(3))
            default: figures[key]?.newCustomers = Int(row.integer(2))
            }
        }
        try db.query("""
            SELECT substr(e.at, 1, 7), count(*) FROM flow_event e JOIN customer c ON c.id = e.customer_id
            WHERE \(live) AND e.kind = 'won' AND substr(e.at, 1, 10) BETWEEN ? AND ? GROUP BY 1
            """, range) { row in figures[row.text(0) ?? ""]?.won = Int(row.integer(1)) }
        return keys.compactMap { figures[$0] }
    }

    // The day after `day` (`YYYY-MM-DD`), the end a period's stamps stay below.
    static func dayAfter(_ day: String) -> String { CivilDay.iso(day)?.adding(days: 1).description ?? day + "~" }
}
