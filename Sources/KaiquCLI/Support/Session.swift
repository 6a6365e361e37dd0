import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore

/// What every mode starts from: the data, the clock, and the rep's book in the store.
struct Session {
    let data: LoadedData
    /// The fixed clock of `--now`, or nil for the system clock.
    let fixedNow: Date?
    let timeZone: TimeZone
    let store: Store?
    let book: Book?
    let paths: Paths
    /// The rep this session acts for.
    let owner: String
    /// The customers the parser knows at start.
    let customers: Gazetteer

    /// How a mode uses the store.
    enum StoreUse { case none, read, write }

    /// Loads the data, fixes the clock from `--now` (or takes the system clock, the only place
    /// Kaiqu reads it) and opens the store when the mode needs one.
    init(options: Options, environment: [String: String], store use: StoreUse) throws(CLIError) {
        let source: DataSource = options.intents.map { .directory($0) }
            ?? environment["KAIQU_INTENTS"].flatMap { $0.isEmpty ? nil : DataSource.directory($0) } ?? .embedded
        // Only `kaiqu check` reads the examples: the other modes leave their syntax unchecked.
        data = try LoadedData(source, checkingExamples: options.mode == .check)
        paths = Paths(environment: environment, storeOption: options.store)
        owner = Session.owner(environment)
        var zone = TimeZone.current
        var fixed: Date?
        if let text = options.now {
            guard let parsed = ISODateTime.parse(text, defaultZone: zone) else { throw .badClock(text) }
            fixed = parsed.date
            zone = parsed.zone
        }
        fixedNow = fixed
        timeZone = zone
        let rules = data.parser.rules
        let nameKey: @Sendable (String) -> String = { NameKey.of($0, normalizer: rules.normalizer) }
        do {
            switch use {
            case .none: store = nil
            case .read: store = try Store(readingOnly: paths.store, nameKey: nameKey)
            case .write: store = try Store(path: paths.store, nameKey: nameKey, cadence: data.dialogue.cadence)
            }
            book = store?.book(of: owner)
            customers = rules.gazetteer(try book?.customerNames() ?? [])
        } catch {
            throw .store(error)
        }
    }

    /// Now: the fixed clock, or the system's.
    func now() -> Date { fixedNow ?? Date() }

    /// The parser's context at this moment.
    func parseContext(_ customers: Gazetteer) -> ParseContext {
        ParseContext(now: now(), timeZone: timeZone, customers: customers)
    }

    /// The rep a terminal session acts for: the local user.
    static func owner(_ environment: [String: String]) -> String {
        environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "local"
    }
}
