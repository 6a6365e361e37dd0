extension CustomerCard {
    /// The card as it will be once `edits` are applied: how the dialogue works out what
    /// follows from a change (the suggested level) before the store makes it.
    public func applying(_ edits: [CardEdit]) -> CustomerCard {
        var card = self
        for edit in edits {
            switch edit {
            case .name(let v): card.name = v
            case .company(let v): card.company = v
            case .phone(let v):
                card.phones.removeAll { $0 == v }
                card.phones.insert(v, at: 0)
            case .email(let v): card.email = v
            case .wechat(let v): card.wechat = v
            case .region(let v): card.region = v
            case .address(let v): card.address = v
            case .role(let v): card.role = v
            case .source(let v): card.source = v
            case .birthday(let v): card.birthday = v
            case .level(let v, let byRep):
                card.level = v
                card.levelSetByRep = byRep
            case .card(let v, let byRep):
                card.card = v
                card.cardSetByRep = byRep
            case .money(let v): card.money = v
            case .authority(let v): card.authority = v
            case .need(let v): card.need = v
            case .profile(let field, let v): card.profile[field] = v
            case .status(let v): card.status = v
            case .dealAmount(let v): card.dealAmount = v
            case .lostReason(let v): card.lostReason = v
            case .credit(let grade, let scores, let day):
                card.creditGrade = grade
                card.creditScores = scores
                card.creditOn = day
            }
        }
        return card
    }
}
