import KaiquDialogue

/// The undo record of one change: which rows it touched and what they held before, as JSON
/// that SQLite itself writes and reads back (`json_object`, `json_extract`). A row with no
/// "before" was created by the change, so undo removes it.
///
/// A customer is journalled as its row with its phones, its profile and its flow row: a few
/// hundred bytes that do not grow with its history. What grows (notes, flow events,
/// objections) is journalled by the rows a change adds, and resolving objections by their ids.
/// Each rep's journal keeps the newest `kept` entries: undo goes that far back; older ones are
/// retired and deleted a few hundred rows a change.
struct Journal {
    let book: Book
    let kind: String
    let at: String
    /// Whom the change was about, for "已撤销：添加客户 孙丽".
    var subject = ""
    private var rows: [(kind: RowKind, id: Int64, before: String?)] = []
    // Which rows are journalled already: an import journals thousands, so not a scan of `rows`.
    private var seen: Set<RowKey> = []

    private struct RowKey: Hashable {
        let kind: RowKind
        let id: Int64
    }

    enum RowKind: String { case customer, visit, note, event, objection, resolved, sale }

    /// How many changes each rep can undo; older entries are dropped as new ones come.
    static let kept = 100

    init(book: Book, kind: String, at: String) {
        self.book = book
        self.kind = kind
        self.at = at
    }

    private var db: Database { book.db }

    mutating func record(_ kind: RowKind, _ id: Int64, before: String?) throws(StoreError) {
        guard seen.insert(RowKey(kind: kind, id: id)).inserted else { return }
        rows.append((kind, id, before))
    }

    /// Keeps a customer as it is now, before the change touches it.
    mutating func snapshot(customer id: CustomerID) throws(StoreError) {
        guard !seen.contains(RowKey(kind: .customer, id: id)) else { return }
        let sql = try book.store.statement("snapshot customer", seesTeam: book.seesTeam) { () throws(StoreError) in
            let object = try book.store.columns(of: "customer").map { "'\($0)', \($0)" }.joined(separator: ", ")
            let flow = try book.store.columns(of: "flow").map { "'\($0)', \($0)" }.joined(separator: ", ")
            return """
                SELECT json_object('row', json_object(\(object)),
                    'phones', (SELECT json_group_array(json_array(position, number)) FROM phone WHERE customer_id = customer.id),
                    'profile', (SELECT json_group_array(json_array(field, value)) FROM profile WHERE customer_id = customer.id),
                    'flow', (SELECT json_group_array(json_object(\(flow))) FROM flow WHERE customer_id = customer.id))
                FROM customer WHERE id = ? AND \(book.owned("owner"))
                """
        }
        guard let json = try db.text(sql, [.integer(id), .text(book.owner)]) else { throw .noSuchCustomer(id) }
        try record(.customer, id, before: json)
        if subject.isEmpty { try name(fromCustomer: id) }
    }

    /// Keeps a visit as it is now.
    mutating func snapshot(visit id: VisitID) throws(StoreError) {
        guard !seen.contains(RowKey(kind: .visit, id: id)) else { return }
        let sql = try book.store.statement("snapshot visit", seesTeam: book.seesTeam) { () throws(StoreError) in
            let object = try book.store.columns(of: "visit").map { "'\($0)', \($0)" }.joined(separator: ", ")
            return "SELECT json_object(\(object)) FROM visit WHERE id = ? AND \(book.owned("owner"))"
        }
        guard let json = try db.text(sql, [.integer(id), .text(book.owner)]) else { throw .noSuchVisit(id) }
        try record(.visit, id, before: json)
        if subject.isEmpty, let customer = try db.text("SELECT customer_id FROM visit WHERE id = ?", [.integer(id)]).flatMap(Int64.init) {
            try name(fromCustomer: customer)
        }
    }

    /// Names the change after a customer, unless it is named already.
    mutating func name(fromCustomer id: CustomerID) throws(StoreError) {
        if subject.isEmpty { subject = try db.text("SELECT name FROM customer WHERE id = ?", [.integer(id)]) ?? "" }
    }

