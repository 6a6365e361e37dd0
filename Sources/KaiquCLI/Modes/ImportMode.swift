import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore

/// `kaiqu import FILE.csv`: customer cards from a spreadsheet (or orders and payments: see
/// `SaleImport`). A row with the same name and
/// phone as a card updates it; any other row adds a card; a row with a wrong value is
/// refused and reported (row, column, value), the rest still imported. The whole import is
/// one change: `撤销` in the chat reverts all of it. Exits non-zero only when nothing could be
/// read at all.
struct ImportMode {
    let session: Session
    let path: String
    let language: Language
    /// `kaiqu import orders|payments FILE.csv`: a sales file whose rows are all this kind.
    var kind: SaleEntry.Kind? = nil

    func run() -> ExitCode {
        let out = Output.standard
        func say(_ key: String, _ parameters: ReplyParameters = [:]) { out.line(Conversation.safe(catalogue.render(key, language, parameters))) }
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.error.line(Messages.render(.unreadableFile(path), language))
            return .noInput
        }
        guard let text = CSV.decode(data) else {
            say("import.unreadable", ["file": path])
            return .dataError
        }
        let table = CSV.read(text)
        var rows = table.rows
        guard !rows.isEmpty else {
            if let line = table.unclosedQuotes.first { say("import.unclosed_quote", ["row": String(line)]) }
            say("import.empty", ["file": path])
            return .dataError
        }
        // A stray quote in the header row would make the first customer the header.
        if let line = table.unclosedQuotes.first, line < rows[0].line {
            say("import.unclosed_quote", ["row": String(line)])
            say("import.no_name_column", ["file": path])
            return .dataError
        }
        let header = rows.removeFirst().fields.map { $0.trimmingSpaces() }
        if kind != nil || SaleImport.isSales(header, session.data.dialogue) {
            guard let book = session.book else { return .cannotCreate }
            let context = DialogueContext(now: session.now(), timeZone: session.timeZone)
            return SaleImport(session: session, path: path, language: language, kind: kind, today: context.today, stamp: context.stamp)
                .run(header: header, rows: rows, unclosedQuotes: table.unclosedQuotes, book: book)
        }
        let columns = header.map { session.data.dialogue.importColumns[$0.lowercased()] }
        guard columns.contains("name") else {
            say("import.no_name_column", ["file": path])
            return .dataError
        }
        let unknown = zip(header, columns).filter { $0.1 == nil && !$0.0.isEmpty }.map(\.0)
        if !unknown.isEmpty { say("import.unknown_columns", ["columns": unknown.map(shown).joined(separator: ", ")]) }
        guard let book = session.book else { return .cannotCreate }

        var changes: [Change] = []
        var pendingAdds: [String: Int] = [:]
        var added = 0, updated = 0
        var refusals: [(row: Int, column: String, value: String, reason: String)] = []
        for row in rows {
            var reader = RowReader(session: session, columns: columns, header: header, fields: row.fields)
            guard let card = reader.card(stamp: stamp) else {
                refusals += reader.problems.map { (row.line, $0.column, $0.value, $0.reason) }
                continue
            }
            let key = NameKey.of(card.name, normalizer: session.data.parser.rules.normalizer) + "|" + (card.phones.first ?? "")
            do {
                if let index = pendingAdds[key], case .addCustomer(let first, let note) = changes[index] {
                    changes[index] = .addCustomer(Self.merge(card, into: first), note: [note, reader.note].compactMap { $0 }.joined(separator: "\n"))
                    updated += 1
                } else if let existing = try existing(card, book) {
                    changes.append(.updateCustomer(existing, Self.edits(card)))
                    if let note = reader.note { changes.append(.addNote(existing, note, profile: [:])) }
                    updated += 1
                } else {
                    pendingAdds[key] = changes.count
                    changes.append(.addCustomer(card, note: reader.note))
                    added += 1
                }
            } catch {
                Output.error.line("kaiqu: " + Messages.reason(error, language))
                return .cannotCreate
            }
        }
        do {
            if !changes.isEmpty {
                _ = try book.apply(changes, kind: "import", subject: URL(fileURLWithPath: path).lastPathComponent, at: stamp)
            }
        } catch {
            Output.error.line("kaiqu: " + Messages.reason(error, language))
            return .cannotCreate
        }
        let refused = Set(refusals.map(\.row)).union(table.unclosedQuotes).count
        say("import.summary", ["file": path, "added": String(added), "updated": String(updated), "refused": String(refused)])
        // In the order of the file, a stray quote where it stands among the refused rows.
        var quotes = table.unclosedQuotes[...]
        for refusal in refusals {
            while let line = quotes.first, line < refusal.row { say("import.unclosed_quote", ["row": String(line)]); quotes.removeFirst() }
            var parameters: ReplyParameters = ["row": String(refusal.row), "column": shown(refusal.column), "value": refusal.value,
                              "reason": catalogue.render("import.reason." + refusal.reason, language)]
            // A long value is quoted by its start and its length, so one bad cell cannot fill the screen.
            guard refusal.value.count > Self.shownLength else { say("import.refused", parameters); continue }
            parameters["value"] = String(refusal.value.prefix(Self.shownLength))
            parameters["length"] = String(refusal.value.count)
            say("import.refused_long", parameters)
        }
        for line in quotes { say("import.unclosed_quote", ["row": String(line)]) }
        if added + updated > 0 { say("import.undo_hint") }
        return .ok
    }

    private var catalogue: ReplyCatalogue { session.data.catalogue }

    /// A column name as a message quotes it: a long one (a whole pasted page in one cell) is
    /// cut to its start and its length.
    func shown(_ value: String) -> String {
        guard value.count > Self.shownLength else { return value }
        return catalogue.render("import.cut", language, ["start": String(value.prefix(Self.shownLength)), "length": String(value.count)])
    }

    /// How many characters of a cell or column name a message quotes.
    static let shownLength = 40

    private var stamp: String { DialogueContext(now: session.now(), timeZone: session.timeZone).stamp }

    // A card with the same name and phone.
    private func existing(_ card: CustomerCard, _ book: Book) throws -> CustomerID? {
        guard let phone = card.phones.first else { return nil }
        let key = NameKey.of(card.name, normalizer: session.data.parser.rules.normalizer)
        return try book.customers(phone: phone).first { NameKey.of($0.name, normalizer: session.data.parser.rules.normalizer) == key }?.id
    }

    static func edits(_ card: CustomerCard) -> [CardEdit] {
        var edits: [CardEdit] = card.phones.dropFirst().reversed().map { .phone($0) } + card.phones.prefix(1).map { .phone($0) }
        if let v = card.company { edits.append(.company(v)) }
        if let v = card.email { edits.append(.email(v)) }
        if let v = card.wechat { edits.append(.wechat(v)) }
        if let v = card.region { edits.append(.region(v)) }
        if let v = card.address { edits.append(.address(v)) }
        if let v = card.role { edits.append(.role(v)) }
        if let v = card.source { edits.append(.source(v)) }
        if let v = card.birthday { edits.append(.birthday(v)) }
        if let v = card.level { edits.append(.level(v, byRep: true)) }
        if let v = card.card { edits.append(.card(v, byRep: true)) }
        return edits
    }

    // A later row of the same card fills what the first left empty.
    static func merge(_ later: CustomerCard, into first: CustomerCard) -> CustomerCard {
        var card = first
        for phone in later.phones where !card.phones.contains(phone) { card.phones.append(phone) }
        card.company = later.company ?? card.company
        card.email = later.email ?? card.email
        card.wechat = later.wechat ?? card.wechat
        card.region = later.region ?? card.region
        card.address = later.address ?? card.address
        card.role = later.role ?? card.role
        card.source = later.source ?? card.source
        card.birthday = later.birthday ?? card.birthday
        if later.levelSetByRep { (card.level, card.levelSetByRep) = (later.level, true) }
        if later.cardSetByRep { (card.card, card.cardSetByRep) = (later.card, true) }
        return card
    }
}

