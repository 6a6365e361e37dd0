import KaiquNLU
import KaiquStore

/// `kaiqu audit [--limit N]`: the newest entries of the audit log, oldest first.
struct AuditMode {
    let session: Session
    let limit: Int
    let language: Language

    func run() -> ExitCode {
        guard let store = session.store else { return .cannotCreate }
        let catalogue = session.data.catalogue
        do {
            let entries = try store.auditLog(limit: limit)
            if entries.isEmpty { Output.standard.line(catalogue.render("audit.none", language)) }
            // Users by name as well as id: "王总 (wecom:wangzong)".
            let names = Dictionary(try store.users().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            func who(_ id: String?) -> String { id.map { id in names[id].map { "\($0) (\(id))" } ?? id } ?? "-" }
            for entry in entries {
                Output.standard.line(catalogue.render("audit." + entry.action.rawValue, language, [
                    "at": entry.at, "actor": who(entry.actor), "owner": who(entry.owner),
                    "name": entry.name ?? entry.customer.map { "#\($0)" } ?? "-",
                    "detail": entry.action == .reassign ? who(entry.detail) : entry.detail ?? "",
                ]))
            }
        } catch {
            Output.error.line(Messages.render(error, language))
            return .cannotCreate
        }
        return .ok
    }
}
