import Foundation

/// The command line, read by hand: a mode word, then options and at most a few arguments.
///
///     kaiqu [chat] [--store PATH] [--now ISO-8601] [--tz ZONE] [--intents DIR]
///     kaiqu nlu [--json] [--explain] [TEXT]
///     kaiqu check [DIR]
///     kaiqu import FILE.csv
///     kaiqu export [--format csv|json|ics] [--out FILE]
struct Options {
    enum Mode: String { case chat, nlu, check, `import`, export, help, version }

    /// What `kaiqu export` writes.
    enum Format: String { case csv, json, ics }

    var mode: Mode = .chat
    var store: String?
    var now: String?
    /// The rep's time zone (IANA name), when not the system's.
    var zone: String?
    var intents: String?
    var json = false
    var explain = false
    var format: Format = .csv
    var out: String?
    var arguments: [String] = []

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
                guard mode == .export else { throw .notForMode(option: arg, mode: mode.rawValue) }
                let text = try value()
                if arg == "--out" { out = text } else {
                    guard let parsed = Format(rawValue: text.lowercased()) else { throw .badFormat(text) }
                    format = parsed
                }
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
        let allowed = [.nlu, .check, .import].contains(mode) ? 1 : 0
        if arguments.count > allowed { throw .tooManyArguments(arguments[allowed]) }
        if mode == .import && arguments.isEmpty { throw .missingArgument("FILE.csv") }
    }
}
