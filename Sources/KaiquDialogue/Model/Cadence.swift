/// How often customers are to be contacted, in days (the method: A cards at least weekly,
/// B every one to two weeks, C monthly, key customers more often). The values are data:
/// the `policy cadence` block of intents/policy.kaiqu.
///
/// A customer's interval is the shortest that applies: their card's, their level's, or
/// else `otherwise`. Lost customers have none: they leave the cadence.
public struct Cadence: Sendable, Equatable {
    public var byCard: [String: Int]
    public var byLevel: [Int: Int]
    public var otherwise: Int

    public init(byCard: [String: Int] = ["A": 7, "B": 14, "C": 30], byLevel: [Int: Int] = [1: 14, 2: 7], otherwise: Int = 30) {
        self.byCard = byCard
        self.byLevel = byLevel
        self.otherwise = otherwise
    }

    /// Why a customer is due this often.
    public enum Rule: Sendable, Equatable {
        case card(String)
        case level(Int)
        case otherwise
    }

    /// The interval for a card and level, and the rule that set it.
    public func interval(card: String?, level: Int?) -> (days: Int, rule: Rule) {
        var best = (days: card.flatMap { byCard[$0] } ?? otherwise, rule: card.flatMap { byCard[$0] != nil ? Rule.card($0) : nil } ?? .otherwise)
        if let level, let days = byLevel[level], days < best.days { best = (days, .level(level)) }
        return best
    }

    /// A fingerprint of the values, so the store knows when to recompute due days.
    public var fingerprint: String {
        let cards = byCard.keys.sorted().map { "\($0)=\(byCard[$0]!)" }
        let levels = byLevel.keys.sorted().map { "\($0)=\(byLevel[$0]!)" }
        return (cards + levels + ["*=\(otherwise)"]).joined(separator: ",")
    }
}
