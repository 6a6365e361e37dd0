import KaiquDialogue
import KaiquNLU

extension Book {
    /// A customer's orders, payments and what is owed as of `today` (see `Account`).
    public func account(of customer: CustomerID, today: String, defaultTerms: Int) throws(StoreError) -> Account {
        var account = Account()
        var found = false
        try db.query("SELECT terms_days, credit_limit FROM customer c WHERE c.id = ? AND \(owned("c.owner"))", [.integer(customer), .text(owner)]) { row in
            found = true
            account.termsDays = row.optionalInteger(0)
            account.creditLimit = row.optionalInteger(1)
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
        var owing: [(id: CustomerID, name: String)] = []
        try db.query("""
            SELECT c.id, c.name FROM customer c WHERE c.deleted_at IS NULL AND \(owned("c.owner"))
            AND EXISTS (SELECT 1 FROM sale s WHERE s.customer_id = c.id AND s.kind = 'order') ORDER BY c.id
            """, [.text(owner)]) { row in owing.append((row.integer(0), row.text(1) ?? "")) }
        var overdue: [OverdueAccount] = []
        for (id, name) in owing {
            let account = try account(of: id, today: today, defaultTerms: defaultTerms)
            guard account.overdue > 0, let since = account.oldestOverdue else { continue }
            overdue.append(OverdueAccount(customer: id, name: name, amount: account.overdue, since: since, days: Self.days(from: since, to: today)))
        }
        return Array(overdue.sorted { $0.days != $1.days ? $0.days > $1.days : $0.amount > $1.amount }.prefix(limit))
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
