import KaiquDialogue
import KaiquNLU

extension Book {
    /// A customer's orders, payments and what is owed as of `today` (see `Account`).
    public func account(of customer: CustomerID, today: String, defaultTerms: Int) throws(StoreError) -> Account {
        var account = Account()
        var found = false
        try db.query("""
            SELECT terms_days, credit_limit, overdue_cause, overdue_cause_on, collect_on FROM customer c WHERE c.id = ? AND \(owned("c.owner"))
            """, [.integer(customer), .text(owner)]) { row in
            found = true
            account.termsDays = row.optionalInteger(0)
            account.creditLimit = row.optionalInteger(1)
            account.cause = Self.cause(row, at: 2)
        }
        guard found else { throw .noSuchCustomer(customer) }
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
        Array(try receivables(today: today, defaultTerms: defaultTerms).accounts.prefix(limit))
    }

    /// What is owed as of `today`: the balance, the overdue by age and by cause, and the
    /// overdue accounts. One grouped pass over the open orders: a row a customer and age
    /// bucket (-1: not due yet).
    public func receivables(today: String, defaultTerms: Int) throws(StoreError) -> ReceivableFigures {
        guard let day = CivilDay.iso(today) else { return ReceivableFigures() }
        var figures = ReceivableFigures()
        var accounts: [CustomerID: OverdueAccount] = [:]
        try db.query("""
            SELECT customer_id, name, CASE WHEN late <= 0 THEN -1 WHEN late <= 30 THEN 0 WHEN late <= 60 THEN 1 WHEN late <= 90 THEN 2 ELSE 3 END,
                   sum(open), max(late), overdue_cause, overdue_cause_on, collect_on
            FROM (\(Self.openOrders(owned("c.owner", "?3")))) GROUP BY 1, 3
            """, [.text(today), .integer(Int64(defaultTerms)), .text(owner)]) { row in
            let customer = row.integer(0), bucket = Int(row.integer(2)), amount = Int(row.integer(3))
            var account = accounts[customer] ?? OverdueAccount(customer: customer, name: row.text(1) ?? "", amount: 0, since: today, days: 0,
                                                               cause: Self.cause(row, at: 5), balance: 0)
            figures.balance += amount
            account.balance += amount
            if bucket < 0 {
                figures.notDue += amount
            } else {
                figures.buckets[bucket] += amount
                figures.byCause[account.cause?.id ?? "", default: 0] += amount
                account.amount += amount
                account.days = max(account.days, Int(row.integer(4)))
            }
            accounts[customer] = account
        }
        figures.owing = accounts.count
        figures.accounts = accounts.values.filter { $0.amount > 0 }.map { account in
            var account = account
            account.since = day.adding(days: -account.days).description
            return account
        }.sorted { ($0.days, $0.amount, $1.customer) > ($1.days, $1.amount, $0.customer) }
        figures.overdueCustomers = figures.accounts.count
        return figures
    }

    // The orders not paid in full, from the open amounts `resettle` keeps (only those rows are
    // read, however long the history), each with how many days past due it is (`late`; 0 or
    // less is not due yet). Binds ?1 today, ?2 the policy's terms; `owned` binds the owner.
    static func openOrders(_ owned: String) -> String {
        """
        SELECT s.customer_id, c.name, s.open, c.overdue_cause, c.overdue_cause_on, c.collect_on,
               CAST(julianday(?1) - julianday(s.day) AS INTEGER) - coalesce(c.terms_days, ?2) AS late
        FROM sale s CROSS JOIN customer c ON c.id = s.customer_id
        WHERE s.open > 0 AND c.deleted_at IS NULL AND \(owned)
        """
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
        try db.query("""
            SELECT c.id FROM customer c WHERE c.collect_on IS NOT NULL AND c.collect_on <= ? AND c.deleted_at IS NULL AND \(owned("+c.owner"))
            ORDER BY c.collect_on, c.id LIMIT 200
            """, [.text(day), .text(owner)]) { row in ids.append(row.integer(0)) }
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

    /// What each customer ordered from `from` to `to`, the most first (the ABC analysis).
    public func sales(from: String, to: String) throws(StoreError) -> [CustomerSales] {
        var sales: [CustomerSales] = []
        try db.query("""
            SELECT c.id, c.name, sum(s.amount) AS total FROM sale s JOIN customer c ON c.id = s.customer_id
            WHERE c.deleted_at IS NULL AND \(owned("c.owner")) AND s.kind = 'order' AND s.day BETWEEN ? AND ?
            GROUP BY c.id ORDER BY total DESC, c.name
            """, [.text(owner), .text(from), .text(to)]) { row in
            sales.append(CustomerSales(customer: row.integer(0), name: row.text(1) ?? "", amount: Int(row.integer(2))))
        }
        return sales
    }
}