/// One row of an import: its cells checked and turned into a card.
struct RowReader {
    let session: Session
    let columns: [String?]
    let header: [String]
    let fields: [String]
    private(set) var problems: [(column: String, value: String, reason: String)] = []
    private(set) var note: String?

    init(session: Session, columns: [String?], header: [String], fields: [String]) {
        self.session = session
        self.columns = columns
        self.header = header
        self.fields = fields
    }

    /// The card, or nil when a cell is wrong (see `problems`).
    mutating func card(stamp: String) -> CustomerCard? {
        let rules = session.data.parser.rules
        var card = CustomerCard(id: 0, name: "", createdAt: stamp, updatedAt: stamp)
        for (index, column) in columns.enumerated() {
            guard let column, index < fields.count else { continue }
            // Cells are cleaned as typed lines are: no control characters or escapes survive,
            // but a note keeps its line breaks.
            let lines = fields[index].split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).compactMap { line -> String? in
                if case .text(let text) = InputCleaner.clean(Array(line.utf8)) { return text }
                return nil
            }
            guard !lines.isEmpty else { continue }
            // Less the quote that `kaiqu export` puts in front of a cell that looks like a formula.
            let value = CSV.restored(column == "note" ? lines.joined(separator: "\n") : lines.joined(separator: " "))
            func refuse(_ reason: String) { problems.append((header[index], value, reason)) }
            switch column {
            case "name":
                if value.count > 40 { refuse("name_too_long") } else { card.name = value }
            case "phone":
                for part in value.split(whereSeparator: { "/;；、|".contains($0) }).map({ String($0).trimmingSpaces() }) where !part.isEmpty {
                    guard let phone = PhoneExtractor.normalizedPhone(CSV.restored(part)) else { refuse("phone"); break }
                    if !card.phones.contains(phone) { card.phones.append(phone) }
                }
            case "email":
                let lower = value.lowercased()
                if lower.contains("@") && !lower.contains(" ") { card.email = lower } else { refuse("email") }
            case "role":
                if let role = rules.value(of: value, inLookup: "role") { card.role = role } else { refuse("role") }
            case "level":
                if let level = Int(value).flatMap({ (1...4).contains($0) ? $0 : nil }) ?? rules.value(of: value, inLookup: "level").flatMap(Int.init) {
                    (card.level, card.levelSetByRep) = (level, true)
                } else { refuse("level") }
            case "card":
                let letter = value.uppercased()
                if ["A", "B", "C"].contains(letter) { (card.card, card.cardSetByRep) = (letter, true) }
                else if let found = rules.value(of: value, inLookup: "card") { (card.card, card.cardSetByRep) = (found, true) }
                else { refuse("card") }
            case "birthday":
                if let birthday = Birthday(stored: value) ?? Birthday.read(value) { card.birthday = birthday } else { refuse("birthday") }
            case "region": card.region = rules.value(of: value, inLookup: "region") ?? value
            case "company": card.company = value
            case "wechat": card.wechat = value
            case "address": card.address = value
            case "source": card.source = value
            case "note": note = value
            default: continue
            }
        }
        if card.name.isEmpty && problems.isEmpty { problems.append((header[columns.firstIndex(of: "name")!], "", "name_missing")) }
        return problems.isEmpty ? card : nil
    }
}
