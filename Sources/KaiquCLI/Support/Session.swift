import Foundation
import KaiquNLU
import KaiquStore

/// What every mode starts from: the data, the clock, and the store's customers.
struct Session {
    let data: LoadedData
    let context: ParseContext
    let store: Store?
    let paths: Paths

    /// Loads the data, fixes the clock from `--now` (or the system clock, the only place Kaiqu
    /// reads it) and opens the store when the mode needs one.
    /// How a mode uses the store.
    enum StoreUse { case none, read, write }

    init(options: Options, environment: [String: String], store use: StoreUse) throws(CLIError) {
        let source: DataSource = options.intents.map { .directory($0) }
            ?? environment["KAIQU_INTENTS"].flatMap { $0.isEmpty ? nil : DataSource.directory($0) } ?? .embedded
        // Only `kaiqu check` reads the examples: the other modes leave their syntax unchecked.
        data = try LoadedData(source, checkingExamples: options.mode == .check)
        paths = Paths(environment: environment, storeOption: options.store)
        var now = Date()
        var zone = TimeZone.current
        if let text = options.now {
            guard let parsed = ISODateTime.parse(text, defaultZone: zone) else { throw .badClock(text) }
            now = parsed.date
            zone = parsed.zone
        }
        var customers = Gazetteer()
        do {
            switch use {
            case .none: store = nil
            case .read: store = try Store(readingOnly: paths.store)
            case .write: store = try Store(path: paths.store)
            }
            if let store {
                customers = data.parser.rules.gazetteer(try store.customerNames(owner: Session.owner(environment)))
            }
        } catch {
            throw .store(error)
        }
        context = ParseContext(now: now, timeZone: zone, customers: customers)
    }

    /// The rep a terminal session acts for: the local user.
    static func owner(_ environment: [String: String]) -> String {
        environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "local"
    }
}
