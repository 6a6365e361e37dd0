/// A customer's number in the store.
public typealias CustomerID = Int64

/// A customer card (客户资料卡): contact data, the method's two profiles, qualification and
/// where the customer stands. The store keeps it; the dialogue reads and changes it.
public struct CustomerCard: Sendable, Equatable, Codable {
    public var id: CustomerID
    public var name: String
    public var company: String?
    /// The first is the main one.
    public var phones: [String] = []
    public var email: String?
    public var wechat: String?
    public var region: String?
    public var address: String?
    /// One of the contract's roles: dealer, agent, wholesaler, retailer, terminal, direct.
    public var role: String?
    /// Where the lead came from: 展会, 转介绍, 电话 …
    public var source: String?
    public var birthday: Birthday?
    /// The hardware and software profiles, by field id (`ProfileField`): gender, age, spend,
    /// products; work, family, personality, spending, hobbies, habits, service, promotion, values.
    public var profile: [String: String] = [:]
    /// 1 一级 已成交 … 4 四级 无明确意向.
    public var level: Int?
    /// True when the rep set the level; otherwise it follows `Qualification.suggestedLevel`.
    public var levelSetByRep = false
    /// A, B or C: closing within a week, a month, three months.
    public var card: String?
    public var cardSetByRep = false
    /// MAN: nil while unknown.
    public var money: Bool?
    public var authority: Bool?
    public var need: Bool?
    /// open, won or lost.
    public var status: Status = .open
    /// The deal amount in yuan once won; the reason once lost.
    public var dealAmount: Int?
    public var lostReason: String?
    /// The last 5C credit check: grade A–D, the five scores, the day.
    public var creditGrade: String?
    public var creditScores: [Int] = []
    public var creditOn: String?
    /// Local wall-clock times, `YYYY-MM-DDTHH:MM`.
    public var createdAt: String
    public var updatedAt: String
    public var lastContact: String?
    /// How many contacts were logged (visits, calls).
    public var contactCount = 0

    /// Where a customer is in the sales life cycle.
    public enum Status: String, Sendable, Codable {
        case open, won, lost
    }

    public init(id: CustomerID, name: String, createdAt: String, updatedAt: String) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Key customers (重点客户) are visited more often: levels 1 and 2.
    public var isKey: Bool { level.map { $0 <= 2 } ?? false }
}

/// A short view of a card for lists and choices.
public struct CustomerSummary: Sendable, Equatable, Codable {
    public var id: CustomerID
    public var name: String
    public var company: String?
    public var phone: String?
    public var region: String?
    public var role: String?
    public var level: Int?
    public var card: String?
    public var status: CustomerCard.Status
    public var lastContact: String?
    public var createdAt: String
    /// The rep whose card it is, when it is not the reader's own: a manager sees whose it is.
    public var owner: String?

    public init(id: CustomerID, name: String, company: String? = nil, phone: String? = nil, region: String? = nil,
                role: String? = nil, level: Int? = nil, card: String? = nil, status: CustomerCard.Status = .open,
                lastContact: String? = nil, createdAt: String = "", owner: String? = nil) {
        self.owner = owner
        self.id = id
        self.name = name
        self.company = company
        self.phone = phone
        self.region = region
        self.role = role
        self.level = level
        self.card = card
        self.status = status
        self.lastContact = lastContact
        self.createdAt = createdAt
    }
}

/// A timestamped free-text note on a card.
public struct Note: Sendable, Equatable {
    public var text: String
    /// Local `YYYY-MM-DDTHH:MM`.
    public var at: String
    public init(text: String, at: String) {
        self.text = text
        self.at = at
    }
}
