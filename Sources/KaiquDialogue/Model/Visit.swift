/// A visit's number in the store.
public typealias VisitID = Int64

/// How a rep is in touch with a customer: a visit, a call, WeChat, samples sent. Every kind
/// counts as a contact for the cadence; a planned call or WeChat is a reminder.
public enum ContactKind: String, Sendable, Codable, CaseIterable {
    case visit, call, wechat, sample
}

/// A planned or past visit (or call, WeChat, samples) to a customer, in the rep's local time.
public struct Visit: Sendable, Equatable, Codable {
    public var id: VisitID
    public var customer: CustomerID
    /// The customer's name, for lists.
    public var customerName: String
    /// `YYYY-MM-DD`.
    public var day: String
    /// `HH:MM`, nil for "some time that day".
    public var time: String?
    /// `HH:MM` when it ends, if said.
    public var endTime: String?
    public var purpose: String?
    public var status: Status
    /// What came of it, once logged.
    public var outcome: String?
    /// The time zone (IANA name) its day and time are in: the rep's when it was planned. Nil
    /// for visits kept before zones were, which are in the rep's zone.
    public var zone: String?
    public var kind: ContactKind = .visit

    public enum Status: String, Sendable, Codable {
        case planned, done, cancelled
    }

    public init(id: VisitID, customer: CustomerID, customerName: String, day: String, time: String? = nil,
                endTime: String? = nil, purpose: String? = nil, status: Status = .planned, outcome: String? = nil, zone: String? = nil,
                kind: ContactKind = .visit) {
        self.id = id
        self.customer = customer
        self.customerName = customerName
        self.day = day
        self.time = time
        self.endTime = endTime
        self.purpose = purpose
        self.status = status
        self.outcome = outcome
        self.zone = zone
        self.kind = kind
    }

    /// `YYYY-MM-DDTHH:MM`, or the day alone: how visits sort.
    public var start: String { time.map { day + "T" + $0 } ?? day }
}
