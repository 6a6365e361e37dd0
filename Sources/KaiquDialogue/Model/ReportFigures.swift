/// What is owed as of a day, for the receivables report: the balance, what is overdue by
/// how long (the age buckets 0–30, 31–60, 61–90 and over 90 days past due) and by the cause
/// recorded. Amounts in yuan.
public struct ReceivableFigures: Sendable, Equatable {
    /// All that is owed, and the part not due yet.
    public var balance = 0
    public var notDue = 0
    /// Overdue amounts by age bucket: index 0 is 1–30 days past due, 1 is 31–60, 2 is 61–90,
    /// 3 is over 90.
    public var buckets = [0, 0, 0, 0]
    /// Overdue amounts by cause id; "" is no cause recorded.
    public var byCause: [String: Int] = [:]
    /// Customers who owe, and those of them overdue.
    public var owing = 0
    public var overdueCustomers = 0
    /// The overdue accounts, the longest overdue first.
    public var accounts: [OverdueAccount] = []

    public var overdue: Int { buckets.reduce(0, +) }

    public init() {}

    /// The bucket of an amount `days` past due (1 or more).
    public static func bucket(days: Int) -> Int { days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3 }
}

/// One month of the trend the HTML report draws.
public struct MonthFigures: Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String
    public var ordered = 0
    public var paid = 0
    public var newCustomers = 0
    public var won = 0

    public init(month: String) { self.month = month }
}

/// A rep's line in a manager's report.
public struct RepFigures: Sendable, Equatable {
    public var name: String
    public var newCustomers = 0
    public var visitsPlanned = 0
    public var visitsDone = 0
    public var won = 0
    public var wonAmount = 0
    public var ordered = 0

    public init(name: String) { self.name = name }
}