    /// Keeps which of a customer's objections are open now, before the change resolves them.
    mutating func snapshot(openObjectionsOf customer: CustomerID) throws(StoreError) {
        guard let ids = try db.text("SELECT json_group_array(id) FROM objection WHERE customer_id = ? AND resolved_at IS NULL",
                                    [.integer(customer)]), ids != "[]" else { return }
        try record(.resolved, customer, before: ids)
    }

    /// Writes the journal entry (a change that touched nothing leaves none), and drops the
    /// rep's entries older than the newest `kept`.
    func close() throws(StoreError) {
        guard !rows.isEmpty else { return }
        try db.query("INSERT INTO journal(owner, kind, subject, at) VALUES (?, ?, ?, ?)", [.text(book.owner), .text(kind), .text(subject), .text(at)])
        let entry = db.lastInsertRowID
        for (seq, row) in rows.enumerated() {
            try db.query("INSERT INTO journal_row(journal_id, seq, kind, row_id, before) VALUES (?, ?, ?, ?, ?)",
                         [.integer(entry), .integer(Int64(seq)), .text(row.kind.rawValue), .integer(row.id), .optional(row.before)])
        }
        try prune()
    }

    // Entries past the newest `kept` are retired at once (undone = 2: undo never reaches
    // them), and their rows deleted at most `prunedPerChange` a change: an import's entry holds
    // a row per card, and deleting 200,000 rows in one go would stall one rep's add for seconds.
    private func prune() throws(StoreError) {
        // The newest entry past the kept ones, looked for first: a book with fewer has nothing
        // to retire, and an UPDATE that changes nothing still costs more than the look.
        var newestRetired: Int64?
        try db.query("SELECT id FROM journal WHERE owner = ? AND undone != 2 ORDER BY id DESC LIMIT 1 OFFSET ?",
                     [.text(book.owner), .integer(Int64(Self.kept))]) { row in newestRetired = row.integer(0) }
        if let newestRetired {
            try db.query("UPDATE journal SET undone = 2 WHERE owner = ? AND undone != 2 AND id <= ?", [.text(book.owner), .integer(newestRetired)])
        }
        guard let oldest = try db.text("SELECT id FROM journal WHERE owner = ? AND undone = 2 ORDER BY id LIMIT 1", [.text(book.owner)]) else { return }
        try db.query("DELETE FROM journal_row WHERE rowid IN (SELECT rowid FROM journal_row WHERE journal_id = ?1 LIMIT ?2)",
                     [.text(oldest), .integer(Int64(Self.prunedPerChange))])
        try db.query("DELETE FROM journal WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM journal_row WHERE journal_id = ?1)", [.text(oldest)])
    }

    /// How many rows of retired journal entries one change deletes.
    static let prunedPerChange = 200
}

