import Foundation
import KaiquNLU

/// The command line, read by hand: a mode word, then options and at most a few arguments.
///
///     kaiqu [chat] [--store PATH] [--now ISO-8601] [--tz ZONE] [--intents DIR]
///     kaiqu nlu [--json] [--explain] [TEXT]
///     kaiqu check [DIR]
///     kaiqu import [orders|payments] FILE.csv
///     kaiqu export [--format csv|json|ics] [--out FILE]
///     kaiqu serve [--bot-name NAME] [--prefix TEXT] [--reply-bytes N] [--group-rate N] [--open-registration]
///     kaiqu users add ID --name NAME [--role rep|manager] [--team T] [--alias PLATFORM-ID]…
///     kaiqu users list | users remove ID
///     kaiqu audit [--limit N]
///     kaiqu replay FILE.dialogue [--check]
///     kaiqu train [SCENARIO]
///     kaiqu report [monthly|weekly|funnel|abc|receivables] [--from DAY] [--to DAY] [--format text|csv|html] [--out FILE]
struct Options {
    enum Mode: String { case chat, nlu, check, `import`, export, serve, users, audit, replay, train, report, help, version }

    /// What `kaiqu export` (csv, json, ics) and `kaiqu report` (text, csv, html) write.
    enum Format: String { case csv, json, ics, text, html }

    var mode: Mode = .chat
    var store: String?
    var now: String?
    /// The rep's time zone (IANA name), when not the system's.
    var zone: String?
    var intents: String?
    var json = false
    var explain = false
    /// Nil: the mode's own (csv for export, text for report).
    var format: Format?
    var out: String?
    var arguments: [String] = []
    /// For `serve`: how the bridge behaves.
    var serve = ServeOptions()
    /// For `users add`.
    var userName: String?
    var role: String?
    var team: String?
    var aliases: [String] = []
    /// For `replay`: compare every answer instead of showing the lesson.
    var check = false
    /// For `report`: the period, local days `YYYY-MM-DD` (this month when not given).
    var from: String?
    var to: String?
    /// For `audit`: how many of the newest entries.
    var limit = 100

    /// What was wrong with the command line, for the usage message.
    enum Problem: Error, Equatable {
        case unknownOption(String)
        case missingValue(String)
        case tooManyArguments(String)
        case notForMode(option: String, mode: String)
        case badFormat(String)
        case missingArgument(String)
        case emptyValue(String)
        case badZone(String)
        case badNumber(option: String, value: String)
        case badRole(String)
        case unknownCommand(String)
        case badDay(option: String, value: String)
        case badReport(String)
    }

