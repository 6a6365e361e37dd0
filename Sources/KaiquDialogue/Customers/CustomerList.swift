import KaiquNLU

/// customer.list: the cards that pass a filter (level, card, region, role, not contacted for
/// N days), A cards first, ten at a time; "更多" shows the next ten.
extension Turn {
    /// Rows a page shows.
    static let pageSize = 10

    mutating func listCustomers(_ u: Utterance) throws {
        var filter = CustomerFilter()
        filter.level = u.slots["level"].flatMap(Int.init)
        filter.card = u.slots["card"]
        filter.role = u.slots["role"]
        filter.region = u.slots["region"]
        filter.step = u.slots["step"].flatMap(Int.init)
        if let days = u.slots["days"].flatMap(Int.init) {
            filter.contactedBefore = today.adding(days: -days).description
            filter.order = .lastContact
        }
        if filter.level == 1 { filter.status = .won }
        // 张伟的客户: a manager's teammate; a rep sees no one else's.
        if let said = u.slots["rep"] {
            let team = try records.teammates()
            guard !team.isEmpty else {
                say("list.managers_only")
                return
            }
            guard let mate = Self.teammate(said, in: team) else {
                say("list.no_such_rep", ["name": said, "team": team.map(\.name).joinedList(self)])
                return
            }
            filter.owner = mate.id
            filter.ownerName = mate.name
        }
        try showCustomers(Listing(kind: .customers, filter: filter, offset: 0))
    }

    mutating func showCustomers(_ listing: Listing) throws {
        let page = try records.customers(listing.filter, offset: listing.offset, limit: Self.pageSize)
        let what = describe(listing.filter)
        guard page.total > 0 else {
            state.listing = nil
            say(listing.filter.isEmpty ? "list.no_customers" : "list.none_match", ["filter": what])
            return
        }
        if listing.offset == 0 { say(what.isEmpty ? "list.count" : "list.count_filtered", ["count": counted(page.total), "filter": what]) }
        // A terminal's table, under its header (a messaging app's lines go out one by one).
        var table = context.plainText ? [] : [[text("list.col.number"), text("list.col.name"), text("list.col.level"), text("list.col.card"),
                                               text("list.col.region"), text("list.col.last_contact")]]
        // Two cards of one name on a page are told apart by company, else the phone's end
        // (read for them alone: a list reads no phones).
        let rows = page.rows
        let repeated = Self.repeated(rows.map(\.name))
        let unclear = repeated.filter { rows[$0].company == nil }.map { rows[$0].id }
        let phones = unclear.isEmpty ? [:] : try records.firstPhones(of: unclear)
        for (index, c) in rows.enumerated() {
            var hints: [String] = []
            if repeated.contains(index), let hint = c.company ?? phones[c.id].map({ text("list.phone_end", ["digits": String($0.suffix(4))]) }) {
                hints.append(hint)
            }
            // A manager sees whose each card is (not in one rep's list, which says whose once, above).
            if let owner = c.owner, listing.filter.owner == nil { hints.append(text("list.owner", ["owner": owner])) }
            let name = hints.isEmpty ? c.name : text("list.name_with", ["name": c.name, "hint": hints.joinedList(self)])
            let number = String(listing.offset + index + 1)
            if context.plainText {
                line(number + ". " + Table.plainLine(cells(of: c, name: name)))
            } else {
                table.append([number] + cells(of: c, name: name))
            }
        }
        if !context.plainText { for row in Table.lines(table) { line(row) } }
        if page.rows.count == 1, let only = page.rows.first { state.lastCustomer = only.id }
        pageFooter(listing, shown: page.rows.count, total: page.total)
    }

    // A list row's cells after its number: name, level, card, region, last contact.
    private func cells(of c: CustomerSummary, name: String) -> [String] {
        [name, c.level.map { text("level.short.\($0)") } ?? "-", c.card ?? "-", c.region.map { label("region", $0) } ?? "-",
         c.lastContact.map(ago) ?? text("list.never")]
    }

    /// "还有 N 位，说“更多”看下一页", and the listing kept for it.
    mutating func pageFooter(_ listing: Listing, shown: Int, total: Int) {
        let next = listing.offset + shown
        if next < total {
            var kept = listing
            kept.offset = next
            state.listing = kept
            say("list.more", ["rest": counted(total, less: next)])
        } else {
            state.listing = nil
        }
    }

    /// list.more: the next page of the last list.
    mutating func showMore() throws {
        guard let listing = state.listing else {
            say("list.nothing_more")
            return
        }
        switch listing.kind {
        case .customers: try showCustomers(listing)
        case .followUps: try showFollowUps(listing)
        }
    }

    /// A filter in words: A类 · 经销商 · 杭州 · 30 天没联系.
    func describe(_ filter: CustomerFilter) -> String {
        var parts: [String] = []
        if let name = filter.ownerName { parts.append(text("list.owner", ["owner": name])) }
        if let card = filter.card { parts.append(text("card.short", ["card": card])) }
        if let level = filter.level { parts.append(text("level.\(level)")) }
        if let role = filter.role { parts.append(label("role", role)) }
        if let region = filter.region { parts.append(label("region", region)) }
        if let step = filter.step { parts.append(text("list.at_step", ["number": String(step), "name": stepName(step)])) }
        if let before = filter.contactedBefore, let day = Self.day(before) {
            parts.append(text("list.not_contacted", ["days": String(today.ordinal - day.ordinal)]))
        }
        return parts.joined(separator: " · ")
    }

    /// The indices of names that another name in `names` equals, by their bytes (`BytesKey`:
    /// hashing or comparing Chinese text as Strings normalizes it first).
    static func repeated(_ names: [String]) -> Set<Int> {
        var last: [BytesKey: Int] = [:]
        var found = Set<Int>()
        for (index, name) in names.enumerated() {
            if let before = last.updateValue(index, forKey: BytesKey(name)) { found.formUnion([before, index]) }
        }
        return found
    }
}