extension Book {
    /// Reverts the owner's newest change that is not undone yet, row by row in reverse.
    func undoLast() throws(StoreError) -> Outcome {
        var entry: (id: Int64, kind: String, subject: String)?
        try db.query("SELECT id, kind, subject FROM journal WHERE owner = ? AND undone = 0 ORDER BY id DESC LIMIT 1", [.text(owner)]) { row in
            entry = (row.integer(0), row.text(1) ?? "", row.text(2) ?? "")
        }
        guard let entry else { return .nothingToUndo }
        var rows: [(kind: String, id: Int64, before: String?)] = []
        try db.query("SELECT kind, row_id, before FROM journal_row WHERE journal_id = ? ORDER BY seq DESC", [.integer(entry.id)]) { row in
            rows.append((row.text(0) ?? "", row.integer(1), row.text(2)))
        }
        for row in rows {
            switch (Journal.RowKind(rawValue: row.kind), row.before) {
            case (.customer, nil): try db.query("DELETE FROM customer WHERE id = ?", [.integer(row.id)])
            case (.visit, nil): try db.query("DELETE FROM visit WHERE id = ?", [.integer(row.id)])
            case (.note, _): try db.query("DELETE FROM note WHERE id = ?", [.integer(row.id)])
            case (.event, _): try db.query("DELETE FROM flow_event WHERE id = ?", [.integer(row.id)])
            case (.objection, _): try db.query("DELETE FROM objection WHERE id = ?", [.integer(row.id)])
            case (.sale, _):
                let customer = try db.integer("SELECT coalesce(max(customer_id), 0) FROM sale WHERE id = ?", [.integer(row.id)])
                try db.query("DELETE FROM sale WHERE id = ?", [.integer(row.id)])
                try resettle(customer)
            case (.resolved, let ids?):
                try db.query("UPDATE objection SET resolved_at = NULL WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))",
                             [.integer(row.id), .text(ids)])
            case (.resolved, nil): break
            case (.customer, let before?): try restore(customer: row.id, from: before)
            case (.visit, let before?): try restore(table: "visit", id: row.id, from: before, path: "$")
            case (nil, _): throw .sqlite(code: 0, message: "unknown journal row kind \(row.kind)")
            }
        }
        try db.query("UPDATE journal SET undone = 1 WHERE id = ?", [.integer(entry.id)])
        return .undone(kind: entry.kind, subject: entry.subject)
    }

    private func restore(customer id: CustomerID, from json: String) throws(StoreError) {
        try restore(table: "customer", id: id, from: json, path: "$.row")
        try db.query("DELETE FROM phone WHERE customer_id = ?", [.integer(id)])
        try db.query("""
            INSERT INTO phone(customer_id, position, number)
            SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?2, '$.phones')
            """, [.integer(id), .text(json)])
        try db.query("DELETE FROM profile WHERE customer_id = ?", [.integer(id)])
        try db.query("""
            INSERT INTO profile(customer_id, field, value)
            SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?2, '$.profile')
            """, [.integer(id), .text(json)])
        // Entries written before objections were journalled apart carry them whole.
        let tables = try db.integer("SELECT json_type(?, '$.objections') IS NOT NULL", [.text(json)]) == 1 ? ["flow", "objection"] : ["flow"]
        for table in tables {
            try db.query("DELETE FROM \(table) WHERE customer_id = ?", [.integer(id)])
            let columns = try store.columns(of: table)
            let values = columns.map { "json_extract(value, '$.\($0)')" }.joined(separator: ", ")
            try db.query("INSERT INTO \(table)(\(columns.joined(separator: ", "))) SELECT \(values) FROM json_each(?1, '$.\(table == "flow" ? "flow" : "objections")')",
                         [.text(json)])
        }
    }

    // Every column but the id back from the JSON object at `path`.
    private func restore(table: String, id: Int64, from json: String, path: String) throws(StoreError) {
        let columns = try store.columns(of: table).filter { $0 != "id" }
        let assignments = columns.map { "\($0) = json_extract(?1, '\(path).\($0)')" }.joined(separator: ", ")
        try db.query("UPDATE \(table) SET \(assignments) WHERE id = ?2", [.text(json), .integer(id)])
    }
}

extension Store {
    /// A statement written from the schema's columns (the journal's snapshots), written once
    /// for a rep's book and once for a manager's: they differ only in which owners they reach.
    func statement(_ name: String, seesTeam: Bool, write: () throws(StoreError) -> String) throws(StoreError) -> String {
        let key = name + (seesTeam ? " team" : "")
        if let known = writtenStatements[key] { return known }
        let written = try write()
        writtenStatements[key] = written
        return written
    }

    /// The column names of a table, as the schema has them: read once, for the schema only
    /// changes when the store is opened (`migrate`), and every change asks.
    func columns(of table: String) throws(StoreError) -> [String] {
        if let known = tableColumns[table] { return known }
        var names: [String] = []
        try db.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)]) { row in
            if let name = row.text(0) { names.append(name) }
        }
        tableColumns[table] = names
        return names
    }
}
