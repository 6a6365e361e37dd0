/// A role-play in progress: where the meeting is, how the dealer feels, and what the rep
/// has shown so far. It is part of `DialogueState`, so the bridge keeps one per user.
///
/// The meeting moves through the method's stages: the opening (step 2), his refusal (step 3),
/// his real objection (steps 4–5), a buying signal (step 6) and the close. A good move for
/// the stage softens him or moves him on; a move that does nothing, or one to avoid, hardens
/// him, and the third ends the meeting. Nothing is random: the same lines give the same
/// session, so a .dialogue file tests a role-play.
public struct RolePlay: Sendable, Codable, Equatable {
    public enum Stage: String, Sendable, Codable { case opening, refusal, objection, signal }

    /// How a role-play ended.
    public enum Ending: String, Sendable, Codable {
        /// He agreed to an order or a next meeting.
        case closed
        /// Three poor moves: he ended the meeting.
        case left
        /// Too many lines without a close.
        case timeout
        /// The rep stopped it (算了, stop).
        case quit
    }

    public var scenario: String
    public var stage: Stage = .opening
    /// The rep's lines so far.
    public var lines = 0
    /// Poor moves so far: the third ends the meeting.
    public var poor = 0
    /// How many of each kind of line he has said, so the next is the next in turn.
    public var said: [String: Int] = [:]
    /// The scorecard's criteria met, with the rep's line that met each.
    public var met: [String: String] = [:]
    /// The moves to avoid the rep made, with the first line that made each.
    public var slips: [String: String] = [:]
    /// The good moves made since he raised his objection.
    public var answered: Set<Move> = []
    /// The rep answered his buying signal with something else once.
    public var signalMissed = false

    /// A meeting ends after this many lines of the rep without a close.
    public static let maxLines = 14

    public init(scenario: String) { self.scenario = scenario }

    /// What he says back to one line: the kinds of his lines, in order, and how the meeting
    /// ends, if it does.
    public mutating func take(_ moves: Set<Move>, line: String) -> (says: [String], ending: Ending?) {
        lines += 1
        score(moves, line: line)
        var says: [String] = []
        // A move to avoid: he reacts to it and hardens. Giving in on price counts only before
        // the rep has answered the objection with value (that is giving in at once).
        let slip: Move? = [Move.knock, .concede, .monologue].first { move in
            moves.contains(move) && (move != .concede || !answered.contains(.fab) && !answered.contains(.numbers))
        }
        if let slip {
            says.append(slip.rawValue)
            return harden(says)
        }
        switch stage {
        case .opening:
            stage = .refusal
            says.append("refusal")
        case .refusal:
            guard !moves.isDisjoint(with: [.acknowledge, .clarify, .probe, .fab, .numbers]) else { return harden(["hard"]) }
            // Having heard him out counts when he then says what really holds him back.
            answered.formUnion(moves.intersection([.acknowledge, .clarify]))
            stage = .objection
            says.append("raise")
        case .objection:
            let responded = !answered.isDisjoint(with: [.fab, .numbers])
            if !responded && !moves.isDisjoint(with: [.askOrder]) && moves.isDisjoint(with: [.fab, .numbers]) {
                return harden(["early"])
            }
            let good = moves.intersection([.acknowledge, .clarify, .fab, .numbers, .confirm])
            guard !good.isEmpty else { return harden(["hard"]) }
            answered.formUnion(good)
            // Answered with value, after he felt heard or was asked about it: he is ready.
            if !answered.isDisjoint(with: [.fab, .numbers]) && !answered.isDisjoint(with: [.acknowledge, .clarify]) {
                stage = .signal
                says.append("signal")
            } else {
                says.append("soft")
            }
        case .signal:
            if !moves.isDisjoint(with: [.askOrder, .nextStep]) {
                says.append("close")
                return (says, .closed)
            }
            if signalMissed { return harden(["nudge"]) }
            signalMissed = true
            says.append("nudge")
        }
        if lines >= Self.maxLines {
            says.append("timeout")
            return (says, .timeout)
        }
        return (says, nil)
    }

    // A poor move: he says `says`, and after the third he ends the meeting.
    private mutating func harden(_ says: [String]) -> (says: [String], ending: Ending?) {
        poor += 1
        if poor >= 3 { return (says + ["leave"], .left) }
        if lines >= Self.maxLines { return (says + ["timeout"], .timeout) }
        return (says, nil)
    }

    // What the line shows, by the scorecard's criteria (`Scorecard.criteria`), before the
    // stage moves on: each is met by the first line that shows it.
    private mutating func score(_ moves: Set<Move>, line: String) {
        func meet(_ criterion: String) { if met[criterion] == nil { met[criterion] = line } }
        let responded = !answered.isDisjoint(with: [.fab, .numbers])
        if stage != .opening {
            if moves.contains(.acknowledge) { meet("acknowledge") }
            if moves.contains(.clarify) { meet("clarify") }
        }
        // Responding is to the objection, once he has said it.
        if (stage == .objection || stage == .signal) && !moves.isDisjoint(with: [.fab, .numbers]) { meet("respond") }
        if stage == .refusal && !moves.isDisjoint(with: [.clarify, .probe]) { meet("rejection") }
        // Listening: asking about his concern before answering it (and never talking at him:
        // `Scorecard` takes it back after a monologue).
        if (stage == .refusal || stage == .objection) && !responded && moves.contains(.clarify) { meet("listen") }
        // Confirming and moving on count once the objection is answered (in this line or before).
        let answeredNow = responded || !moves.isDisjoint(with: [.fab, .numbers])
        if (stage == .objection && answeredNow || stage == .signal) && moves.contains(.confirm) { meet("confirm") }
        if (stage == .objection && answeredNow || stage == .signal) && !moves.isDisjoint(with: [.askOrder, .nextStep]) { meet("advance") }
        if stage == .signal && !signalMissed && !moves.isDisjoint(with: [.askOrder, .nextStep]) { meet("signal") }
        for slip in [Move.knock, .concede, .monologue] where moves.contains(slip) && slips[slip.rawValue] == nil {
            if slip == .concede && responded { continue }
            slips[slip.rawValue] = line
        }
    }
}
