/// One line of the audit log: a manager's look at another rep's card or at a list of their
/// customers, a card moved from one rep to another, or an export.
public struct AuditEntry: Sendable, Equatable {
    public enum Action: String, Sendable { case view, list, reassign, export }

    public var at: String
    /// The user who did it.
    public var actor: String
    public var action: Action
    /// The rep whose card it was (for a reassignment: the one it was taken from).
    public var owner: String?
    public var customer: Int64?
    /// The customer's name then (a list's: the first names it showed).
    public var name: String?
    /// What else there is to say: the new owner, an export's format and file, how many of
    /// the rep's customers a list showed.
    public var detail: String?

    public init(at: String, actor: String, action: Action, owner: String? = nil, customer: Int64? = nil, name: String? = nil, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.owner = owner
        self.customer = customer
        self.name = name
        self.detail = detail
    }
}

extension Store {
    /// Writes entries to the audit log, in one transaction.
    public func audit(_ entries: [AuditEntry]) throws(StoreError) {
        guard !entries.isEmpty else { return }
        try db.transaction { () throws(StoreError) in
            for entry in entries {
                try db.query("INSERT INTO audit(at, actor, action, owner, customer_id, customer_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [.text(entry.at), .text(entry.actor), .text(entry.action.rawValue), .optional(entry.owner),
                              entry.customer.map { .integer($0) } ?? .null, .optional(entry.name), .optional(entry.detail)])
            }
        }
    }

    /// The newest `limit` entries of the audit log, oldest first.
    public func auditLog(limit: Int) throws(StoreError) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        try db.query("""
            SELECT at, actor, action, owner, customer_id, customer_name, detail FROM
                (SELECT * FROM audit ORDER BY id DESC LIMIT ?) ORDER BY id
            """, [.integer(Int64(limit))]) { row in
            entries.append(AuditEntry(at: row.text(0) ?? "", actor: row.text(1) ?? "",
                                      action: row.text(2).flatMap(AuditEntry.Action.init(rawValue:)) ?? .view,
                                      owner: row.text(3), customer: row.optionalInteger(4).map(Int64.init), name: row.text(5), detail: row.text(6)))
        }
        return entries
    }
}
