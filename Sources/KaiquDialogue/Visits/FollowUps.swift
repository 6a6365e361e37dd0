import KaiquNLU

/// followup.due: customers past their cadence, the most overdue first; or, with a number of
/// days, those not contacted for that long; or, with a period and a card, the ones of that
/// card not seen in it (这个月还有哪些A类客户没见).
extension Turn {
    mutating func listFollowUps(_ u: Utterance) throws {
        var filter = CustomerFilter(level: u.slots["level"].flatMap(Int.init), card: u.slots["card"], role: u.slots["role"])
        if let days = u.slots["days"].flatMap(Int.init) {
            filter.contactedBefore = today.adding(days: -days).description
            filter.order = .lastContact
            try showCustomers(Listing(kind: .customers, filter: filter, offset: 0))
            return
        }
        if let from = u.slots["from"].flatMap(Self.day), from <= today {
            filter.contactedBefore = from.description
            filter.order = .lastContact
            try showCustomers(Listing(kind: .customers, filter: filter, offset: 0))
            return
        }
        try showFollowUps(Listing(kind: .followUps, filter: filter, offset: 0, dueBy: today.ordinal))
    }

    mutating func showFollowUps(_ listing: Listing) throws {
        let dueBy = listing.dueBy ?? today.ordinal
        // The store pages by count: the page is the slice after what was shown.
        let page = try records.due(onOrBefore: dueBy, filter: listing.filter, excluding: [], limit: listing.offset + Self.pageSize)
        let rows = Array(page.rows.dropFirst(listing.offset))
        guard page.total > 0 else {
            state.listing = nil
            say("followup.none")
            return
        }
        if listing.offset == 0 { say("followup.count", ["count": counted(page.total)]) }
        // Overdue, but already planned: say when, so the rep does not plan it twice.
        let planned = try records.nextPlannedVisits(of: rows.map(\.customer.id), from: today.description)
        for (index, entry) in rows.enumerated() {
            var text = "\(listing.offset + index + 1). " + entry.customer.name + " — " + why(entry)
            if let next = planned[entry.customer.id] {
                text = self.text("followup.planned", ["line": text, "when": visitWhen(next)])
            }
            line(text)
        }
        pageFooter(listing, shown: rows.count, total: page.total)
    }
}
