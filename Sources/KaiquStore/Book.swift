import KaiquDialogue

/// One rep's part of the store: the customers, visits and changes of one owner. Every read
/// and write goes through a book, so no rep ever sees another's cards.
public struct Book: Records {
    let store: Store
    /// The rep (the local user in a terminal, the chat user in the bridge).
    public let owner: String
    /// The rep's time zone (IANA name), written with every visit planned or logged.
    public let zone: String?
    /// True for a manager's book: it reaches the cards of the whole team, and each look at
    /// another rep's card is noted in `views` for the audit log.
    public let seesTeam: Bool
    /// The other reps' cards this book has shown, until the caller takes them.
    public let views = CardViews()
    /// The columns of a summary, written once: a manager's book adds whose card it is, when
    /// not theirs (the rep's name, or id), with the owner written in as a quoted literal; and
    /// the owner's id, for the audit log (`views`).
    let summaryColumns: String
    /// The same without the first phone (NULL in its place): a list shows none, and reading
    /// it cost a look-up a row (`firstPhones` reads the few a list page needs).
    let listColumns: String
    /// A visit's columns: a manager's book adds the owner's id.
    let visitColumns: String

    init(store: Store, owner: String, zone: String?, seesTeam: Bool) {
        self.store = store
        self.owner = owner
        self.zone = zone
        self.seesTeam = seesTeam
        let whose = seesTeam
            ? "CASE WHEN owner = '\(owner.replacingOccurrences(of: "'", with: "''"))' THEN NULL ELSE coalesce((SELECT name FROM user WHERE id = customer.owner), owner) END"
            : "NULL"
        let rest = "region, role, level, card, status, last_contact, created_at, \(whose), \(seesTeam ? "owner" : "NULL")"
        summaryColumns = "id, name, company, (SELECT number FROM phone WHERE customer_id = customer.id ORDER BY position LIMIT 1), " + rest
        // All in the indexes customer_due and customer_priority (schema 14), which lists are
        // read from alone: a column added here belongs there too.
        listColumns = "id, name, company, NULL, " + rest
        visitColumns = Self.visitColumns + (seesTeam ? ", v.owner" : "")
    }

    var db: Database { store.db }

    /// The text of one of the book's statements, written by `write` once: a rep's book differs
    /// from another rep's only in the owner bound to it, so its texts are kept by `name` and
    /// `variant` (whatever else changes the text); a manager's names the manager, and is
    /// written each time. Writing a statement's text cost more than running some of them.
    func written(_ name: String, _ variant: Int = 0, _ write: () -> String) -> String {
        guard !seesTeam else { return write() }
        let key = StatementName(name: name, variant: variant)
        if let known = store.repStatements[key] { return known }
        let written = write()
        store.repStatements[key] = written
        return written
    }

    /// A statement of reps' books, as `written` keeps it.
    struct StatementName: Hashable {
        let name: String
        let variant: Int
    }

    /// The SQL condition that a row's `column` names an owner this book reaches, with
    /// `parameter` bound to `owner`. A rep's book reaches one owner, by the owner indexes.
    func owned(_ column: String, _ parameter: String = "?") -> String {
        seesTeam ? "\(column) IN (SELECT member FROM team_member WHERE viewer = \(parameter))" : "\(column) = \(parameter)"
    }

    /// The names of the owner's customers, for the parser's gazetteer.
    public func customerNames() throws(StoreError) -> [String] {
        var names: [String] = []
        // Ordered as the index customer_names is, so that index (not the table) is read.
        try db.query("SELECT name FROM customer WHERE \(owned("owner")) AND deleted_at IS NULL ORDER BY name", [.text(owner)]) { row in
            if let name = row.text(0) { names.append(name) }
        }
        return names
    }

    // MARK: Records

