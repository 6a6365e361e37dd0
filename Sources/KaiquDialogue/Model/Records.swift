/// Counts stop here: a rep needs "1000+", not an exact number that costs a scan of a big book.
public let countLimit = 1_000

/// What the dialogue may read: one rep's customers and visits. The store implements it;
/// the dialogue never writes through it (writes are `Change`s it returns as effects).
///
/// Days are local `YYYY-MM-DD` strings, day numbers are `CivilDay.ordinal`s. Every `total`
/// and count is exact up to `countLimit`; `countLimit + 1` means "more than that".
public protocol Records {
    /// The whole card, nil when there is none (or it was deleted).
    func card(_ id: CustomerID) throws -> CustomerCard?
    /// A customer's name, deleted cards included (to say what was deleted).
    func name(of id: CustomerID) throws -> String?
    /// One visit.
    func visit(_ id: VisitID) throws -> Visit?
    /// The newest notes first.
    func notes(of id: CustomerID, limit: Int) throws -> [Note]
    /// Cards whose name, folded as the parser folds it (`NameKey`), is `key`.
    func customers(nameKey key: String) throws -> [CustomerSummary]
    /// The whole card when exactly one name folds to `key`; else whether none or several do.
    func card(nameKey key: String) throws -> NamedCard
    /// Cards whose folded name starts with `surname` (Chinese) or has it as a word (Latin).
    func customers(surname: String, limit: Int) throws -> [CustomerSummary]
    /// Cards with this phone among their phones.
    func customers(phone: String) throws -> [CustomerSummary]
    /// One page of the cards that pass `filter`, in the filter's order, and how many pass.
    /// Lists (this, `due`, `birthdays`) leave `CustomerSummary.phone` out: see `firstPhones`.
    func customers(_ filter: CustomerFilter, offset: Int, limit: Int) throws -> (rows: [CustomerSummary], total: Int)
    /// The first phone of each of these cards that has one.
    func firstPhones(of ids: [CustomerID]) throws -> [CustomerID: String]
    /// The customer's flow with its objections and latest events, nil before it started.
    func flow(of customer: CustomerID) throws -> FlowState?
    /// What a card shown tells beside its own fields: its account, flow, next planned visit
    /// (on or after `today`), latest `notes` and previous owners.
    func extras(of customer: CustomerID, today: String, defaultTerms: Int, notes: Int) throws -> CardExtras
    /// How many cards pass `filter`.
    func count(_ filter: CustomerFilter) throws -> Int
    /// Visits between two days, both included, with one of these statuses, earliest first.
    func visits(from: String, to: String, statuses: [Visit.Status], limit: Int) throws -> (rows: [Visit], total: Int)
    /// One customer's visits, newest first.
    func visits(of customer: CustomerID, limit: Int) throws -> [Visit]
    /// The next visit planned on or after `day` for each of these customers that has one.
    func nextPlannedVisits(of customers: [CustomerID], from day: String) throws -> [CustomerID: Visit]
    /// Customers whose cadence makes them due on or before `day` (a day number), the most
    /// overdue first, and how many there are, leaving out `excluding`. Lost and deleted
    /// customers are never due.
    func due(onOrBefore day: Int, filter: CustomerFilter, excluding: Set<CustomerID>, limit: Int) throws -> (rows: [DueCustomer], total: Int)
    /// Customers whose birthday (`Birthday.monthDayKey`) is one of these keys.
    func birthdays(keys: BirthdayKeys) throws -> [(customer: CustomerSummary, birthday: Birthday)]
    /// The reps a manager may hand cards to (their team, themselves included); empty for a rep.
    func teammates() throws -> [Teammate]
    /// Who had the card before its present rep, oldest first (empty for a card never moved).
    func previousOwners(of customer: CustomerID) throws -> [PreviousOwner]
    /// The rep's finished role-plays, newest first.
    func trainings(limit: Int) throws -> [TrainingRecord]
    /// The pipeline from `from` to `to` (local days, both included), as of `today`.
    /// `current`: with what is now as well (levels, steps, where flows stall); false for the
    /// period a report compares against, which needs only what happened in it.
    func pipeline(from: String, to: String, today: String, current: Bool) throws -> PipelineFigures
    /// A customer's orders, payments and what is owed as of `today`; orders without terms of
    /// their own are due `defaultTerms` days after they were placed.
    func account(of customer: CustomerID, today: String, defaultTerms: Int) throws -> Account
    /// The customers with money past due, the longest overdue first.
    func overdueAccounts(today: String, defaultTerms: Int, limit: Int) throws -> [OverdueAccount]
    /// What each customer ordered from `from` to `to` (local days, both included), the most
    /// first; names for the first `named` at least (all for nil), the others' may be empty.
    func sales(from: String, to: String, named: Int?) throws -> [CustomerSales]
    /// What is owed as of `today`: the balance, the overdue by age and by cause, and the
    /// first `accounts` overdue accounts (all for nil).
    func receivables(today: String, defaultTerms: Int, accounts: Int?) throws -> ReceivableFigures
    /// Month by month, the `months` up to `today`'s.
    func trend(months: Int, today: String) throws -> [MonthFigures]
    /// What a customer ordered from `from` to `to` (local days, both included), in yuan.
    func ordered(by customer: CustomerID, from: String, to: String) throws -> Int
    /// The collection follow-ups due by `day` whose customers still have money overdue.
    func collectionsDue(by day: String, today: String, defaultTerms: Int) throws -> [CollectionDue]
}

