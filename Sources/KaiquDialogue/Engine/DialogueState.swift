import KaiquNLU

/// What the conversation remembers between lines.
public struct DialogueState: Sendable, Codable, Equatable {
    /// The language replies are in: the last one the rep wrote in (simplified Chinese at first).
    public var language: Language = .zhHans
    /// Whom 他 / 她 / 这个客户 / that customer mean: the last customer the conversation was about.
    public var lastCustomer: CustomerID?
    /// The question Kaiqu asked and is waiting an answer to.
    public var pending: Pending?
    /// The last list shown, for "更多".
    public var listing: Listing?
    /// A request that waits for a card being added, taken up again once it exists.
    public var resume: Resume?
    /// Tips already given this conversation: each is said once, not after every card.
    public var tipsGiven: Set<String> = []
    /// A role-play in progress: while there is one, the rep's lines go to the dealer.
    public var rolePlay: RolePlay?

    public init() {}
}

/// A question waiting for the rep's answer. Confirm, deny and cancel answer any of them; a
/// bare value (a phone number, a number from a list, a day) answers the ones that ask it.
/// Boxed: its cases hold cards and lists, and the state is copied in and out of every turn.
public indirect enum Pending: Sendable, Codable, Equatable {
    /// Adding a card: asking for its name or its phone.
    case newCustomer(CustomerCard, asking: CardQuestion)
    /// The new card looks like an existing one: update that one instead?
    case duplicate(CustomerCard, existing: CustomerID)
    /// Several customers fit the name: which one? Then `then` goes on with the one chosen.
    case chooseCustomer([CustomerSummary], then: Utterance)
    /// No customer has this name: add a card for them, then go on with `then`?
    case createUnknown(String, then: Utterance)
    /// No customer was named and none is in context: whom is `then` about?
    case whichCustomer(then: Utterance)
    /// Delete this card?
    case delete(CustomerID, name: String)
    /// Planning a visit (or a call, WeChat or samples: `kind`): on which day (and at what time)?
    case visitWhen(CustomerID, purpose: String?, kind: ContactKind? = nil)
    /// This visit clashes with another: plan it anyway?
    case clash(VisitPlan, with: Visit)
    /// This visit falls on an official day off (the festival's id): plan it anyway?
    case dayOff(VisitPlan, festival: String)
    /// Several planned visits fit: which one to cancel, or to move to `day`/`time`?
    case chooseVisit([Visit], moveTo: VisitMove?)
    /// A step's checklist is shown: numbers tick its items.
    case checklist(CustomerID, step: Int)
    /// Essential items are not done: go on to `to` anyway?
    case insistNext(CustomerID, to: Int)
    /// Analysing a refusal: what it was about (1 person, 2 product, 3 instinct)?
    case refusalAbout(CustomerID)
    /// …and how it was said (1 indirect, 2 direct)?
    case refusalForm(CustomerID, about: String)
    /// Were the open objections resolved? Then on to step `then`.
    case objectionsResolved(CustomerID, then: Int)
    /// The conversation suggests a step (buying signals → 6): go there?
    case suggestStep(CustomerID, step: Int)
    /// The 5C check: the scores given so far.
    case credit(CustomerID, scores: [Int])
    /// A deal is dropped: why?
    case lostReason(CustomerID)
    /// This order takes the balance over the credit limit: record it anyway?
    case overLimit(SaleEntry)
    /// The 5C grade suggests this credit limit (and terms): set it?
    case suggestLimit(CustomerID, limit: Int, terms: Int?)
    /// Which role-play to start: the scenario ids of the menu shown.
    case chooseScenario([String])
    /// The line was understood only loosely and would change the store: is that what the
    /// rep meant (你是要给 王建国 记一条备注吗)? Yes goes on with `then`.
    case confirmGuess(then: Utterance)

    /// How many items a numbered question lists (0 for the others).
    var choiceCount: Int {
        switch self {
        case .chooseCustomer(let candidates, _): candidates.count
        case .chooseVisit(let visits, _): visits.count
        case .chooseScenario(let ids): ids.count
        default: 0
        }
    }

    /// Questions that are a mode more than a question: a new request leaves them without
    /// "the previous question was dropped".
    var isQuiet: Bool {
        switch self {
        case .checklist, .suggestStep, .refusalAbout, .refusalForm: true
        default: false
        }
    }
}

/// A request taken up again once the card being added exists.
public struct Resume: Sendable, Codable, Equatable {
    public var utterance: Utterance
    /// True when the request is about the new card (明天拜访孙丽 → "孙丽还没有卡，要新建吗？"
    /// → … → the visit is planned); false when it is another request the rep moved on to.
    public var aboutNewCard: Bool
}

/// Where a visit being chosen is to move: a day and, when said, a time.
public struct VisitMove: Sendable, Codable, Equatable {
    public var day: String
    public var time: String?
}

/// What a card question asks for.
public enum CardQuestion: String, Sendable, Codable {
    case name, phone
}

/// A list shown page by page.
public struct Listing: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case customers, followUps }
    public var kind: Kind
    public var filter: CustomerFilter
    /// The first row of the next page.
    public var offset: Int
    /// For follow-ups: the day number they are due by.
    public var dueBy: Int?
}