    public func card(_ id: CustomerID) throws(StoreError) -> CustomerCard? {
        let found = try cards(written("card") { Self.cardSelect + "id = ? AND \(owned("owner")) AND deleted_at IS NULL" }, [.integer(id), .text(owner)])
        return found.count == 1 ? try completed(found[0]) : nil
    }

    // In one read, not a list and then the card: most requests name a customer.
    public func card(nameKey key: String) throws(StoreError) -> NamedCard {
        let found = try cards(written("card by name") { Self.cardSelect + "\(owned("owner")) AND deleted_at IS NULL AND name_key = ? LIMIT 2" },
                              [.text(owner), .text(key)])
        switch found.count {
        case 0: return .none
        case 1: return .one(try completed(found[0]))
        default: return .several
        }
    }

    /// The columns of a whole card (`cards` reads them), up to the condition.
    static let cardSelect = """
        SELECT id, name, company, email, wechat, region, address, role, source, birthday, level, level_by_rep,
               card, card_by_rep, money, authority, need, status, deal_amount, lost_reason, created_at, updated_at,
               last_contact, contact_count, credit_grade, credit_scores, credit_on, owner
        FROM customer WHERE\u{20}
        """

    // Cards without their phones and profile, which `completed` adds to the one shown: `text`
    // selects `cardSelect`'s columns.
    private func cards(_ text: String, _ bindings: [Database.Value]) throws(StoreError) -> [(card: CustomerCard, owner: String?)] {
        var cards: [(card: CustomerCard, owner: String?)] = []
        try db.query(text, bindings) { row in
            var c = CustomerCard(id: row.integer(0), name: row.text(1) ?? "", createdAt: row.text(20) ?? "", updatedAt: row.text(21) ?? "")
            c.company = row.text(2)
            c.email = row.text(3)
            c.wechat = row.text(4)
            c.region = row.text(5)
            c.address = row.text(6)
            c.role = row.text(7)
            c.source = row.text(8)
            c.birthday = row.text(9).flatMap(Birthday.init(stored:))
            c.level = row.optionalInteger(10)
            c.levelSetByRep = row.flag(11) ?? false
            c.card = row.text(12)
            c.cardSetByRep = row.flag(13) ?? false
            c.money = row.flag(14)
            c.authority = row.flag(15)
            c.need = row.flag(16)
            c.status = row.text(17).flatMap(CustomerCard.Status.init(rawValue:)) ?? .open
            c.dealAmount = row.optionalInteger(18)
            c.lostReason = row.text(19)
            c.lastContact = row.text(22)
            c.contactCount = row.optionalInteger(23) ?? 0
            c.creditGrade = row.text(24)
            c.creditScores = (row.text(25) ?? "").split(separator: ",").compactMap { Int($0) }
            c.creditOn = row.text(26)
            cards.append((c, row.text(27)))
        }
        return cards
    }

    // The card with its phones and profile; a manager's look at another rep's is noted.
    private func completed(_ found: (card: CustomerCard, owner: String?)) throws(StoreError) -> CustomerCard {
        var card = found.card
        if seesTeam, let cardOwner = found.owner, cardOwner != owner { views.add(card.id, owner: cardOwner, name: card.name) }
        // Phones (with their positions) and profile fields in one statement: a card is read for
        // nearly every message that names a customer. A compound SELECT has no order to rely on
        // per part, so the phones are put in order here.
        var phones: [(position: Int64, number: String)] = []
        try db.query("""
            SELECT 0, position, number FROM phone WHERE customer_id = ?1
            UNION ALL SELECT 1, field, value FROM profile WHERE customer_id = ?1
            """, [.integer(card.id)]) { row in
            if row.integer(0) == 0 {
                if let number = row.text(2) { phones.append((row.integer(1), number)) }
            } else if let field = row.text(1), let value = row.text(2) {
                card.profile[field] = value
            }
        }
        card.phones = phones.sorted { $0.position < $1.position }.map(\.number)
        return card
    }

