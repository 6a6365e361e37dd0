/// What the pipeline report is made of, for one period: the store counts, the dialogue
/// words. Days are local `YYYY-MM-DD`, both ends included.
public struct PipelineFigures: Sendable, Equatable {
    /// Cards not lost, now, by level (1 已成交 … 4 无明确意向); cards with no level are left out.
    public var levels: [Int: Int] = [:]
    /// Open customers in the flow, now, by step (1–6, 7 maintenance).
    public var steps: [Int: Int] = [:]
    /// Cards added in the period.
    public var newCustomers = 0
    /// Customers whose flow started (step 1) or moved on to each step in the period.
    public var reached: [Int: Int] = [:]
    /// Visits in the period that were not cancelled, and those of them done.
    public var visitsPlanned = 0
    public var visitsDone = 0
    /// Deals signed in the period, with their amount when it was said, in order.
    public var won: [Deal] = []
    /// Customers dropped in the period, with the reason.
    public var lost: [Deal] = []
    /// The objections raised in the period, the most frequent first.
    public var objections: [(kind: String, count: Int)] = []
    /// For open flows: the step customers have sat at longest, and for how many days on average.
    public var stall: (step: Int, days: Int)? {
        stalls.max { ($0.value, -$0.key) < ($1.value, -$1.key) }.map { ($0.key, $0.value) }
    }
    /// For open flows, by step (1–6): the average days customers have sat there.
    public var stalls: [Int: Int] = [:]
    /// A manager's book: a line per rep of the team, by name.
    public var reps: [RepFigures] = []

    public struct Deal: Sendable, Equatable {
        public var name: String
        public var amount: Int?
        public var reason: String?

        public init(name: String, amount: Int? = nil, reason: String? = nil) {
            self.name = name
            self.amount = amount
            self.reason = reason
        }
    }

    public init() {}

    /// True when nothing at all happened or exists: the report says so instead of zeros.
    public var isEmpty: Bool {
        levels.isEmpty && steps.isEmpty && newCustomers == 0 && visitsPlanned == 0 && won.isEmpty && lost.isEmpty && objections.isEmpty
    }

    public static func == (a: PipelineFigures, b: PipelineFigures) -> Bool {
        a.levels == b.levels && a.steps == b.steps && a.newCustomers == b.newCustomers && a.reached == b.reached
            && a.visitsPlanned == b.visitsPlanned && a.visitsDone == b.visitsDone && a.won == b.won && a.lost == b.lost
            && a.objections.map(\.kind) == b.objections.map(\.kind) && a.objections.map(\.count) == b.objections.map(\.count)
            && a.stalls == b.stalls && a.reps == b.reps
    }
}
