import KaiquDialogue

extension Book {
    /// The reps a manager may hand cards to: everyone in their team, themselves included.
    /// A rep's book has none.
    public func teammates() throws(StoreError) -> [Teammate] {
        guard seesTeam else { return [] }
        var team: [Teammate] = []
        try db.query("""
            SELECT u.id, u.name FROM team_member t JOIN user u ON u.id = t.member WHERE t.viewer = ? ORDER BY u.name, u.id
            """, [.text(owner)]) { row in team.append(Teammate(id: row.text(0) ?? "", name: row.text(1) ?? "")) }
        return team
    }

    /// Moves cards to `to`, a member of the team, in the caller's transaction: the card and
    /// its visits change owner, the old owner goes into the card's history, and the move into
    /// the audit log. Returns how many moved (a card already `to`'s does not).
    func reassign(_ ids: [CustomerID], to: String, at stamp: String, journal: inout Journal) throws(StoreError) -> Int {
        guard try db.integer("SELECT count(*) FROM team_member WHERE viewer = ? AND member = ?", [.text(owner), .text(to)]) == 1 else {
            throw .notInTeam(to)
        }
        var moved = 0
        for id in ids {
            var current: (owner: String, name: String)?
            try db.query("SELECT owner, name FROM customer WHERE id = ? AND \(owned("owner", "?2")) AND deleted_at IS NULL",
                         [.integer(id), .text(owner)]) { row in current = (row.text(0) ?? "", row.text(1) ?? "") }
            guard let current else { throw .noSuchCustomer(id) }
            guard current.owner != to else { continue }
            try journal.snapshot(customer: id)
            var visits: [Int64] = []
            try db.query("SELECT id FROM visit WHERE customer_id = ?", [.integer(id)]) { row in visits.append(row.integer(0)) }
            for visit in visits { try journal.snapshot(visit: visit) }
            try db.query("INSERT INTO ownership(customer_id, owner, until, moved_by) VALUES (?, ?, ?, ?)",
                         [.integer(id), .text(current.owner), .text(stamp), .text(owner)])
            try db.query("UPDATE customer SET owner = ?, updated_at = ? WHERE id = ?", [.text(to), .text(stamp), .integer(id)])
            try db.query("UPDATE visit SET owner = ? WHERE customer_id = ?", [.text(to), .integer(id)])
            try db.query("""
                INSERT INTO audit(at, actor, action, owner, customer_id, customer_name, detail) VALUES (?, ?, 'reassign', ?, ?, ?, ?)
                """, [.text(stamp), .text(owner), .text(current.owner), .integer(id), .text(current.name), .text(to)])
            if journal.subject.isEmpty { journal.subject = current.name }
            moved += 1
        }
        return moved
    }

    /// The cards of `from` this book reaches, for moving them all.
    func cards(ownedBy from: String) throws(StoreError) -> [CustomerID] {
        var ids: [CustomerID] = []
        try db.query("SELECT id FROM customer WHERE owner = ?1 AND \(owned("owner", "?2")) AND deleted_at IS NULL ORDER BY id",
                     [.text(from), .text(owner)]) { row in ids.append(row.integer(0)) }
        return ids
    }

    /// Who had a card before its present rep, oldest first, with the time each handed it on.
    public func previousOwners(of id: CustomerID) throws(StoreError) -> [PreviousOwner] {
        var rows: [PreviousOwner] = []
        try db.query(written("previous owners") {
            """
            SELECT coalesce((SELECT name FROM user WHERE id = o.owner), o.owner), o.until
            FROM ownership o JOIN customer c ON c.id = o.customer_id
            WHERE o.customer_id = ? AND \(owned("c.owner")) ORDER BY o.id
            """
        }, [.integer(id), .text(owner)]) { row in rows.append(PreviousOwner(name: row.text(0) ?? "", until: row.text(1) ?? "")) }
        return rows
    }
}