    public func name(of id: CustomerID) throws(StoreError) -> String? {
        try db.text(written("name") { "SELECT name FROM customer WHERE id = ? AND \(owned("owner"))" }, [.integer(id), .text(owner)])
    }

    public func visit(_ id: VisitID) throws(StoreError) -> Visit? {
        var found: Visit?
        try db.query(written("visit") { "SELECT \(Self.visitColumns) FROM visit v JOIN customer c ON c.id = v.customer_id WHERE v.id = ? AND \(owned("v.owner"))" },
                     [.integer(id), .text(owner)]) { row in found = Self.visit(row) }
        return found
    }

    public func notes(of id: CustomerID, limit: Int) throws(StoreError) -> [Note] {
        var notes: [Note] = []
        try db.query(written("notes") {
            """
            SELECT n.text, n.at FROM note n JOIN customer c ON c.id = n.customer_id
            WHERE n.customer_id = ? AND \(owned("c.owner")) ORDER BY n.id DESC LIMIT ?
            """
        }, [.integer(id), .text(owner), .integer(Int64(limit))]) { row in
            notes.append(Note(text: row.text(0) ?? "", at: row.text(1) ?? ""))
        }
        return notes
    }

    public func customers(nameKey key: String) throws(StoreError) -> [CustomerSummary] {
        try summaries(written("by name") { summarySelect + "WHERE \(owned("owner")) AND deleted_at IS NULL AND name_key = ? ORDER BY id" }, [.text(owner), .text(key)])
    }

    public func customers(surname: String, limit: Int) throws(StoreError) -> [CustomerSummary] {
        // A Chinese surname starts the key; a Latin one is any of its words.
        try summaries(written("by surname") {
            summarySelect + """
            WHERE \(owned("owner", "?1")) AND deleted_at IS NULL AND ((unicode(?2) >= 11904 AND substr(name_key, 1, length(?2)) = ?2) OR (' ' || name_key || ' ') LIKE ('% ' || ?2 || ' %'))
            ORDER BY status = 'lost', id LIMIT ?3
            """
        }, [.text(owner), .text(surname), .integer(Int64(limit))])
    }

    public func firstPhones(of ids: [CustomerID]) throws(StoreError) -> [CustomerID: String] {
        var phones: [CustomerID: String] = [:]
        try db.query(written("first phones") {
            """
            SELECT c.id, (SELECT number FROM phone WHERE customer_id = c.id ORDER BY position LIMIT 1) FROM customer c
            WHERE c.id IN (SELECT value FROM json_each(?)) AND \(owned("c.owner"))
            """
        }, [Self.idList(ids), .text(owner)]) { row in
            if let phone = row.text(1) { phones[row.integer(0)] = phone }
        }
        return phones
    }

    public func customers(phone: String) throws(StoreError) -> [CustomerSummary] {
        try summaries(written("by phone") {
            summarySelect + "WHERE \(owned("owner")) AND deleted_at IS NULL AND id IN (SELECT customer_id FROM phone WHERE number = ?) ORDER BY id"
        }, [.text(owner), .text(phone)])
    }

    public func count(_ filter: CustomerFilter) throws(StoreError) -> Int {
        let (conditions, bindings) = sql(filter)
        return try count(written("count", Self.shape(filter)) { Self.counting("FROM customer WHERE \(owned("owner")) AND deleted_at IS NULL" + conditions) },
                         [.text(owner)] + bindings)
    }

    public func customers(_ filter: CustomerFilter, offset: Int, limit: Int) throws(StoreError) -> (rows: [CustomerSummary], total: Int) {
        var (conditions, bindings) = sql(filter)
        bindings.insert(.text(owner), at: 0)
        // One row more than asked for tells whether the list goes on; a page that ends it gives
        // the total (unless it is empty past the start).
        let text = written("list", Self.shape(filter)) {
            "SELECT \(listColumns) FROM customer WHERE \(owned("owner")) AND deleted_at IS NULL" + conditions + " " + Self.order(filter) + " LIMIT ? OFFSET ?"
        }
        let rows = try summaries(text, bindings + [Self.oneMore(limit), .integer(Int64(offset))], shown: limit)
        guard rows.count > limit || (offset > 0 && rows.isEmpty) else { return (rows, offset + rows.count) }
        return (Array(rows.prefix(limit)), try count(filter))
    }

