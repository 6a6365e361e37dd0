/// The method's levels and cards, suggested from what is known about a customer. A rep's
/// own choice always wins (`levelSetByRep`, `cardSetByRep`).
///
/// Levels: 一级 has ordered; 二级 asked three or more times, gave complete data and has a
/// need (they know what they want in detail); 三级 has a clear product or price requirement
/// (a need); 四级 names nothing specific.
/// Cards by closing horizon: a 二级 customer with money, authority and need can close within
/// a week (A); other 二级 within a month (B); 三级 within three months (C); 四级 and 一级 have
/// none (nothing to close, or already closed).
enum Qualification {
    /// How many contacts make the "asked three or more times" of 二级.
    static let contactsForLevelTwo = 3

    static func suggest(for card: CustomerCard) -> (level: Int, card: String?) {
        let level: Int
        if card.status == .won { level = 1 }
        else if card.need == true && card.contactCount >= contactsForLevelTwo && isComplete(card) { level = 2 }
        else if card.need == true { level = 3 }
        else { level = 4 }
        let effective = card.levelSetByRep ? (card.level ?? level) : level
        switch effective {
        case 2: return (level, card.money == true && card.authority == true && card.need == true ? "A" : "B")
        case 3: return (level, "C")
        default: return (level, nil)
        }
    }

    /// Complete data: a phone, a company and where they are.
    static func isComplete(_ card: CustomerCard) -> Bool {
        !card.phones.isEmpty && card.company != nil && (card.region != nil || card.address != nil)
    }

    /// The edits that bring the suggested level and card of `card` up to date, leaving what
    /// the rep chose alone.
    static func edits(for card: CustomerCard) -> [CardEdit] {
        let (level, letter) = suggest(for: card)
        var edits: [CardEdit] = []
        if !card.levelSetByRep && card.level != level { edits.append(.level(level, byRep: false)) }
        if !card.cardSetByRep && card.card != letter { edits.append(.card(letter, byRep: false)) }
        return edits
    }
}
