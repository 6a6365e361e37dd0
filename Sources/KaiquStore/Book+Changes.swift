import KaiquDialogue

extension Book {
    /// Applies one change in one transaction and records it for undo. When this returns, the
    /// change is committed.
    public func apply(_ change: Change, at stamp: String) throws(StoreError) -> Outcome {
        try db.transaction { () throws(StoreError) -> Outcome in
            if case .undo = change { return try undoLast() }
            // A training result is not an edit: undo leaves it.
            if case .recordTraining(let record) = change { return try recordTraining(record) }
            var journal = Journal(book: self, kind: change.kind, at: stamp)
            let outcome = try write(change, at: stamp, journal: &journal)
            try journal.close()
            return outcome
        }
    }

    /// Applies many changes in one transaction, recorded as one change (so one undo reverts
    /// an import). Stops at the first failure, and then nothing is kept.
    public func apply(_ changes: [Change], kind: String, subject: String, at stamp: String) throws(StoreError) -> [Outcome] {
        try db.transaction { () throws(StoreError) -> [Outcome] in
            var journal = Journal(book: self, kind: kind, at: stamp)
            journal.subject = subject
            var outcomes: [Outcome] = []
            for change in changes { outcomes.append(try write(change, at: stamp, journal: &journal)) }
            try journal.close()
            return outcomes
        }
    }