    // A list's order: the same expressions as the indexes customer_priority and
    // customer_contact. One card's list (列出所有A类客户) is in the index's order without its
    // first term, which SQLite does not see is fixed: with it, every page was sorted again.
    private static func order(_ filter: CustomerFilter) -> String {
        switch filter.order {
        case .priority: filter.card == nil ? "ORDER BY coalesce(card, 'Z'), coalesce(level, 9), name_key, id" : "ORDER BY coalesce(level, 9), name_key, id"
        case .lastContact: "ORDER BY coalesce(last_contact, created_at), id"
        case .newest: "ORDER BY id DESC"
        }
    }

    public func visits(from: String, to: String, statuses: [Visit.Status], limit: Int) throws(StoreError) -> (rows: [Visit], total: Int) {
        func conditions() -> String {
            let marks = statuses.map { _ in "?" }.joined(separator: ", ")
            return """
                FROM visit v JOIN customer c ON c.id = v.customer_id
                WHERE \(owned("v.owner")) AND v.status IN (\(marks)) AND v.day BETWEEN ? AND ? AND c.deleted_at IS NULL
                """
        }
        let bindings: [Database.Value] = [.text(owner)] + statuses.map { .text($0.rawValue) } + [.text(from), .text(to)]
        var rows: [Visit] = []
        // One row more than asked for tells whether there are more: only then are they counted.
        var owners: [String?] = []
        try db.query(written("visits", statuses.count) { "SELECT \(visitColumns) " + conditions() + " ORDER BY v.day, v.time IS NULL, v.time, v.id LIMIT ?" },
                     bindings + [Self.oneMore(limit)]) { row in
            rows.append(Self.visit(row))
            if seesTeam { owners.append(row.text(11)) }
        }
        if seesTeam { listed(zip(owners, rows.map(\.customerName)).prefix(limit)) }
        guard rows.count > limit else { return (rows, rows.count) }
        return (Array(rows.prefix(limit)), try count(written("count visits", statuses.count) { Self.counting(conditions()) }, bindings))
    }

    public func nextPlannedVisits(of customers: [CustomerID], from day: String) throws(StoreError) -> [CustomerID: Visit] {
        guard !customers.isEmpty else { return [:] }
        var next: [CustomerID: Visit] = [:]
        // The ids are bound as one JSON array, so the statement is the same whatever they are
        // (a prepared statement is kept for each text). The earliest of each customer's is kept.
        // One customer's (a card shown) are found by their id alone: setting up json_each cost
        // more than the search.
        let (which, ids): (String, Database.Value) = customers.count == 1
            ? ("v.customer_id = ?", .integer(customers[0])) : ("v.customer_id IN (SELECT value FROM json_each(?))", Self.idList(customers))
        // Of two at the same time, the one planned last; in no order, so SQLite sorts nothing.
        try db.query(written("next visits", customers.count == 1 ? 1 : 2) {
            """
            SELECT \(Self.visitColumns) FROM visit v JOIN customer c ON c.id = v.customer_id
            WHERE \(which) AND \(owned("v.owner")) AND v.status = 'planned' AND v.day >= ?
            """
        }, [ids, .text(owner), .text(day)]) { row in
            let visit = Self.visit(row)
            if let known = next[visit.customer], known.start < visit.start || known.start == visit.start && known.id > visit.id { return }
            next[visit.customer] = visit
        }
        return next
    }

