/// The scorecard of a role-play, from the method: the six moves of handling an objection
/// (倾听, 认同, 澄清, 回应, 确认, 推进), rejection analysis at step 3, the buying signal
/// caught at step 6, and the three things to avoid. Each criterion is met or not, with the
/// rep's line that met it (or broke it, for the things to avoid).
public struct Scorecard: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var criterion: String
        public var met: Bool
        /// The rep's line that met it, or, for a thing to avoid, the line that did it.
        public var line: String?
    }

    /// The criteria in the order the card shows them. Their names and tips are replies
    /// (`score.ID`, `score.ID.tip`); their model lines come from the scenario's objection
    /// playbook (`Scorecard.model`).
    public static let criteria = ["listen", "acknowledge", "clarify", "respond", "confirm", "advance", "rejection", "signal",
                                  "no-monologue", "no-knock", "no-concede"]

    /// Each thing to avoid, by the move that breaks it.
    static let avoided: [String: Move] = ["no-monologue": .monologue, "no-knock": .knock, "no-concede": .concede]

    /// The playbook field that shows how each criterion is done: `objection.ID.FIELD`.
    /// Rejection analysis is the playbook's smoke-screen test; a slip is shown its "don't".
    static let model: [String: String] = ["listen": "listen", "acknowledge": "acknowledge", "clarify": "clarify", "respond": "respond",
                                          "confirm": "confirm", "advance": "next", "rejection": "false", "signal": "next",
                                          "no-monologue": "listen", "no-knock": "answer.1", "no-concede": "avoid.1"]

    public var rows: [Row]
    public var score: Int { rows.filter(\.met).count }
    public var total: Int { rows.count }

    public init(_ play: RolePlay) {
        rows = Self.criteria.map { criterion in
            if let move = Self.avoided[criterion] {
                let slip = play.slips[move.rawValue]
                return Row(criterion: criterion, met: slip == nil, line: slip)
            }
            // Talking at him is not listening, whatever he was asked.
            if criterion == "listen", play.slips[Move.monologue.rawValue] != nil { return Row(criterion: criterion, met: false, line: nil) }
            return Row(criterion: criterion, met: play.met[criterion] != nil, line: play.met[criterion])
        }
    }
}