    private func write(_ change: Change, at stamp: String, journal: inout Journal) throws(StoreError) -> Outcome {
        switch change {
        case .addCustomer(let card, let note):
            let id = try insert(card, at: stamp)
            try journal.record(.customer, id, before: nil)
            if let note, !note.isEmpty {
                try db.query("INSERT INTO note(customer_id, text, at) VALUES (?, ?, ?)", [.integer(id), .text(note), .text(stamp)])
            }
            journal.subject = journal.subject.isEmpty ? card.name : journal.subject
            return .customer(id)
        case .updateCustomer(let id, let edits):
            try journal.snapshot(customer: id)
            try update(id, edits, at: stamp)
            return .customer(id)
        case .addNote(let id, let text, let profile):
            try journal.snapshot(customer: id)
            try db.query("INSERT INTO note(customer_id, text, at) VALUES (?, ?, ?)", [.integer(id), .text(text), .text(stamp)])
            try journal.record(.note, db.lastInsertRowID, before: nil)
            try update(id, profile.keys.sorted().map { CardEdit.profile($0, profile[$0]) }, at: stamp)
            return .customer(id)
        case .deleteCustomer(let id):
            try journal.snapshot(customer: id)
            try db.query("UPDATE customer SET deleted_at = ?, due_day = NULL WHERE id = ? AND \(owned("owner"))", [.text(stamp), .integer(id), .text(owner)])
            return .customer(id)
        case .scheduleVisit(let plan):
            // A visit belongs to the card's rep, whoever plans it (a manager for their team).
            try requireCustomer(plan.customer)
            try db.query("""
                INSERT INTO visit(owner, customer_id, day, time, end_time, purpose, status, created_at, updated_at, zone, kind)
                VALUES ((SELECT owner FROM customer WHERE id = ?), ?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?)
                """, [.integer(plan.customer), .integer(plan.customer), .text(plan.day), .optional(plan.time), .optional(plan.endTime),
                      .optional(plan.purpose), .text(stamp), .text(stamp), .optional(zone), .text((plan.kind ?? .visit).rawValue)])
            let id = db.lastInsertRowID
            try journal.record(.visit, id, before: nil)
            try journal.name(fromCustomer: plan.customer)
            return .visit(id)
        case .cancelVisit(let id):
            try journal.snapshot(visit: id)
            try db.query("UPDATE visit SET status = 'cancelled', updated_at = ? WHERE id = ? AND \(owned("owner"))", [.text(stamp), .integer(id), .text(owner)])
            return .visit(id)
        case .moveVisit(let id, let day, let time):
            try journal.snapshot(visit: id)
            // The new day and time are said in the rep's zone of now.
            try db.query("UPDATE visit SET day = ?, time = ?, end_time = NULL, updated_at = ?, zone = coalesce(?, zone) WHERE id = ? AND \(owned("owner"))",
                         [.text(day), .optional(time), .text(stamp), .optional(zone), .integer(id), .text(owner)])
            return .visit(id)
        case .logContact(let log):
            try journal.snapshot(customer: log.customer)
            let visit: VisitID
            if let planned = log.planned {
                try journal.snapshot(visit: planned)
                try db.query("UPDATE visit SET status = 'done', outcome = ?, updated_at = ?, kind = ? WHERE id = ? AND \(owned("owner"))",
                             [.optional(log.outcome), .text(stamp), .text(log.kind.rawValue), .integer(planned), .text(owner)])
                visit = planned
            } else {
                try db.query("""
                    INSERT INTO visit(owner, customer_id, day, time, status, outcome, created_at, updated_at, zone, kind)
                    VALUES ((SELECT owner FROM customer WHERE id = ?), ?, ?, ?, 'done', ?, ?, ?, ?, ?)
                    """, [.integer(log.customer), .integer(log.customer), .text(log.day), .text(log.time), .optional(log.outcome), .text(stamp), .text(stamp),
                          .optional(zone), .text(log.kind.rawValue)])
                visit = db.lastInsertRowID
                try journal.record(.visit, visit, before: nil)
            }
            if let outcome = log.outcome, !outcome.isEmpty {
                try db.query("INSERT INTO note(customer_id, text, at) VALUES (?, ?, ?)", [.integer(log.customer), .text(outcome), .text(log.day + "T" + log.time)])
                try journal.record(.note, db.lastInsertRowID, before: nil)
            }
            // The last contact only moves forward: logging an old visit keeps a newer one.
            try db.query("""
                UPDATE customer SET contact_count = contact_count + 1,
                    last_contact = CASE WHEN last_contact IS NULL OR last_contact < ?1 THEN ?1 ELSE last_contact END
                WHERE id = ?2 AND \(owned("owner", "?3"))
                """, [.text(log.day + "T" + log.time), .integer(log.customer), .text(owner)])
            try update(log.customer, log.edits, at: stamp)
            try write(log.flow, for: log.customer, at: stamp, journal: &journal)
            try touch(log.customer, at: stamp)
            return .visit(visit)
        case .flow(let id, let changes):
            try requireCustomer(id)
            try journal.snapshot(customer: id)
            try write(changes, for: id, at: stamp, journal: &journal)
            return .customer(id)
        case .dealWon(let id, let amount):
            try won(id, amount: amount, at: stamp, journal: &journal)
            return .customer(id)
        case .dealLost(let id, let reason):
            try lost(id, reason: reason, at: stamp, journal: &journal)
            return .customer(id)
        case .reassign(let ids, let to):
            return .reassigned(count: try reassign(ids, to: to, at: stamp, journal: &journal))
        case .reassignAll(let from, let to):
            // The undo line names the rep whose cards moved.
            journal.subject = try db.text("SELECT name FROM user WHERE id = ?", [.text(from)]) ?? from
            return .reassigned(count: try reassign(try cards(ownedBy: from), to: to, at: stamp, journal: &journal))
        case .undo:
            return try undoLast()
        case .recordTraining(let record):
            return try recordTraining(record)
        case .recordSale(let entry):
            try requireCustomer(entry.customer)
            try db.query("INSERT INTO sale(customer_id, kind, day, amount, at) VALUES (?, ?, ?, ?, ?)",
                         [.integer(entry.customer), .text(entry.kind.rawValue), .text(entry.day), .integer(Int64(entry.amount)), .text(stamp)])
            try journal.record(.sale, db.lastInsertRowID, before: nil)
            try journal.name(fromCustomer: entry.customer)
            try resettle(entry.customer)
            return .customer(entry.customer)
        case .setAccount(let id, let terms, let limit):
            try journal.snapshot(customer: id)
            if let terms { try set(id, "terms_days = ?", [.integer(Int64(terms))]) }
            if let limit { try set(id, "credit_limit = ?", [.integer(Int64(limit))]) }
            return .customer(id)
        case .setOverdueCause(let id, let cause):
            try requireCustomer(id)
            try journal.snapshot(customer: id)
            try set(id, "overdue_cause = ?, overdue_cause_on = ?, collect_on = ?", [.text(cause.id), .text(cause.recorded), .optional(cause.followUp)])
            return .customer(id)
        }
    }

    func requireCustomer(_ id: CustomerID) throws(StoreError) {
        guard try db.integer(written("is customer") { "SELECT count(*) FROM customer WHERE id = ? AND \(owned("owner")) AND deleted_at IS NULL" },
                             [.integer(id), .text(owner)]) == 1 else {
            throw .noSuchCustomer(id)
        }
    }