    public func visits(of customer: CustomerID, limit: Int) throws(StoreError) -> [Visit] {
        var rows: [Visit] = []
        try db.query(written("visits of") {
            """
            SELECT \(Self.visitColumns) FROM visit v JOIN customer c ON c.id = v.customer_id
            WHERE v.customer_id = ? AND \(owned("v.owner")) ORDER BY v.day DESC, v.time DESC, v.id DESC LIMIT ?
            """
        }, [.integer(customer), .text(owner), .integer(Int64(limit))]) { row in rows.append(Self.visit(row)) }
        return rows
    }

    public func due(onOrBefore day: Int, filter: CustomerFilter, excluding: Set<CustomerID>, limit: Int) throws(StoreError) -> (rows: [DueCustomer], total: Int) {
        // Lost and deleted cards have no due day, so the due index alone answers an unfiltered count.
        var (conditions, bindings) = sql(filter, lostByDefault: true)
        bindings.insert(contentsOf: [.text(owner), .integer(Int64(day))], at: 0)
        let shape = Self.shape(filter, lostByDefault: true)
        let due = { "FROM customer WHERE \(owned("owner")) AND due_day IS NOT NULL AND due_day <= ?" + conditions }
        let dueBindings = bindings
        var rows: [DueCustomer] = []
        var owners: [String?] = []
        // One row more than asked for tells whether there are more: only then are they counted.
        // The excluded (at most an agenda's planned visits) are read and passed over here: a
        // NOT IN made SQLite build a table of them for every agenda.
        try db.query(written("due", shape) { "SELECT \(listColumns), due_day " + due() + " ORDER BY due_day, id LIMIT ?" },
                     bindings + [Self.oneMore(limit + excluding.count)]) { row in
            guard !excluding.contains(row.integer(0)), rows.count <= limit else { return }
            rows.append(DueCustomer(customer: Self.summary(row), dueDay: Int(row.integer(13))))
            if seesTeam { owners.append(row.text(12)) }
        }
        if seesTeam { listed(zip(owners, rows.map(\.customer.name)).prefix(limit)) }
        guard rows.count > limit else { return (rows, rows.count) }
        rows.removeLast(rows.count - limit)
        // The index counts all that are due; the excluded are counted apart by id and taken
        // off (a NOT IN on every index entry costs more than the count itself).
        var total = try count(written("count due", shape) { Self.counting(due()) }, dueBindings)
        if !excluding.isEmpty, total <= countLimit {
            total -= try count(written("count due excluded", shape) { Self.counting(due() + " AND id IN (SELECT value FROM json_each(?))") },
                               dueBindings + [Self.idList(excluding.sorted())])
        }
        return (rows, total)
    }

    public func birthdays(keys: BirthdayKeys) throws(StoreError) -> [(customer: CustomerSummary, birthday: Birthday)] {
        var found: [(customer: CustomerSummary, birthday: Birthday, owner: String?)] = []
        // A range of the index for each run of keys, the days between filtered out here: a
        // week's keys (a solar and a lunar run, mostly) cost a look-up each as an IN list,
        // which SQLite also made a table of for every agenda. Sorted by id here: an ORDER BY
        // over several parts of the index made SQLite build a sorter. One statement for all
        // the runs, a part each.
        let runs = keys.runs
        guard !runs.isEmpty else { return [] }
        let text = written("birthdays", runs.count) {
            runs.indices.map { run in
                """
                SELECT \(listColumns), birthday, birthday_key FROM customer
                WHERE \(owned("owner", "?1")) AND birthday_key BETWEEN ?\(2 + 2 * run) AND ?\(3 + 2 * run) AND deleted_at IS NULL AND status != 'lost'
                """
            }.joined(separator: " UNION ALL ")
        }
        try db.query(text, [.text(owner)] + runs.flatMap { [Database.Value.text($0.first), .text($0.last)] }) { row in
            guard let key = row.text(14), keys.contains(key), let birthday = row.text(13).flatMap(Birthday.init(stored:)) else { return }
            found.append((Self.summary(row), birthday, row.text(12)))
        }
        found.sort { $0.customer.id < $1.customer.id }
        if seesTeam { listed(found.map { ($0.owner, $0.customer.name) }) }
        return found.map { ($0.customer, $0.birthday) }
    }