    init(_ args: [String]) throws(Problem) {
        var rest = args[...]
        if let first = rest.first, let mode = Mode(rawValue: first) {
            self.mode = mode
            rest = rest.dropFirst()
        }
        while let arg = rest.popFirst() {
            func value() throws(Problem) -> String {
                guard let next = rest.popFirst() else { throw .missingValue(arg) }
                return next
            }
            switch arg {
            case "--store":
                // An empty path would be SQLite's temporary database: everything "saved" gone at exit.
                store = try value()
                if store?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw .emptyValue(arg) }
            case "--tz":
                let name = try value()
                guard TimeZone(identifier: name) != nil else { throw .badZone(name) }
                zone = name
            case "--now": now = try value()
            case "--intents": intents = try value()
            case "--json", "--explain":
                guard mode == .nlu else { throw .notForMode(option: arg, mode: mode.rawValue) }
                if arg == "--json" { json = true } else { explain = true }
            case "--format", "--out":
                guard mode == .export || mode == .report else { throw .notForMode(option: arg, mode: mode.rawValue) }
                let text = try value()
                if arg == "--out" { out = text } else {
                    let allowed: [Format] = mode == .report ? [.text, .csv, .html] : [.csv, .json, .ics]
                    guard let parsed = Format(rawValue: text.lowercased()), allowed.contains(parsed) else { throw .badFormat(text) }
                    format = parsed
                }
            case "--from", "--to":
                guard mode == .report else { throw .notForMode(option: arg, mode: mode.rawValue) }
                let text = try value()
                guard text.count == 10, CivilDay.iso(text) != nil else {
                    throw .badDay(option: arg, value: text)
                }
                if arg == "--from" { from = text } else { to = text }
            case "--bot-name", "--prefix", "--reply-bytes", "--group-rate", "--open-registration":
                guard mode == .serve else { throw .notForMode(option: arg, mode: mode.rawValue) }
                switch arg {
                case "--bot-name": serve.botName = try value()
                case "--prefix": serve.prefix = try value()
                case "--open-registration": serve.openRegistration = true
                default:
                    let text = try value()
                    guard let number = Int(text), number > 0 else { throw .badNumber(option: arg, value: text) }
                    if arg == "--reply-bytes" { serve.replyBytes = max(number, 64) } else { serve.groupRate = number }
                }
            case "--name", "--role", "--team", "--alias":
                guard mode == .users else { throw .notForMode(option: arg, mode: mode.rawValue) }
                let text = try value()
                if text.trimmingCharacters(in: .whitespaces).isEmpty { throw .emptyValue(arg) }
                switch arg {
                case "--name": userName = text
                case "--role":
                    guard ["rep", "manager"].contains(text) else { throw .badRole(text) }
                    role = text
                case "--team": team = text
                default: aliases.append(text)
                }
            case "--check":
                guard mode == .replay else { throw .notForMode(option: arg, mode: mode.rawValue) }
                check = true
            case "--limit":
                guard mode == .audit else { throw .notForMode(option: arg, mode: mode.rawValue) }
                let text = try value()
                guard let number = Int(text), number > 0 else { throw .badNumber(option: arg, value: text) }
                limit = number
            case "-h", "--help": mode = .help
            case "--version": mode = .version
            case "--":
                arguments += rest
                rest = []
            default:
                if arg.hasPrefix("--"), arg.contains("=") {
                    let parts = arg.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    rest.insert(parts[1], at: rest.startIndex)
                    rest.insert(parts[0], at: rest.startIndex)
                    continue
                }
                guard !arg.hasPrefix("-") || arg == "-" else { throw .unknownOption(arg) }
                arguments.append(arg)
            }
        }
        if mode == .users { try checkUsersCommand(); return }
        var allowed = [.nlu, .check, .import, .replay, .train, .report].contains(mode) ? 1 : 0
        // kaiqu import orders|payments FILE.csv
        if mode == .import, arguments.count == 2, ["orders", "payments"].contains(arguments[0]) { allowed = 2 }
        if mode == .report {
            if let kind = arguments.first, !ReportMode.kinds.contains(kind) { throw .badReport(kind) }
        }
        if arguments.count > allowed { throw .tooManyArguments(arguments[allowed]) }
        if mode == .import && arguments.isEmpty { throw .missingArgument("FILE.csv") }
        if mode == .replay && arguments.isEmpty { throw .missingArgument("FILE.dialogue") }
    }

    // users add ID --name N, users list, users remove ID.
    private func checkUsersCommand() throws(Problem) {
        guard let command = arguments.first else { throw .missingArgument("add|list|remove") }
        switch command {
        case "add":
            guard arguments.count >= 2 else { throw .missingArgument("ID") }
            if arguments.count > 2 { throw .tooManyArguments(arguments[2]) }
            if userName == nil { throw .missingArgument("--name") }
        case "remove":
            guard arguments.count >= 2 else { throw .missingArgument("ID") }
            if arguments.count > 2 { throw .tooManyArguments(arguments[2]) }
        case "list":
            if arguments.count > 1 { throw .tooManyArguments(arguments[1]) }
        default: throw .unknownCommand(command)
        }
    }
}

/// How `kaiqu serve` treats messages: which group messages are for it, and the platform's limits.
struct ServeOptions {
    /// Group messages addressed as @NAME are handled.
    var botName = "开渠"
    /// …and so are those that start with this, when set.
    var prefix: String?
    /// The most bytes one reply message may have (WeCom's text limit).
    var replyBytes = 2_048
    /// The most messages a group chat gets a minute.
    var groupRate = 20
    /// A platform id no user has becomes a new rep, instead of being refused.
    var openRegistration = false
}
