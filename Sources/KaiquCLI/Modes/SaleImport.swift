import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore

/// `kaiqu import [orders|payments] FILE.csv` for a file of sales: a header with an amount
/// column (`columns sales` in intents/import.kaiqu). Each row is an order or a payment of a
/// card found by name (and phone, when two cards share the name), on a past day. A row the
/// store holds already (same customer, kind, day and amount) is skipped, so a file imported
/// twice is not counted twice. As with cards, a wrong row is refused and named, the rest go
/// in, and the whole import is one change that `撤销` takes back.
struct SaleImport {
    let session: Session
    let path: String
    let language: Language
    /// Said on the command line: every row without a kind column is this.
    let kind: SaleEntry.Kind?
    let today: CivilDay
    let stamp: String

    /// Whether a header is a sales file's: it has an amount column.
    static func isSales(_ header: [String], _ data: DialogueData) -> Bool {
        header.contains { ["amount", "order-amount", "payment-amount"].contains(data.saleColumns[$0.trimmingSpaces().lowercased()] ?? "") }
    }

    func run(header: [String], rows: [(line: Int, fields: [String])], unclosedQuotes: [Int], book: Book) -> ExitCode {
        let out = Output.standard
        func say(_ key: String, _ parameters: ReplyParameters = [:]) { out.line(Conversation.safe(catalogue.render(key, language, parameters))) }
        func failed(_ error: any Error) -> ExitCode {
            Output.error.line("kaiqu: " + Messages.reason(error, language))
            return .cannotCreate
        }
        let columns = header.map { session.data.dialogue.saleColumns[$0.trimmingSpaces().lowercased()] }
        guard columns.contains("customer") else {
            say("import.sales_no_customer", ["file": path])
            return .dataError
        }
        let unknown = zip(header, columns).filter { $0.1 == nil && !$0.0.isEmpty }.map(\.0)
        if !unknown.isEmpty { say("import.unknown_columns", ["columns": unknown.joined(separator: ", ")]) }

        var entries: [SaleEntry] = []
        var refusals: [(row: Int, column: String, value: String, reason: String)] = []
        var skipped = 0
        // How many of each (customer, kind, day, amount) the store holds and this file has used.
        var held: [String: Int] = [:]
        for row in rows {
            var reader = SaleRow(columns: columns, header: header, fields: row.fields, rules: session.data.parser.rules, kind: kind, today: today)
            let read: [SaleEntry]
            do { read = try reader.entries(book: book) } catch { return failed(error) }
            guard reader.problems.isEmpty else {
                refusals += reader.problems.map { (row.line, $0.column, $0.value, $0.reason) }
                continue
            }
            for entry in read {
                let key = "\(entry.customer)|\(entry.kind.rawValue)|\(entry.day)|\(entry.amount)"
                do {
                    if held[key] == nil { held[key] = try book.saleCount(entry) }
                } catch { return failed(error) }
                if held[key]! > 0 {
                    held[key]! -= 1
                    skipped += 1
                } else {
                    entries.append(entry)
                }
            }
        }
        do {
            if !entries.isEmpty {
                _ = try book.apply(entries.map { .recordSale($0) }, kind: "import", subject: URL(fileURLWithPath: path).lastPathComponent, at: stamp)
            }
        } catch { return failed(error) }
        let orders = entries.filter { $0.kind == .order }, payments = entries.filter { $0.kind == .payment }
        say("import.sales_summary", ["file": path, "orders": String(orders.count), "ordered": catalogue.money(orders.map(\.amount).reduce(0, +), language),
                                     "payments": String(payments.count), "paid": catalogue.money(payments.map(\.amount).reduce(0, +), language),
                                     "refused": String(Set(refusals.map(\.row)).union(unclosedQuotes).count)])
        if skipped > 0 { say("import.sales_skipped", ["count": String(skipped)]) }
        for line in unclosedQuotes { say("import.unclosed_quote", ["row": String(line)]) }
        for refusal in refusals {
            say("import.refused", ["row": String(refusal.row), "column": refusal.column, "value": String(refusal.value.prefix(ImportMode.shownLength)),
                                   "reason": catalogue.render("import.reason." + refusal.reason, language)])
        }
        if !entries.isEmpty { say("import.undo_hint") }
        return .ok
    }

    private var catalogue: ReplyCatalogue { session.data.catalogue }
}

