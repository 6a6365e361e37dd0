/// An order or a payment, as the rep reports it (王建国进了50箱，3万 / 王建国回款2万).
public struct SaleEntry: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case order, payment }
    public var customer: CustomerID
    public var kind: Kind
    /// The local day it happened, `YYYY-MM-DD`.
    public var day: String
    /// Yuan.
    public var amount: Int

    public init(customer: CustomerID, kind: Kind, day: String, amount: Int) {
        self.customer = customer
        self.kind = kind
        self.day = day
        self.amount = amount
    }
}

/// A customer's account: what was ordered and paid, what is owed, what is overdue. Payments
/// settle the oldest orders first; an order is due its terms' days after it was placed.
public struct Account: Sendable, Equatable {
    public var ordered = 0
    public var paid = 0
    /// The customer's own terms and credit limit, when set (`nil`: the policy's terms, no limit).
    public var termsDays: Int?
    public var creditLimit: Int?
    /// What is owed and not yet due, and what is past its due day.
    public var overdue = 0
    /// The due day of the oldest unpaid order past due, and of the next one to fall due.
    public var oldestOverdue: String?
    public var nextDue: String?
    /// Why they pay late, as the rep recorded it (an `overdue-cause` id), and when to follow up.
    public var cause: OverdueCause?

    public var balance: Int { ordered - paid }

    public init() {}
}

/// A customer with money past due, for 哪些客户欠款逾期了.
public struct OverdueAccount: Sendable, Equatable {
    public var customer: CustomerID
    public var name: String
    public var amount: Int
    /// The due day of the oldest unpaid order, and how many days ago that was.
    public var since: String
    public var days: Int
    public var cause: OverdueCause?
    /// All that is owed, due or not.
    public var balance: Int

    public init(customer: CustomerID, name: String, amount: Int, since: String, days: Int, cause: OverdueCause? = nil, balance: Int? = nil) {
        self.customer = customer
        self.name = name
        self.amount = amount
        self.since = since
        self.days = days
        self.cause = cause
        self.balance = balance ?? amount
    }
}

/// Why a customer pays late, one of the six causes the method names (资金周转不佳, 经营不佳,
/// 货物积压, 合同纠纷, 故意拖欠, 催款不力), as the rep recorded it, and the day set to follow
/// up on collecting.
public struct OverdueCause: Sendable, Equatable {
    /// The `overdue-cause` lookup id: cash, business, stock, dispute, deliberate, collection.
    public var id: String
    /// The day it was recorded and the day to follow up, `YYYY-MM-DD`.
    public var recorded: String
    public var followUp: String?

    public init(id: String, recorded: String, followUp: String?) {
        self.id = id
        self.recorded = recorded
        self.followUp = followUp
    }
}

/// A collection follow-up for the agenda: a customer whose cause is recorded, with money
/// still overdue.
public struct CollectionDue: Sendable, Equatable {
    public var customer: CustomerID
    public var name: String
    public var cause: OverdueCause
    public var overdue: Int

    public init(customer: CustomerID, name: String, cause: OverdueCause, overdue: Int) {
        self.customer = customer
        self.name = name
        self.cause = cause
        self.overdue = overdue
    }
}

/// A customer's orders over a period, for the ABC analysis.
public struct CustomerSales: Sendable, Equatable {
    public var customer: CustomerID
    public var name: String
    public var amount: Int

    public init(customer: CustomerID, name: String, amount: Int) {
        self.customer = customer
        self.name = name
        self.amount = amount
    }
}
