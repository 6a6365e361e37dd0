import KaiquNLU
import KaiquStore

/// Everything that stops a command, with the exit status it ends with. Rendered in `Messages`.
enum CLIError: Error {
    case usage(Options.Problem)
    case badClock(String)
    case noSuchDirectory(String)
    case unreadableFile(String)
    case cannotWrite(String, String)
    case data([DataError])
    case store(StoreError)

    var exitCode: ExitCode {
        switch self {
        case .usage, .badClock: .usage
        case .noSuchDirectory, .unreadableFile: .noInput
        case .data: .dataError
        case .store, .cannotWrite: .cannotCreate
        }
    }
}
