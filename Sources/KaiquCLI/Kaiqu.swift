import Foundation
import KaiquNLU
import KaiquDialogue

/// The command-line program. `main.swift` only calls `Kaiqu.main`.
public enum Kaiqu {
    /// The version `kaiqu --version` prints.
    public static let version = "0.1.0"

    /// The copy of intents/ built into the binary, as (path, text): for the benchmark.
    public static var builtInIntentFiles: [(path: String, text: String)] { embeddedIntentFiles }

    /// Runs one command line and returns its exit status. Only here and in the modes does
    /// Kaiqu touch the environment, the clock and the terminal.
    public static func main(arguments: [String], environment: [String: String]) -> Int32 {
        // A closed pipe must end the program quietly, not with a signal.
        signal(SIGPIPE, SIG_IGN)
        // Every file Kaiqu makes (store, history, exports) holds reps' customers: private to
        // the account that runs it.
        umask(0o077)
        let language = Messages.language(environment: environment)
        do {
            let options: Options
            do { options = try Options(Array(arguments.dropFirst())) } catch { throw CLIError.usage(error) }
            switch options.mode {
            case .version:
                Output.standard.line("kaiqu \(version)")
                return ExitCode.ok.rawValue
            case .help:
                let session = try Session(options: options, environment: environment, store: .none)
                Output.standard.line(session.data.catalogue.render("cli.usage", language))
                return ExitCode.ok.rawValue
            case .check:
                var options = options
                if let folder = options.arguments.first { options.intents = folder }
                // The store, when there is one that reads, says which years visits are planned in.
                let session = try (try? Session(options: options, environment: environment, store: .read))
                    ?? Session(options: options, environment: environment, store: .none)
                return CheckMode(session: session, language: language).run().rawValue
            case .nlu:
                let session = try Session(options: options, environment: environment, store: .read)
                return NLUMode(session: session, options: options).run().rawValue
            case .import:
                let session = try Session(options: options, environment: environment, store: .write)
                let kind: SaleEntry.Kind? = switch options.arguments.first { case "orders": .order; case "payments": .payment; default: nil }
                return ImportMode(session: session, path: options.arguments.last!, language: language, kind: kind).run().rawValue
            case .export:
                let session = try Session(options: options, environment: environment, store: .write)
                return ExportMode(session: session, format: options.format ?? .csv, out: options.out, language: language).run().rawValue
            case .serve:
                let session = try Session(options: options, environment: environment, store: .write)
                return ServeMode(session: session, options: options.serve).run().rawValue
            case .users:
                let session = try Session(options: options, environment: environment, store: .write)
                return UsersMode(session: session, options: options, language: language).run().rawValue
            case .audit:
                let session = try Session(options: options, environment: environment, store: .write)
                return AuditMode(session: session, limit: options.limit, language: language).run().rawValue
            case .replay:
                return try ReplayMode(options: options, environment: environment, language: language).run().rawValue
            case .chat:
                let session = try Session(options: options, environment: environment, store: .write)
                return ChatMode(session: session, environment: environment).run().rawValue
            case .report:
                let session = try Session(options: options, environment: environment, store: .write)
                return ReportMode(session: session, options: options, language: language).run().rawValue
            case .train:
                // A chat that opens with the role-play (or the menu of them).
                let session = try Session(options: options, environment: environment, store: .write)
                return ChatMode(session: session, environment: environment, training: .some(options.arguments.first)).run().rawValue
            }
        } catch let error as CLIError {
            Output.error.line(Messages.render(error, language))
            return error.exitCode.rawValue
        } catch {
            Output.error.line("kaiqu: \(error)")
            return ExitCode.software.rawValue
        }
    }
}