    // MARK: Rows

    // Other reps' customers a manager's list shows, by the owner's id.
    private func listed(_ rows: some Sequence<(String?, String)>) {
        for case let (owner?, name) in rows where owner != self.owner { views.list(owner: owner, name: name) }
    }

    // Ids as one JSON array, for `IN (SELECT value FROM json_each(?))`.
    private static func idList(_ ids: [CustomerID]) -> Database.Value { .text("[" + ids.map(String.init).joined(separator: ",") + "]") }

    // The LIMIT of a page read with one row more than asked for, to know whether there are more.
    private static func oneMore(_ limit: Int) -> Database.Value { .integer(Int64(min(limit, Int(Int32.max))) + 1) }

    // How many rows a statement of `counting` counts, or `countLimit + 1` for more.
    private func count(_ text: String, _ bindings: [Database.Value]) throws(StoreError) -> Int {
        Int(try db.integer(text, bindings))
    }

    // A statement counting the rows `tail` (FROM …) selects, up to `countLimit + 1`: past it,
    // the scan stops.
    static func counting(_ tail: String) -> String { "SELECT count(*) FROM (SELECT 1 " + tail + " LIMIT \(countLimit + 1))" }

    // What of a filter changes the text of a statement (`written`): which conditions it sets, and
    // the list's order.
    static func shape(_ filter: CustomerFilter, lostByDefault: Bool = false) -> Int {
        let parts = [filter.level != nil, filter.card != nil, filter.region != nil, filter.role != nil, filter.step != nil,
                     filter.status != nil, filter.contactedBefore != nil, filter.owner != nil, lostByDefault]
        var shape = 0
        for (bit, set) in parts.enumerated() where set { shape |= 1 << bit }
        switch filter.order {
        case .priority: return shape
        case .lastContact: return shape | 1 << 10
        case .newest: return shape | 1 << 11
        }
    }

    static func summary(_ row: Database.Row) -> CustomerSummary {
        CustomerSummary(id: row.integer(0), name: row.text(1) ?? "", company: row.text(2), phone: row.text(3), region: row.text(4),
                        role: row.text(5), level: row.optionalInteger(6), card: row.text(7),
                        status: row.text(8).flatMap(CustomerCard.Status.init(rawValue:)) ?? .open,
                        lastContact: row.text(9), createdAt: row.text(10) ?? "", owner: row.text(11))
    }

    var summarySelect: String { "SELECT \(summaryColumns) FROM customer " }

    // Summaries, and for a manager the other reps' customers among them that are shown: the
    // first `shown` of a list page, or, for customers looked up by name, surname or phone
    // (`shown` nil), all of them when more than one is found, to choose from.
    // `text` selects `summarySelect`'s columns.
    private func summaries(_ text: String, _ bindings: [Database.Value], shown: Int? = nil) throws(StoreError) -> [CustomerSummary] {
        var rows: [CustomerSummary] = []
        var owners: [String?] = []
        try db.query(text, bindings) { row in
            rows.append(Self.summary(row))
            if seesTeam { owners.append(row.text(12)) }
        }
        if seesTeam, shown != nil || rows.count > 1 { listed(zip(owners, rows.map(\.name)).prefix(shown ?? rows.count)) }
        return rows
    }

    static let visitColumns = "v.id, v.customer_id, c.name, v.day, v.time, v.end_time, v.purpose, v.status, v.outcome, v.zone, v.kind"

