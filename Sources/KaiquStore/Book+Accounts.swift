import KaiquDialogue
import KaiquNLU

extension Book {
    /// A customer's orders, payments and what is owed as of `today` (see `Account`).
    public func account(of customer: CustomerID, today: String, defaultTerms: Int) throws(StoreError) -> Account {
        try account(of: customer, try accountHead(of: customer), today: today, defaultTerms: defaultTerms)
    }

    /// A card's extras. Most cards have no sales, flow or previous owners: one read says which
    /// of them this one has, and the reads of the others are skipped (every look at a card asks).
    public func extras(of customer: CustomerID, today: String, defaultTerms: Int, notes: Int) throws(StoreError) -> CardExtras {
        let head = try accountHead(of: customer)
        return CardExtras(account: try account(of: customer, head, today: today, defaultTerms: defaultTerms),
                          flow: head.flowed ? try flow(of: customer) : nil,
                          nextVisit: try nextPlannedVisits(of: [customer], from: today)[customer],
                          notes: try self.notes(of: customer, limit: notes),
                          previousOwners: head.moved ? try previousOwners(of: customer) : [])
    }

    /// A card's terms and collection columns, and whether it has sales, a flow and previous owners.
    private struct AccountHead {
        var account = Account()
        var sold = false
        var flowed = false
        var moved = false
    }

    private func accountHead(of customer: CustomerID) throws(StoreError) -> AccountHead {
        var head: AccountHead?
        try db.query(written("account") {
            """
            SELECT terms_days, credit_limit, overdue_cause, overdue_cause_on, collect_on, EXISTS (SELECT 1 FROM sale WHERE customer_id = c.id),
                   EXISTS (SELECT 1 FROM flow WHERE customer_id = c.id), EXISTS (SELECT 1 FROM ownership WHERE customer_id = c.id)
            FROM customer c WHERE c.id = ? AND \(owned("c.owner"))
            """
        }, [.integer(customer), .text(owner)]) { row in
            var found = AccountHead()
            found.account.termsDays = row.optionalInteger(0)
            found.account.creditLimit = row.optionalInteger(1)
            found.account.cause = Self.cause(row, at: 2)
            found.sold = row.integer(5) != 0
            found.flowed = row.integer(6) != 0
            found.moved = row.integer(7) != 0
            head = found
        }
        guard let head else { throw .noSuchCustomer(customer) }
        return head
    }

    private func account(of customer: CustomerID, _ head: AccountHead, today: String, defaultTerms: Int) throws(StoreError) -> Account {
        var account = head.account
        guard head.sold else { return account }
        // What is open of each order is kept by `resettle`; an open order past its due day is overdue.
        let terms = account.termsDays ?? defaultTerms
        try db.query("SELECT kind, day, amount, open FROM sale WHERE customer_id = ? ORDER BY day, id", [.integer(customer)]) { row in
            guard row.text(0) == "order" else { return account.paid += Int(row.integer(2)) }
            account.ordered += Int(row.integer(2))
            let open = Int(row.integer(3))
            guard open > 0, let due = CivilDay.iso(row.text(1) ?? "")?.adding(days: terms).description else { return }
            if due < today {
                account.overdue += open
                if account.oldestOverdue == nil { account.oldestOverdue = due }
            } else if account.nextDue == nil {
                account.nextDue = due
            }
        }
        return account
    }

    /// The customers with money past due, the longest overdue first (at most `limit`).
    public func overdueAccounts(today: String, defaultTerms: Int, limit: Int) throws(StoreError) -> [OverdueAccount] {
        guard let day = CivilDay.iso(today) else { return [] }
        return try overdue(day, defaultTerms: defaultTerms, terms: try termsOwing().map(\.terms), limit: limit)
    }

    /// What is owed as of `today`: the balance, the overdue by age and by cause, and the
    /// overdue accounts (the longest overdue first; at most `accounts` of them, all for nil).
    /// Read from the totals of schema step 10: a few hundred rows, however many orders.
    public func receivables(today: String, defaultTerms: Int, accounts: Int?) throws(StoreError) -> ReceivableFigures {
        guard let day = CivilDay.iso(today) else { return ReceivableFigures() }
        var figures = ReceivableFigures()
        try db.query("""
            SELECT CASE WHEN late <= 0 THEN -1 WHEN late <= 30 THEN 0 WHEN late <= 60 THEN 1 WHEN late <= 90 THEN 2 ELSE 3 END, cause, sum(amount)
            FROM (SELECT cause, amount, CAST(julianday(?1) - julianday(day) AS INTEGER) - (CASE terms WHEN -1 THEN ?2 ELSE terms END) AS late
                  FROM open_tally WHERE \(owned("owner", "?3")) AND amount != 0)
            GROUP BY 1, 2
            """, [.text(today), .integer(Int64(defaultTerms)), .text(owner)]) { row in
            let bucket = Int(row.integer(0)), amount = Int(row.integer(2))
            figures.balance += amount
            if bucket < 0 {
                figures.notDue += amount
            } else {
                figures.buckets[bucket] += amount
                figures.byCause[row.text(1) ?? "", default: 0] += amount
            }
        }
        let owing = try termsOwing()
        figures.owing = owing.map(\.cards).reduce(0, +)
        for (terms, _) in owing {
            figures.overdueCustomers += Int(try db.integer("""
                SELECT count(*) FROM customer WHERE \(owned("owner")) AND \(Self.sameTerms(terms)) AND open_since IS NOT NULL AND deleted_at IS NULL AND open_since < ?
                """, [.text(owner), .text(day.adding(days: -(terms ?? defaultTerms)).description)]))
        }
        figures.accounts = try overdue(day, defaultTerms: defaultTerms, terms: owing.map(\.terms), limit: accounts)
        return figures
    }

