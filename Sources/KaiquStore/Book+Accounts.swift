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
        var orders: [(day: String, amount: Int)] = []
        try db.query("SELECT kind, day, amount FROM sale WHERE customer_id = ? ORDER BY day, id", [.integer(customer)]) { row in
            let amount = Int(row.integer(2))
            if row.text(0) == "order" {
                orders.append((row.text(1) ?? "", amount))
                account.ordered += amount
            } else {
                account.paid += amount
            }
        }
        Self.settle(&account, orders: orders, today: today, terms: account.termsDays ?? defaultTerms)
        return account
    }

    /// The customers with money past due, the longest overdue first (at most `limit`).
    public func overdueAccounts(today: String, defaultTerms: Int, limit: Int) throws(StoreError) -> [OverdueAccount] {
        var overdue: [CustomerID: OverdueAccount] = [:]
        try openOrders(defaultTerms: defaultTerms) { order in
            guard order.due < today else { return }
            var account = overdue[order.customer] ?? OverdueAccount(customer: order.customer, name: order.name, amount: 0, since: order.due, days: 0,
                                                                    cause: order.cause, balance: order.balance)
            account.amount += order.open
            if order.due < account.since { account.since = order.due }
            overdue[order.customer] = account
        }
        return Array(overdue.values.map { account in
            var account = account
            account.days = Self.days(from: account.since, to: today)
            return account
        }.sorted { ($0.days, $0.amount, $1.customer) > ($1.days, $1.amount, $0.customer) }.prefix(limit))
    }

    /// What is owed as of `today`: the balance, the overdue by age and by cause.
    public func receivables(today: String, defaultTerms: Int) throws(StoreError) -> ReceivableFigures {
        var figures = ReceivableFigures()
        var owing = Set<CustomerID>(), late = Set<CustomerID>()
        try openOrders(defaultTerms: defaultTerms) { order in
            figures.balance += order.open
            owing.insert(order.customer)
            guard order.due < today else { return figures.notDue += order.open }
            late.insert(order.customer)
            figures.buckets[ReceivableFigures.bucket(days: Self.days(from: order.due, to: today))] += order.open
            figures.byCause[order.cause?.id ?? "", default: 0] += order.open
        }
        (figures.owing, figures.overdueCustomers) = (owing.count, late.count)
        return figures
    }

    /// An order not yet paid in full: what is open of it and when it falls due.
    struct OpenOrder {
        var customer: CustomerID
        var name: String
        var due: String
        var open: Int
        var balance: Int
        var cause: OverdueCause?
    }

    // The orders not paid in full, from the open amounts `resettle` keeps: only those rows
    // are read, however long the history.
    func openOrders(defaultTerms: Int, _ each: (OpenOrder) -> Void) throws(StoreError) {
        var orders: [OpenOrder] = []
        var balances: [CustomerID: Int] = [:]
        try db.query("""
            SELECT s.customer_id, c.name, s.day, s.open, c.terms_days, c.overdue_cause, c.overdue_cause_on, c.collect_on
            FROM sale s JOIN customer c ON c.id = s.customer_id
            WHERE s.open > 0 AND c.deleted_at IS NULL AND \(owned("c.owner"))
            """, [.text(owner)]) { row in
            guard let placed = CivilDay.iso(row.text(2) ?? "") else { return }
            let order = OpenOrder(customer: row.integer(0), name: row.text(1) ?? "", due: placed.adding(days: row.optionalInteger(4) ?? defaultTerms).description,
                                  open: Int(row.integer(3)), balance: 0, cause: Self.cause(row, at: 5))
            balances[order.customer, default: 0] += order.open
            orders.append(order)
        }
        for var order in orders {
            order.balance = balances[order.customer] ?? order.open
            each(order)
        }
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
        try db.query("""
            SELECT c.id FROM customer c WHERE c.collect_on IS NOT NULL AND c.collect_on <= ? AND c.deleted_at IS NULL AND \(owned("c.owner"))
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

    // Payments settle the oldest orders first; what is left of an order past its due day is
    // overdue.
    static func settle(_ account: inout Account, orders: [(day: String, amount: Int)], today: String, terms: Int) {
        var payments = account.paid
        for order in orders {
            let settled = min(payments, order.amount)
            payments -= settled
            let open = order.amount - settled
            guard open > 0, let placed = CivilDay.iso(order.day) else { continue }
            let due = placed.adding(days: terms).description
            if due < today {
                account.overdue += open
                if account.oldestOverdue == nil { account.oldestOverdue = due }
            } else if account.nextDue == nil {
                account.nextDue = due
            }
        }
    }

    static func days(from: String, to: String) -> Int {
        guard let a = CivilDay.iso(from), let b = CivilDay.iso(to) else { return 0 }
        return b.ordinal - a.ordinal
    }
}
