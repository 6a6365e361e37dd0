import KaiquDialogue

extension Book {
    public func flow(of customer: CustomerID) throws(StoreError) -> FlowState? {
        var flow: FlowState?
        try db.query(written("flow") {
            """
            SELECT f.step, f.ticked, f.refusal_about, f.refusal_form, f.started_at, f.updated_at
            FROM flow f JOIN customer c ON c.id = f.customer_id WHERE f.customer_id = ? AND \(owned("c.owner"))
            """
        }, [.integer(customer), .text(owner)]) { row in
            var state = FlowState(customer: customer, step: Int(row.integer(0)),
                                  ticked: Set((row.text(1) ?? "").split(separator: ",").map(String.init)),
                                  startedAt: row.text(4) ?? "", updatedAt: row.text(5) ?? "")
            state.refusalAbout = row.text(2)
            state.refusalForm = row.text(3)
            flow = state
        }
        guard var found = flow else { return nil }
        try db.query("SELECT id, kind, said, raised_at, resolved_at FROM objection WHERE customer_id = ? ORDER BY id", [.integer(customer)]) { row in
            found.objections.append(RaisedObjection(id: row.integer(0), kind: row.text(1) ?? "", said: row.text(2),
                                                    raisedAt: row.text(3) ?? "", resolvedAt: row.text(4)))
        }
        try db.query("SELECT at, kind, step_from, step_to, detail FROM flow_event WHERE customer_id = ? ORDER BY id DESC LIMIT 20",
                     [.integer(customer)]) { row in
            guard let kind = row.text(1).flatMap(FlowEvent.Kind.init(rawValue:)) else { return }
            found.history.append(FlowEvent(at: row.text(0) ?? "", kind: kind, from: row.optionalInteger(2), to: row.optionalInteger(3), detail: row.text(4)))
        }
        return found
    }

    /// Applies flow changes to a customer already journalled whole.
    func write(_ changes: [FlowChange], for customer: CustomerID, at stamp: String, journal: inout Journal) throws(StoreError) {
        guard !changes.isEmpty else { return }
        var step = try db.text("SELECT step FROM flow WHERE customer_id = ?", [.integer(customer)]).flatMap { Int($0) }
        func event(_ kind: FlowEvent.Kind, from: Int? = nil, to: Int? = nil, _ detail: String? = nil) throws(StoreError) {
            try db.query("INSERT INTO flow_event(customer_id, at, kind, step_from, step_to, detail) VALUES (?, ?, ?, ?, ?, ?)",
                         [.integer(customer), .text(stamp), .text(kind.rawValue), .optional(from), .optional(to), .optional(detail)])
            try journal.record(.event, db.lastInsertRowID, before: nil)
        }
        func ensure(_ first: Int) throws(StoreError) {
            guard step == nil else { return }
            try db.query("INSERT INTO flow(customer_id, step, started_at, updated_at) VALUES (?, ?, ?, ?)",
                         [.integer(customer), .integer(Int64(first)), .text(stamp), .text(stamp)])
            try event(.started, to: first)
            step = first
        }
        for change in changes {
            switch change {
            case .start(let first):
                try ensure(first)
            case .move(let to, let insisted):
                try ensure(to)
                guard step != to else { continue }
                try db.query("UPDATE flow SET step = ? WHERE customer_id = ?", [.integer(Int64(to)), .integer(customer)])
                try event(.moved, from: step, to: to, insisted ? "insisted" : nil)
                step = to
            case .tick(let items):
                try ensure(1)
                var ticked = Set((try db.text("SELECT ticked FROM flow WHERE customer_id = ?", [.integer(customer)]) ?? "").split(separator: ",").map(String.init))
                ticked.formUnion(items)
                try db.query("UPDATE flow SET ticked = ? WHERE customer_id = ?", [.text(ticked.sorted().joined(separator: ",")), .integer(customer)])
            case .refusal(let about, let form):
                try ensure(3)
                try db.query("UPDATE flow SET refusal_about = coalesce(?, refusal_about), refusal_form = coalesce(?, refusal_form) WHERE customer_id = ?",
                             [.optional(about), .optional(form), .integer(customer)])
                try event(.refusal, [about, form].compactMap { $0 }.joined(separator: ","))
            case .objection(let kind, let said):
                try ensure(5)
                try db.query("INSERT INTO objection(customer_id, kind, said, raised_at) VALUES (?, ?, ?, ?)",
                             [.integer(customer), .text(kind), .optional(said), .text(stamp)])
                try journal.record(.objection, db.lastInsertRowID, before: nil)
                try event(.objection, kind)
            case .resolveObjections:
                try journal.snapshot(openObjectionsOf: customer)
                try db.query("UPDATE objection SET resolved_at = ? WHERE customer_id = ? AND resolved_at IS NULL", [.text(stamp), .integer(customer)])
                try event(.resolved)
            case .signal(let kind, let said):
                try ensure(1)
                try event(.signal, kind + ":" + said)
            }
        }
        try db.query("UPDATE flow SET updated_at = ? WHERE customer_id = ?", [.text(stamp), .integer(customer)])
    }

    /// Signed: level 1, the amount, no card, the flow on to maintenance.
    func won(_ customer: CustomerID, amount: Int?, at stamp: String, journal: inout Journal) throws(StoreError) {
        try journal.snapshot(customer: customer)
        try update(customer, [.status(.won), .level(1, byRep: false), .card(nil, byRep: false), .dealAmount(amount)], at: stamp)
        try write([.move(to: FlowState.maintenance, insisted: false)], for: customer, at: stamp, journal: &journal)
        try db.query("INSERT INTO flow_event(customer_id, at, kind, detail) VALUES (?, ?, 'won', ?)", [.integer(customer), .text(stamp), .optional(amount.map(String.init))])
        try journal.record(.event, db.lastInsertRowID, before: nil)
    }

    /// Dropped: the reason, level 4, no card; lost customers have no due day.
    func lost(_ customer: CustomerID, reason: String, at stamp: String, journal: inout Journal) throws(StoreError) {
        try journal.snapshot(customer: customer)
        try update(customer, [.status(.lost), .level(4, byRep: false), .card(nil, byRep: false), .lostReason(reason)], at: stamp)
        if try db.text("SELECT step FROM flow WHERE customer_id = ?", [.integer(customer)]) != nil {
            try db.query("INSERT INTO flow_event(customer_id, at, kind, detail) VALUES (?, ?, 'lost', ?)", [.integer(customer), .text(stamp), .text(reason)])
            try journal.record(.event, db.lastInsertRowID, before: nil)
        }
    }
}
