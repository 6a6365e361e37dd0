/// A change the dialogue asks for. The caller applies it to the store in one transaction,
/// then tells the dialogue what came of it (`DialogueEvent.applied`), and only then is the
/// change acknowledged to the rep: what Kaiqu says it did is on disk.
public enum Change: Sendable, Equatable {
    /// A new card (its `id` is ignored; the store assigns one), with a first note.
    case addCustomer(CustomerCard, note: String? = nil)
    case updateCustomer(CustomerID, [CardEdit])
    /// A timestamped note; `profile` fills software-profile fields found in it.
    case addNote(CustomerID, String, profile: [String: String])
    /// A soft delete: the card disappears from every list, and undo brings it back.
    case deleteCustomer(CustomerID)
    case scheduleVisit(VisitPlan)
    case cancelVisit(VisitID)
    case moveVisit(VisitID, day: String, time: String?)
    case logContact(ContactLog)
    /// Changes to a customer's flow, made together.
    case flow(CustomerID, [FlowChange])
    /// Signed: level 1, the amount, no card, and the flow on to after-sale maintenance.
    case dealWon(CustomerID, amount: Int?)
    /// Dropped: the reason kept, level 4, no card, out of the cadence.
    case dealLost(CustomerID, reason: String)
    /// Cards moved to another rep of the manager's team (a user id); the history keeps who
    /// had them until when.
    case reassign([CustomerID], to: String)
    /// All of a rep's cards moved to another (both user ids): a rep who leaves.
    case reassignAll(from: String, to: String)
    /// Reverts the owner's last change that is not undone yet.
    case undo
    /// An order or a payment.
    case recordSale(SaleEntry)
    /// A customer's payment terms (days) or credit limit (yuan); nil leaves it as it is.
    case setAccount(CustomerID, termsDays: Int?, creditLimit: Int?)
    /// Why a customer pays late (an `overdue-cause` id, recorded on `OverdueCause.recorded`)
    /// and the day to follow up on collecting.
    case setOverdueCause(CustomerID, OverdueCause)
    /// A role-play's scorecard, kept in the rep's training record (not undone by undo: it is
    /// a result, not an edit).
    case recordTraining(TrainingRecord)

    /// What kind of change this is, for the journal and for "已撤销：…".
    public var kind: String {
        switch self {
        case .addCustomer: "customer.add"
        case .updateCustomer: "customer.update"
        case .addNote: "customer.note"
        case .deleteCustomer: "customer.delete"
        case .scheduleVisit: "visit.schedule"
        case .cancelVisit: "visit.cancel"
        case .moveVisit: "visit.move"
        case .logContact: "visit.log"
        case .flow: "flow"
        case .dealWon: "deal.won"
        case .dealLost: "deal.lost"
        case .reassign, .reassignAll: "customer.reassign"
        case .undo: "undo"
        case .recordTraining: "train.record"
        case .recordSale(let entry): entry.kind == .order ? "order.add" : "payment.add"
        case .setAccount: "account.set"
        case .setOverdueCause: "receivable.cause"
        }
    }
}

/// One field of a card set to a new value (nil clears it).
public enum CardEdit: Sendable, Equatable {
    case name(String)
    case company(String?)
    /// Becomes the main phone; the others stay.
    case phone(String)
    case email(String?)
    case wechat(String?)
    case region(String?)
    case address(String?)
    case role(String?)
    case source(String?)
    case birthday(Birthday?)
    case level(Int?, byRep: Bool)
    case card(String?, byRep: Bool)
    case money(Bool?)
    case authority(Bool?)
    case need(Bool?)
    case profile(String, String?)
    case status(CustomerCard.Status)
    case dealAmount(Int?)
    case lostReason(String?)
    /// The 5C grade, the five scores (1–5 each, in the order character, capacity, capital,
    /// collateral, conditions) and the day of the check.
    case credit(grade: String, scores: [Int], on: String)
}

/// A visit (or call, WeChat, samples to send) to plan.
public struct VisitPlan: Sendable, Equatable, Codable {
    public var customer: CustomerID
    public var day: String
    public var time: String?
    public var endTime: String?
    public var purpose: String?
    /// Nil for a visit (and in conversation states saved before contacts had kinds).
    public var kind: ContactKind?

    public init(customer: CustomerID, day: String, time: String? = nil, endTime: String? = nil, purpose: String? = nil,
                kind: ContactKind? = nil) {
        self.customer = customer
        self.day = day
        self.time = time
        self.endTime = endTime
        self.purpose = purpose
        self.kind = kind == .visit ? nil : kind
    }
}

/// A contact that happened: a visit or a call, with what came of it.
public struct ContactLog: Sendable, Equatable {
    public var customer: CustomerID
    /// Local `YYYY-MM-DD` and `HH:MM`.
    public var day: String
    public var time: String
    public var outcome: String?
    /// The planned visit this fulfils, marked done instead of adding a new one.
    public var planned: VisitID?
    /// Card edits that follow from the contact (the suggested level, say).
    public var edits: [CardEdit]
    /// What the contact showed for the flow: a refusal, objections, buying signals.
    public var flow: [FlowChange]
    public var kind: ContactKind

    public init(customer: CustomerID, day: String, time: String, outcome: String? = nil, planned: VisitID? = nil,
                edits: [CardEdit] = [], flow: [FlowChange] = [], kind: ContactKind = .visit) {
        self.customer = customer
        self.day = day
        self.time = time
        self.outcome = outcome
        self.planned = planned
        self.edits = edits
        self.flow = flow
        self.kind = kind
    }
}

/// What applying a change gave.
public enum Outcome: Sendable, Equatable {
    /// The card added or changed.
    case customer(CustomerID)
    /// The visit added or changed.
    case visit(VisitID)
    /// An undo: what it reverted, by change kind, and whom it was about.
    case undone(kind: String, subject: String)
    case nothingToUndo
    /// Cards moved to another rep: how many.
    case reassigned(count: Int)
    /// A training result kept.
    case recorded
}