    static func visit(_ row: Database.Row) -> Visit {
        Visit(id: row.integer(0), customer: row.integer(1), customerName: row.text(2) ?? "", day: row.text(3) ?? "",
              time: row.text(4), endTime: row.text(5), purpose: row.text(6),
              status: row.text(7).flatMap(Visit.Status.init(rawValue:)) ?? .planned, outcome: row.text(8), zone: row.text(9),
              kind: row.text(10).flatMap(ContactKind.init(rawValue:)) ?? .visit)
    }

    // The filter as SQL conditions, each starting with " AND ". Lost customers are left out
    // unless the filter asks for them (or the caller knows none can match).
    private func sql(_ filter: CustomerFilter, lostByDefault: Bool = false) -> (String, [Database.Value]) {
        var sql = ""
        var bindings: [Database.Value] = []
        if let level = filter.level { sql += " AND level = ?"; bindings.append(.integer(Int64(level))) }
        if let card = filter.card { sql += " AND coalesce(card, 'Z') = ?"; bindings.append(.text(card)) }
        if let region = filter.region {
            sql += " AND (region = ? OR instr(coalesce(address, ''), ?) > 0)"
            bindings += [.text(region), .text(region)]
        }
        if let role = filter.role { sql += " AND role = ?"; bindings.append(.text(role)) }
        if let step = filter.step { sql += " AND id IN (SELECT customer_id FROM flow WHERE step = ?)"; bindings.append(.integer(Int64(step))) }
        if let status = filter.status { sql += " AND status = ?"; bindings.append(.text(status.rawValue)) }
        else if !lostByDefault { sql += " AND status != 'lost'" }
        if let before = filter.contactedBefore { sql += " AND coalesce(last_contact, created_at) < ?"; bindings.append(.text(before)) }
        // Within what the book sees already: a rep's own, or a manager's team.
        if let owner = filter.owner { sql += " AND owner = ?"; bindings.append(.text(owner)) }
        return (sql, bindings)
    }
}

extension Book {
    /// Every card of the owner, in the order they were added: for `kaiqu export`.
    public func allCards() throws(StoreError) -> [CustomerCard] {
        var ids: [CustomerID] = []
        try db.query("SELECT id FROM customer WHERE \(owned("owner")) AND deleted_at IS NULL ORDER BY id", [.text(owner)]) { row in ids.append(row.integer(0)) }
        var cards: [CustomerCard] = []
        for id in ids { if let card = try card(id) { cards.append(card) } }
        return cards
    }

    /// Every visit of the owner with one of these statuses, earliest first.
    public func allVisits(_ statuses: [Visit.Status]) throws(StoreError) -> [Visit] {
        try visits(from: "0000-01-01", to: "9999-12-31", statuses: statuses, limit: Int(Int32.max)).rows
    }
}

/// The cards of other reps a manager's book has shown, and the lists that showed their
/// customers: what the audit log records.
public final class CardViews: @unchecked Sendable {
    /// Each card shown, once, in the order first shown.
    public private(set) var seen: [(customer: Int64, owner: String, name: String)] = []
    /// The customers of each rep that lists showed (by the rep's id), in the order first shown.
    public private(set) var listed: [(owner: String, names: [String])] = []

    func add(_ customer: Int64, owner: String, name: String) {
        if !seen.contains(where: { $0.customer == customer }) { seen.append((customer, owner, name)) }
    }

    // A name once per rep: a visit list may show a customer's visit and birthday both.
    func list(owner: String, name: String) {
        guard let index = listed.firstIndex(where: { $0.owner == owner }) else { return listed.append((owner, [name])) }
        if !listed[index].names.contains(name) { listed[index].names.append(name) }
    }

    /// The cards shown since the last call, and forgets them.
    public func take() -> [(customer: Int64, owner: String, name: String)] {
        defer { seen = [] }
        return seen
    }

    /// The customers lists showed since the last call, and forgets them.
    public func takeListed() -> [(owner: String, names: [String])] {
        defer { listed = [] }
        return listed
    }
}