    // The payment terms of the cards that owe (nil: the policy's), with how many cards each.
    private func termsOwing() throws(StoreError) -> [(terms: Int?, cards: Int)] {
        var owing: [(terms: Int?, cards: Int)] = []
        try db.query("""
            SELECT terms_days, count(*) FROM customer WHERE \(owned("owner")) AND open_since IS NOT NULL AND deleted_at IS NULL GROUP BY terms_days
            """, [.text(owner)]) { row in owing.append((row.optionalInteger(0), Int(row.integer(1)))) }
        return owing
    }

    private static func sameTerms(_ terms: Int?) -> String { terms.map { "terms_days = \($0)" } ?? "terms_days IS NULL" }

    // The overdue accounts, the longest overdue first. A card is overdue when its oldest open
    // order (`open_since`) is past its terms; for each terms, only the `limit` oldest (and
    // those as old as the last of them) can be among the first `limit` of all.
    private func overdue(_ today: CivilDay, defaultTerms: Int, terms owing: [Int?], limit: Int?) throws(StoreError) -> [OverdueAccount] {
        if limit == 0 { return [] }
        var accounts: [OverdueAccount] = []
        for terms in owing {
            let days = terms ?? defaultTerms
            let cutoff = today.adding(days: -days).description
            let cards = "\(owned("c.owner", "?1")) AND c.\(Self.sameTerms(terms)) AND c.open_since IS NOT NULL AND c.deleted_at IS NULL"
            var bound = "c.open_since < ?2"
            var bindings: [Database.Value] = [.text(owner), .text(cutoff)]
            if let limit, let last = try db.text("SELECT c.open_since FROM customer c WHERE \(cards) AND c.open_since < ?2 ORDER BY c.open_since LIMIT 1 OFFSET ?3",
                                                 [.text(owner), .text(cutoff), .integer(Int64(limit - 1))]) {
                bound = "c.open_since <= ?3"
                bindings.append(.text(last))
            }
            try db.query("""
                SELECT c.id, c.name, c.open_since, c.overdue_cause, c.overdue_cause_on, c.collect_on,
                       (SELECT sum(s.open) FROM sale s WHERE s.customer_id = c.id AND s.open > 0 AND s.day < ?2),
                       (SELECT sum(s.open) FROM sale s WHERE s.customer_id = c.id AND s.open > 0)
                FROM customer c WHERE \(cards) AND \(bound)
                """, bindings) { row in
                guard let since = CivilDay.iso(row.text(2) ?? "") else { return }
                let late = today.ordinal - since.ordinal - days
                accounts.append(OverdueAccount(customer: row.integer(0), name: row.text(1) ?? "", amount: Int(row.integer(6)),
                                               since: today.adding(days: -late).description, days: late, cause: Self.cause(row, at: 3),
                                               balance: Int(row.integer(7))))
            }
        }
        accounts.sort { ($0.days, $0.amount, $1.customer) > ($1.days, $1.amount, $0.customer) }
        return limit.map { Array(accounts.prefix($0)) } ?? accounts
    }

    /// Works out again what is open of each of a customer's orders after a sale is added or
    /// taken back: payments settle the oldest orders first.
    func resettle(_ customer: CustomerID) throws(StoreError) {
        var orders: [(id: Int64, amount: Int, open: Int)] = []
        var paid = 0
        try db.query("SELECT id, kind, amount, open FROM sale WHERE customer_id = ? ORDER BY day, id", [.integer(customer)]) { row in
            if row.text(1) == "order" { orders.append((row.integer(0), Int(row.integer(2)), Int(row.integer(3)))) } else { paid += Int(row.integer(2)) }
        }
        for order in orders {
            let settled = min(paid, order.amount)
            paid -= settled
            if order.amount - settled != order.open {
                try db.query("UPDATE sale SET open = ? WHERE id = ?", [.integer(Int64(order.amount - settled)), .integer(order.id)])
            }
        }
    }

