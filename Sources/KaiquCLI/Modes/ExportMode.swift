import Foundation
import KaiquNLU
import KaiquDialogue
import KaiquStore

/// `kaiqu export [--format csv|json|ics] [--out FILE]`: the rep's cards as a spreadsheet
/// (CSV with a UTF-8 BOM, so Excel and WPS keep the Chinese; `kaiqu import` reads it back),
/// everything as JSON for tools, or the planned visits as an iCalendar file.
struct ExportMode {
    let session: Session
    let format: Options.Format
    let out: String?
    let language: Language

    func run() -> ExitCode {
        guard let book = session.book else { return .cannotCreate }
        let text: String
        do {
            switch format {
            // Options let only csv, json and ics through to export.
            case .csv, .text, .html: text = "\u{FEFF}" + (try csv(book))
            case .json: text = try json(book) + "\n"
            case .ics: text = try ics(book)
            }
            // Every export is in the audit log: cards leaving the store are what a team audits.
            try session.store?.audit([AuditEntry(at: session.stamp(), actor: book.owner,
                                                 action: .export, owner: book.owner, detail: format.rawValue + " → " + (out ?? "stdout"))])
        } catch {
            Output.error.line("kaiqu: " + Messages.reason(error, language))
            return .cannotCreate
        }
        return Output.deliver(text, to: out, language: language)
    }

    private var catalogue: ReplyCatalogue { session.data.catalogue }
    private func text(_ key: String, _ parameters: ReplyParameters = [:]) -> String { catalogue.render(key, language, parameters) }

    // MARK: CSV

    static let csvFields = ["name", "company", "phone", "email", "wechat", "region", "address", "role", "level", "card", "birthday", "source"]

    private func csv(_ book: Book) throws -> String {
        let labels = session.data.parser.rules
        var lines = CSV.line(Self.csvFields.map { text("field." + $0) } + [text("export.last_contact"), text("export.status"), text("export.note")])
        for card in try book.allCards() {
            let role = card.role.map { labels.label(of: $0, lookup: "role", chinese: language != .en) ?? $0 } ?? ""
            let birthday = card.birthday.map { b in
                let date = (b.year.map { String(format: "%04d-", $0) } ?? "") + String(format: "%02d-%02d", b.month, b.day)
                return b.calendar == .solar ? date : text(b.leap ? "export.lunar_leap" : "export.lunar", ["date": date])
            } ?? ""
            let note = try book.notes(of: card.id, limit: 1).first?.text ?? ""
            let row = [card.name, card.company ?? "", card.phones.joined(separator: " / "), card.email ?? "", card.wechat ?? "",
                       card.region ?? "", card.address ?? "", role, card.level.map(String.init) ?? "", card.card ?? "", birthday,
                       card.source ?? "", card.lastContact ?? "", text("status." + card.status.rawValue), note]
            lines += CSV.line(row)
        }
        return lines
    }

    // MARK: JSON

    private func json(_ book: Book) throws -> String {
        func s(_ v: String?) -> String { v.map(JSON.string) ?? "null" }
        func n(_ v: Int?) -> String { v.map(String.init) ?? "null" }
        func b(_ v: Bool?) -> String { v.map { $0 ? "true" : "false" } ?? "null" }
        var customers: [String] = []
        for c in try book.allCards() {
            let notes = try book.notes(of: c.id, limit: 10_000).map { JSON.object([("at", JSON.string($0.at)), ("text", JSON.string($0.text))]) }
            let profile = JSON.object(c.profile.keys.sorted().map { ($0, JSON.string(c.profile[$0]!)) })
            customers.append(JSON.object([
                ("id", String(c.id)), ("name", s(c.name)), ("company", s(c.company)), ("phones", "[" + c.phones.map(JSON.string).joined(separator: ",") + "]"),
                ("email", s(c.email)), ("wechat", s(c.wechat)), ("region", s(c.region)), ("address", s(c.address)), ("role", s(c.role)),
                ("source", s(c.source)), ("birthday", s(c.birthday?.description)), ("level", n(c.level)), ("level_set_by_rep", b(c.levelSetByRep)),
                ("card", s(c.card)), ("card_set_by_rep", b(c.cardSetByRep)), ("money", b(c.money)), ("authority", b(c.authority)), ("need", b(c.need)),
                ("status", s(c.status.rawValue)), ("deal_amount", n(c.dealAmount)), ("lost_reason", s(c.lostReason)),
                ("created_at", s(c.createdAt)), ("updated_at", s(c.updatedAt)), ("last_contact", s(c.lastContact)),
                ("contact_count", String(c.contactCount)), ("profile", profile), ("notes", "[" + notes.joined(separator: ",") + "]"),
            ]))
        }
        let visits = try book.allVisits([.planned, .done, .cancelled]).map { v in
            JSON.object([("id", String(v.id)), ("customer_id", String(v.customer)), ("customer", s(v.customerName)), ("day", s(v.day)),
                         ("time", s(v.time)), ("end_time", s(v.endTime)), ("purpose", s(v.purpose)), ("status", s(v.status.rawValue)),
                         ("outcome", s(v.outcome))])
        }
        return JSON.object([("customers", "[" + customers.joined(separator: ",") + "]"), ("visits", "[" + visits.joined(separator: ",") + "]")])
    }

    // MARK: iCalendar

    private func ics(_ book: Book) throws -> String {
        let zone = session.timeZone
        let calendar = ICalendar(zone: zone, stamp: session.now())
        var events: [ICalendar.Event] = []
        for visit in try book.allVisits([.planned]) {
            var description: [String] = []
            if let purpose = visit.purpose { description.append(purpose) }
            if let card = try book.card(visit.customer) {
                description += [card.company, card.phones.first, card.region].compactMap { $0 }
            }
            events.append(ICalendar.Event(uid: "kaiqu-visit-\(visit.id)-\(session.owner)@kaiqu", day: visit.day, time: visit.time,
                                          endTime: visit.endTime, summary: text(visit.kind.calendarSummaryKey, ["name": visit.customerName]),
                                          description: description.joined(separator: "\n"), zone: visit.zone.flatMap(TimeZone.init(identifier:)),
                                          isTask: visit.kind != .visit))
        }
        return calendar.text(name: text("export.ics_name"), events: events)
    }
}