extension Records {
    /// Found as a list, then read: a store reads the card at once (`Book`).
    public func card(nameKey key: String) throws -> NamedCard {
        let found = try customers(nameKey: key)
        guard found.count == 1 else { return found.isEmpty ? .none : .several }
        return try card(found[0].id).map(NamedCard.one) ?? .none
    }

    /// Read one by one: a store asks first which of them the card has (`Book`).
    public func extras(of customer: CustomerID, today: String, defaultTerms: Int, notes: Int) throws -> CardExtras {
        CardExtras(account: try account(of: customer, today: today, defaultTerms: defaultTerms), flow: try flow(of: customer),
                   nextVisit: try nextPlannedVisits(of: [customer], from: today)[customer], notes: try self.notes(of: customer, limit: notes),
                   previousOwners: try previousOwners(of: customer))
    }

    /// Read card by card: a store reads them in one (`Book`).
    public func firstPhones(of ids: [CustomerID]) throws -> [CustomerID: String] {
        var phones: [CustomerID: String] = [:]
        for id in ids { phones[id] = try card(id)?.phones.first }
        return phones
    }

    /// One look-up a customer: a store answers all in one (`Book`).
    public func nextPlannedVisits(of customers: [CustomerID], from day: String) throws -> [CustomerID: Visit] {
        var next: [CustomerID: Visit] = [:]
        for customer in customers {
            next[customer] = try visits(of: customer, limit: 50).filter { $0.status == .planned && $0.day >= day }.min { $0.start < $1.start }
        }
        return next
    }
    public func teammates() throws -> [Teammate] { [] }
    public func previousOwners(of customer: CustomerID) throws -> [PreviousOwner] { [] }
    public func trainings(limit: Int) throws -> [TrainingRecord] { [] }
    public func pipeline(from: String, to: String, today: String, current: Bool) throws -> PipelineFigures { PipelineFigures() }
    public func account(of customer: CustomerID, today: String, defaultTerms: Int) throws -> Account { Account() }
    public func overdueAccounts(today: String, defaultTerms: Int, limit: Int) throws -> [OverdueAccount] { [] }
    public func sales(from: String, to: String, named: Int?) throws -> [CustomerSales] { [] }
    public func receivables(today: String, defaultTerms: Int, accounts: Int?) throws -> ReceivableFigures { ReceivableFigures() }
    public func trend(months: Int, today: String) throws -> [MonthFigures] { [] }
    public func ordered(by customer: CustomerID, from: String, to: String) throws -> Int { 0 }
    public func collectionsDue(by day: String, today: String, defaultTerms: Int) throws -> [CollectionDue] { [] }
}

/// The card a name finds, when it finds one (`Records.card(nameKey:)`).
public enum NamedCard: Sendable, Equatable {
    case none
    case one(CustomerCard)
    /// More than one: `Records.customers(nameKey:)` lists them to choose from.
    case several
}

/// A rep who had a card before, and until when (a local `YYYY-MM-DDTHH:MM`).
public struct PreviousOwner: Sendable, Equatable {
    public var name: String
    public var until: String

    public init(name: String, until: String) {
        self.name = name
        self.until = until
    }
}

/// A user of the same team, as a manager names them: 把王建国转给李娜.
public struct Teammate: Sendable, Equatable {
    /// The user id, the owner of their cards.
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A customer due a contact: the day the cadence makes them due.
public struct DueCustomer: Sendable, Equatable {
    public var customer: CustomerSummary
    /// `CivilDay.ordinal` of the day they became due.
    public var dueDay: Int

    public init(customer: CustomerSummary, dueDay: Int) {
        self.customer = customer
        self.dueDay = dueDay
    }
}

/// Which cards a list shows, and in what order.
public struct CustomerFilter: Sendable, Equatable, Codable {
    public var level: Int?
    public var card: String?
    public var region: String?
    public var role: String?
    public var step: Int?
    public var status: CustomerCard.Status?
    /// Only cards last contacted before this day (or never, and created before it).
    public var contactedBefore: String?
    /// Only this rep's cards (a user id), for a manager's 张伟的客户; with the name to show.
    public var owner: String?
    public var ownerName: String?
    public var order: Order = .priority

    public enum Order: String, Sendable, Codable {
        /// A before B before C, then by level, then by name.
        case priority
        /// The longest without contact first.
        case lastContact
        /// The newest cards first.
        case newest
    }

    public init(level: Int? = nil, card: String? = nil, region: String? = nil, role: String? = nil, step: Int? = nil,
                status: CustomerCard.Status? = nil, contactedBefore: String? = nil, order: Order = .priority) {
        self.level = level
        self.card = card
        self.region = region
        self.role = role
        self.step = step
        self.status = status
        self.contactedBefore = contactedBefore
        self.order = order
    }

    /// True when no field narrows the list.
    public var isEmpty: Bool {
        level == nil && card == nil && region == nil && role == nil && step == nil && status == nil && contactedBefore == nil && owner == nil
    }
}
