/// What a card shown tells beside its own fields (`Records.extras`).
public struct CardExtras: Sendable, Equatable {
    public var account: Account
    /// The six-step flow, nil before it started.
    public var flow: FlowState?
    /// The next visit planned, today or later.
    public var nextVisit: Visit?
    /// The latest notes, newest first.
    public var notes: [Note]
    /// Who had the card before its present rep, oldest first.
    public var previousOwners: [PreviousOwner]

    public init(account: Account, flow: FlowState?, nextVisit: Visit?, notes: [Note], previousOwners: [PreviousOwner]) {
        self.account = account
        self.flow = flow
        self.nextVisit = nextVisit
        self.notes = notes
        self.previousOwners = previousOwners
    }
}
