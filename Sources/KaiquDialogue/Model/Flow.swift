/// Where a customer stands in the six-step channel-development flow (1 销售准备 … 6 促进签约,
/// then 7 售后维护), and what happened on the way.
public struct FlowState: Sendable, Equatable {
    public var customer: CustomerID
    /// 1…6, or `FlowState.maintenance`.
    public var step: Int
    /// The checklist items ticked, by id (`1.cards`).
    public var ticked: Set<String>
    /// The analysis of the last refusal: what it was about (person, product, instinct) and how
    /// it was said (indirect, direct), by `refusal` block name.
    public var refusalAbout: String?
    public var refusalForm: String?
    public var startedAt: String
    public var updatedAt: String
    /// Every objection raised, oldest first.
    public var objections: [RaisedObjection] = []
    /// The latest events, newest first.
    public var history: [FlowEvent] = []

    /// The step after closing: after-sale maintenance.
    public static let maintenance = 7

    public init(customer: CustomerID, step: Int, ticked: Set<String> = [], startedAt: String, updatedAt: String) {
        self.customer = customer
        self.step = step
        self.ticked = ticked
        self.startedAt = startedAt
        self.updatedAt = updatedAt
    }

    /// The objections not resolved yet.
    public var open: [RaisedObjection] { objections.filter { $0.resolvedAt == nil } }
}

/// An objection a customer raised, and when it was resolved.
public struct RaisedObjection: Sendable, Equatable {
    public var id: Int64
    /// The playbook id: price, low_margin …
    public var kind: String
    /// The words the rep reported, as typed.
    public var said: String?
    public var raisedAt: String
    public var resolvedAt: String?

    public init(id: Int64, kind: String, said: String?, raisedAt: String, resolvedAt: String? = nil) {
        self.id = id
        self.kind = kind
        self.said = said
        self.raisedAt = raisedAt
        self.resolvedAt = resolvedAt
    }
}

/// Something that happened in a customer's flow, for its history.
public struct FlowEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case started, moved, refusal, objection, resolved, signal, won, lost
    }

    public var at: String
    public var kind: Kind
    public var from: Int?
    public var to: Int?
    /// What it was: the objection or signal id, the refusal kinds, the reason lost.
    public var detail: String?

    public init(at: String, kind: Kind, from: Int? = nil, to: Int? = nil, detail: String? = nil) {
        self.at = at
        self.kind = kind
        self.from = from
        self.to = to
        self.detail = detail
    }
}

/// A change to a customer's flow.
public enum FlowChange: Sendable, Equatable {
    /// Begins the flow at a step (1 for a new channel; 5 when an objection comes first).
    case start(at: Int)
    /// Goes to a step; `insisted` when the rep went on past unfinished essentials.
    case move(to: Int, insisted: Bool)
    case tick([String])
    case refusal(about: String?, form: String?)
    case objection(kind: String, said: String?)
    /// Every open objection is resolved.
    case resolveObjections
    /// A buying signal seen: its `signal` block name and the words.
    case signal(kind: String, said: String)
}
