/// One finished role-play in a rep's training record.
public struct TrainingRecord: Sendable, Equatable, Codable {
    public var scenario: String
    /// When it ended: local `YYYY-MM-DDTHH:MM`.
    public var at: String
    public var ending: RolePlay.Ending
    public var score: Int
    public var total: Int
    /// The criteria met (`Scorecard.criteria`).
    public var met: [String]

    public init(scenario: String, at: String, ending: RolePlay.Ending, score: Int, total: Int, met: [String]) {
        self.scenario = scenario
        self.at = at
        self.ending = ending
        self.score = score
        self.total = total
        self.met = met
    }
}