/// One row of a sales file: its cells checked and turned into an order, a payment, or both.
struct SaleRow {
    let columns: [String?]
    let header: [String]
    let fields: [String]
    let rules: RuleSet
    let kind: SaleEntry.Kind?
    let today: CivilDay
    private(set) var problems: [(column: String, value: String, reason: String)] = []

    init(columns: [String?], header: [String], fields: [String], rules: RuleSet, kind: SaleEntry.Kind?, today: CivilDay) {
        self.columns = columns
        self.header = header
        self.fields = fields
        self.rules = rules
        self.kind = kind
        self.today = today
    }

    func cell(_ column: String) -> (header: String, value: String)? {
        guard let index = columns.firstIndex(of: column), index < fields.count else { return nil }
        let value = CSV.restored(fields[index].trimmingSpaces())
        return value.isEmpty ? nil : (header[index], value)
    }

    mutating func entries(book: Book) throws -> [SaleEntry] {
        func refuse(_ column: String, _ value: String, _ reason: String) { problems.append((column, value, reason)) }
        let customerHeader = header[columns.firstIndex(of: "customer")!]
        guard let name = cell("customer") else {
            refuse(customerHeader, "", "customer_missing")
            return []
        }
        // The card: by name; by phone too when two share the name.
        var found = try book.customers(nameKey: NameKey.of(name.value, normalizer: rules.normalizer))
        if found.count > 1, let phone = cell("phone").flatMap({ PhoneExtractor.normalizedPhone($0.value) }) {
            let byPhone = Set(try book.customers(phone: phone).map(\.id))
            found = found.filter { byPhone.contains($0.id) }
        }
        if found.isEmpty { refuse(name.header, name.value, "customer_unknown") }
        if found.count > 1 { refuse(name.header, name.value, "customer_ambiguous") }

        var day = today
        if let date = cell("date") {
            if let read = Self.day(date.value) {
                if read > today { refuse(date.header, date.value, "date_future") } else { day = read }
            } else {
                refuse(date.header, date.value, "date")
            }
        }
        // The kind: the kind column, else the amount column it fills, else the command line's.
        var rowKind = kind
        var kindRefused = false
        if let cell = cell("kind") {
            if rules.mentions("sale-payment", inText: cell.value) { rowKind = .payment }
            else if rules.mentions("sale-order", inText: cell.value) { rowKind = .order }
            else { refuse(cell.header, cell.value, "sale_kind"); kindRefused = true }
        }
        var amounts: [(SaleEntry.Kind, Int)] = []
        for (column, columnKind) in [("amount", rowKind), ("order-amount", SaleEntry.Kind.order), ("payment-amount", .payment)] {
            guard let amount = cell(column) else { continue }
            guard let yuan = Self.yuan(amount.value), yuan > 0 else {
                refuse(amount.header, amount.value, "amount")
                continue
            }
            guard let columnKind else {
                // A kind already refused is said once.
                if !kindRefused { refuse(amount.header, amount.value, "sale_kind_missing") }
                continue
            }
            amounts.append((columnKind, yuan))
        }
        if amounts.isEmpty && problems.isEmpty {
            let column = ["amount", "order-amount", "payment-amount"].compactMap { columns.firstIndex(of: $0) }.first.map { header[$0] } ?? ""
            refuse(column, "", "amount_missing")
        }
        guard problems.isEmpty, let customer = found.first else { return [] }
        return amounts.map { SaleEntry(customer: customer.id, kind: $0.0, day: day.description, amount: $0.1) }
    }

    /// A day as spreadsheets write it: 2026-11-02, 2026/11/2, 2026.11.2, 2026年11月2日.
    static func day(_ text: String) -> CivilDay? {
        let parts = text.split { "-/.年月日 ".contains($0) }.map(String.init)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CivilDay.valid(y, m, d)
    }

    /// Yuan: 30000, 30,000, ¥30,000.00, 3万, 1.5万元. Fractions of a yuan are rounded.
    static func yuan(_ text: String) -> Int? {
        var t = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        for sign in ["¥", "￥", "元", "RMB", "rmb", "CNY", " "] { t = t.replacingOccurrences(of: sign, with: "") }
        var scale = 1.0
        if t.hasSuffix("万") { scale = 10_000; t.removeLast() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(t) else { return nil }
        let yuan = (value * scale).rounded()
        return yuan < 1e12 ? Int(yuan) : nil
    }
}