    /// How many sales like this one (customer, kind, day, amount) the store holds: an import
    /// skips rows already in.
    public func saleCount(_ entry: SaleEntry) throws(StoreError) -> Int {
        Int(try db.integer("SELECT count(*) FROM sale WHERE customer_id = ? AND kind = ? AND day = ? AND amount = ?",
                           [.integer(entry.customer), .text(entry.kind.rawValue), .text(entry.day), .integer(Int64(entry.amount))]))
    }

    /// What a customer ordered from `from` to `to` (local days, both included).
    public func ordered(by customer: CustomerID, from: String, to: String) throws(StoreError) -> Int {
        try requireCustomer(customer)
        return Int(try db.integer("SELECT coalesce(sum(amount), 0) FROM sale WHERE customer_id = ? AND kind = 'order' AND day BETWEEN ? AND ?",
                                  [.integer(customer), .text(from), .text(to)]))
    }

    /// The collection follow-ups due by `day`: customers with a cause recorded and money still
    /// overdue, the earliest follow-up first.
    public func collectionsDue(by day: String, today: String, defaultTerms: Int) throws(StoreError) -> [CollectionDue] {
        var ids: [CustomerID] = []
        // `+c.owner` keeps the owner's index out: the few cards with a follow-up are found
        // through customer_collect_on (0.1 ms), not among all the owner's cards (50 ms on 100,000).
        try db.query(written("collections due") {
            """
            SELECT c.id FROM customer c WHERE c.collect_on IS NOT NULL AND c.collect_on <= ? AND c.deleted_at IS NULL AND \(owned("+c.owner"))
            ORDER BY c.collect_on, c.id LIMIT 200
            """
        }, [.text(day), .text(owner)]) { row in ids.append(row.integer(0)) }
        var due: [CollectionDue] = []
        for id in ids {
            let account = try account(of: id, today: today, defaultTerms: defaultTerms)
            guard account.overdue > 0, let cause = account.cause, let name = try name(of: id) else { continue }
            due.append(CollectionDue(customer: id, name: name, cause: cause, overdue: account.overdue))
        }
        return due
    }

    // Columns overdue_cause, overdue_cause_on, collect_on from `column` on.
    static func cause(_ row: Database.Row, at column: Int32) -> OverdueCause? {
        guard let id = row.text(column) else { return nil }
        return OverdueCause(id: id, recorded: row.text(column + 1) ?? "", followUp: row.text(column + 2))
    }

    /// What each customer ordered from `from` to `to`, the most first, equal amounts by name
    /// (the ABC analysis). Names are read for the first `named` (and those ordering as much as
    /// the last of them), for all when nil; the others' are empty, equal amounts by card.
    /// Added up from the totals of schema step 10, a row a card for each year, month or
    /// run of days the period is made of (see `OrderPeriods`).
    public func sales(from: String, to: String, named: Int?) throws(StoreError) -> [CustomerSales] {
        guard let first = CivilDay.iso(from), let last = CivilDay.iso(to), first <= last else { return [] }
        var totals: [CustomerID: Int] = [:]
        for piece in OrderPeriods.pieces(from: first, to: last) {
            try db.query("SELECT customer_id, amount FROM order_total WHERE \(owned("owner", "?1")) AND period BETWEEN ?2 AND ?3",
                         [.text(owner), .text(piece.from), .text(piece.to)]) { row in
                totals[row.integer(0), default: 0] += piece.sign * Int(row.integer(1))
            }
        }
        var sales = totals.compactMap { $0.value > 0 ? CustomerSales(customer: $0.key, name: "", amount: $0.value) : nil }
        sales.sort { ($0.amount, $1.customer) > ($1.amount, $0.customer) }
        let reach = named.map { named in
            guard named < sales.count else { return sales.count }
            let least = sales[max(named - 1, 0)].amount
            return sales.firstIndex { $0.amount < least } ?? sales.count
        } ?? sales.count
        if reach == sales.count && reach > 64 {
            var names: [CustomerID: String] = [:]
            try db.query("SELECT id, name FROM customer WHERE \(owned("owner")) AND deleted_at IS NULL", [.text(owner)]) { row in
                names[row.integer(0)] = row.text(1) ?? ""
            }
            for index in sales.indices { sales[index].name = names[sales[index].customer] ?? "" }
        } else {
            for index in 0..<reach { sales[index].name = try name(of: sales[index].customer) ?? "" }
        }
        // Equal amounts by name, as a reader looks for one (byte order, as SQLite sorts text).
        sales[0..<reach].sort { a, b in
            if a.amount != b.amount { return a.amount > b.amount }
            if a.name != b.name { return Array(a.name.utf8).lexicographicallyPrecedes(b.name.utf8) }
            return a.customer < b.customer
        }
        return sales
    }
}
