import KaiquDialogue

extension Book {
    /// The pipeline report's figures: what is now (levels, steps, where flows stall) and what
    /// happened from `from` to `to` (local days, both included). A manager's book reaches the team.
    public func pipeline(from: String, to: String, today: String) throws(StoreError) -> PipelineFigures {
        var figures = PipelineFigures()
        let live = "c.deleted_at IS NULL AND \(owned("c.owner"))"
        let period: [Database.Value] = [.text(owner), .text(from), .text(to)]
        try db.query("SELECT level, count(*) FROM customer c WHERE \(live) AND c.status != 'lost' AND level IS NOT NULL GROUP BY level",
                     [.text(owner)]) { row in figures.levels[Int(row.integer(0))] = Int(row.integer(1)) }
        try db.query("SELECT f.step, count(*) FROM flow f JOIN customer c ON c.id = f.customer_id WHERE \(live) AND c.status = 'open' GROUP BY f.step",
                     [.text(owner)]) { row in figures.steps[Int(row.integer(0))] = Int(row.integer(1)) }
        figures.newCustomers = Int(try db.integer("SELECT count(*) FROM customer c WHERE \(live) AND substr(c.created_at, 1, 10) BETWEEN ? AND ?", period))
        try db.query("""
            SELECT CASE e.kind WHEN 'started' THEN 1 ELSE e.step_to END, count(DISTINCT e.customer_id)
            FROM flow_event e JOIN customer c ON c.id = e.customer_id
            WHERE \(live) AND e.kind IN ('started', 'moved') AND substr(e.at, 1, 10) BETWEEN ? AND ? GROUP BY 1
            """, period) { row in figures.reached[Int(row.integer(0))] = Int(row.integer(1)) }
        try db.query("""
            SELECT v.status, count(*) FROM visit v JOIN customer c ON c.id = v.customer_id
            WHERE \(live) AND v.status != 'cancelled' AND v.day BETWEEN ? AND ? GROUP BY v.status
            """, period) { row in
            let count = Int(row.integer(1))
            figures.visitsPlanned += count
            if row.text(0) == "done" { figures.visitsDone += count }
        }
        try db.query("""
            SELECT c.name, e.detail FROM flow_event e JOIN customer c ON c.id = e.customer_id
            WHERE \(live) AND e.kind = 'won' AND substr(e.at, 1, 10) BETWEEN ? AND ? ORDER BY e.at, e.id
            """, period) { row in figures.won.append(.init(name: row.text(0) ?? "", amount: row.text(1).flatMap { Int($0) })) }
        // A card is dropped once, and stays lost: its last change is when.
        try db.query("""
            SELECT c.name, c.lost_reason FROM customer c
            WHERE \(live) AND c.status = 'lost' AND substr(c.updated_at, 1, 10) BETWEEN ? AND ? ORDER BY c.updated_at, c.id
            """, period) { row in figures.lost.append(.init(name: row.text(0) ?? "", reason: row.text(1))) }
        try db.query("""
            SELECT o.kind, count(*) FROM objection o JOIN customer c ON c.id = o.customer_id
            WHERE \(live) AND substr(o.raised_at, 1, 10) BETWEEN ? AND ? GROUP BY o.kind ORDER BY count(*) DESC, o.kind LIMIT 5
            """, period) { row in figures.objections.append((row.text(0) ?? "", Int(row.integer(1)))) }
        // Days at the present step: since the flow last started or moved.
        try db.query("""
            SELECT f.step, CAST(avg(julianday(?) - julianday(substr(coalesce(
                (SELECT max(e.at) FROM flow_event e WHERE e.customer_id = f.customer_id AND e.kind IN ('started', 'moved')),
                f.started_at), 1, 10))) AS INTEGER) AS days
            FROM flow f JOIN customer c ON c.id = f.customer_id
            WHERE \(live) AND c.status = 'open' AND f.step < 7 GROUP BY f.step ORDER BY days DESC, f.step LIMIT 1
            """, [.text(today), .text(owner)]) { row in figures.stall = (Int(row.integer(0)), Int(row.integer(1))) }
        return figures
    }
}
