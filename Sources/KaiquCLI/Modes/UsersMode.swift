import KaiquNLU
import KaiquStore

/// `kaiqu users add|list|remove`: who the bridge serves. A user's id owns their cards; the
/// platform ids (`--alias wecom:zhangwei`) reach the same user.
struct UsersMode {
    let session: Session
    let options: Options
    let language: Language

    func run() -> ExitCode {
        guard let store = session.store else { return .cannotCreate }
        let catalogue = session.data.catalogue
        do {
            switch options.arguments[0] {
            case "add":
                let role = options.role.flatMap(User.Role.init(rawValue:)) ?? .rep
                let user = User(id: options.arguments[1], name: options.userName ?? options.arguments[1], role: role, team: options.team, aliases: options.aliases)
                try store.saveUser(user, at: session.stamp())
                let team = user.team.map { catalogue.render("users.team", language, ["team": $0]) } ?? ""
                Output.standard.line(catalogue.render("users.saved", language, ["id": user.id, "name": user.name, "role": role.rawValue, "team": team]))
            case "remove":
                let id = options.arguments[1]
                guard try store.removeUser(id) else {
                    Output.error.line(catalogue.render("users.not_found", language, ["id": id]))
                    return .noInput
                }
                Output.standard.line(catalogue.render("users.removed", language, ["id": id]))
            default:
                let users = try store.users()
                if users.isEmpty { Output.standard.line(catalogue.render("users.none", language)) }
                for user in users {
                    Output.standard.line(catalogue.render("users.line", language, ["id": user.id, "name": user.name, "role": user.role.rawValue,
                                                                                   "team": user.team ?? "-", "aliases": user.aliases.joined(separator: ",")]))
                }
            }
        } catch {
            Output.error.line(Messages.render(error, language))
            return .cannotCreate
        }
        return .ok
    }
}