    private func insert(_ card: CustomerCard, at stamp: String) throws(StoreError) -> CustomerID {
        try db.query("""
            INSERT INTO customer(owner, name, name_key, company, email, wechat, region, address, role, source, birthday, birthday_key,
                                 level, level_by_rep, card, card_by_rep, money, authority, need, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(owner), .text(card.name), .text(store.nameKey(card.name)), .optional(card.company), .optional(card.email),
                  .optional(card.wechat), .optional(card.region), .optional(card.address), .optional(card.role), .optional(card.source),
                  .optional(card.birthday?.description), .optional(card.birthday?.monthDayKey), .optional(card.level),
                  .integer(card.levelSetByRep ? 1 : 0), .optional(card.card), .integer(card.cardSetByRep ? 1 : 0),
                  .optional(card.money), .optional(card.authority), .optional(card.need), .text(card.status.rawValue),
                  .text(stamp), .text(stamp)])
        let id = db.lastInsertRowID
        for (position, number) in card.phones.enumerated() {
            try db.query("INSERT INTO phone(customer_id, position, number) VALUES (?, ?, ?)", [.integer(id), .integer(Int64(position)), .text(number)])
        }
        for (field, value) in card.profile {
            try db.query("INSERT INTO profile(customer_id, field, value) VALUES (?, ?, ?)", [.integer(id), .text(field), .text(value)])
        }
        try refreshDue(id)
        return id
    }

    func update(_ id: CustomerID, _ edits: [CardEdit], at stamp: String) throws(StoreError) {
        guard !edits.isEmpty else { return }
        try requireCustomer(id)
        for edit in edits {
            switch edit {
            case .name(let name):
                try set(id, "name = ?, name_key = ?", [.text(name), .text(store.nameKey(name))])
            case .company(let v): try set(id, "company = ?", [.optional(v)])
            case .email(let v): try set(id, "email = ?", [.optional(v)])
            case .wechat(let v): try set(id, "wechat = ?", [.optional(v)])
            case .region(let v): try set(id, "region = ?", [.optional(v)])
            case .address(let v): try set(id, "address = ?", [.optional(v)])
            case .role(let v): try set(id, "role = ?", [.optional(v)])
            case .source(let v): try set(id, "source = ?", [.optional(v)])
            case .birthday(let b): try set(id, "birthday = ?, birthday_key = ?", [.optional(b?.description), .optional(b?.monthDayKey)])
            case .level(let v, let byRep): try set(id, "level = ?, level_by_rep = ?", [.optional(v), .integer(byRep ? 1 : 0)])
            case .card(let v, let byRep): try set(id, "card = ?, card_by_rep = ?", [.optional(v), .integer(byRep ? 1 : 0)])
            case .money(let v): try set(id, "money = ?", [.optional(v)])
            case .authority(let v): try set(id, "authority = ?", [.optional(v)])
            case .need(let v): try set(id, "need = ?", [.optional(v)])
            case .status(let v): try set(id, "status = ?", [.text(v.rawValue)])
            case .dealAmount(let v): try set(id, "deal_amount = ?", [.optional(v)])
            case .lostReason(let v): try set(id, "lost_reason = ?", [.optional(v)])
            case .credit(let grade, let scores, let day):
                try set(id, "credit_grade = ?, credit_scores = ?, credit_on = ?",
                        [.text(grade), .text(scores.map(String.init).joined(separator: ",")), .text(day)])
            case .phone(let number):
                // The new number goes first; an old copy of it further down is dropped.
                try db.query("DELETE FROM phone WHERE customer_id = ? AND number = ?", [.integer(id), .text(number)])
                try db.query("UPDATE phone SET position = position + 1000000 WHERE customer_id = ?", [.integer(id)])
                try db.query("UPDATE phone SET position = position - 1000000 + 1 WHERE customer_id = ?", [.integer(id)])
                try db.query("INSERT INTO phone(customer_id, position, number) VALUES (?, 0, ?)", [.integer(id), .text(number)])
            case .profile(let field, let value):
                if let value {
                    try db.query("INSERT OR REPLACE INTO profile(customer_id, field, value) VALUES (?, ?, ?)", [.integer(id), .text(field), .text(value)])
                } else {
                    try db.query("DELETE FROM profile WHERE customer_id = ? AND field = ?", [.integer(id), .text(field)])
                }
            }
        }
        try touch(id, at: stamp)
    }

    private func set(_ id: CustomerID, _ assignments: String, _ values: [Database.Value]) throws(StoreError) {
        try db.query("UPDATE customer SET \(assignments) WHERE id = ? AND \(owned("owner"))", values + [.integer(id), .text(owner)])
    }

    func refreshDue(_ id: CustomerID) throws(StoreError) {
        try db.query("UPDATE customer SET due_day = \(store.dueExpression) WHERE id = ?", [.integer(id)])
    }

    // Marks a card changed and works out its due day again, from what the change wrote before:
    // one statement, for every change to a card ends with both.
    private func touch(_ id: CustomerID, at stamp: String) throws(StoreError) {
        try set(id, "updated_at = ?, due_day = \(store.dueExpression)", [.text(stamp)])
    }
}
