import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// Parses shared by every conversation of the process (a bridge's reps send the same
    /// sentences) and the thread that parses ahead of them.
    let parses = ParseCache()

    /// How a mode uses the store.
    enum StoreUse { case none, read, write }

    /// Loads the data, fixes the clock from `--now` (or takes the system clock, the only place
    /// Kaiqu reads it) and opens the store when the mode needs one.
    init(options: Options, environment: [String: String], store use: StoreUse) throws(CLIError) {
        let source: DataSource = options.intents.map { .directory($0) }
            ?? environment["KAIQU_INTENTS"].flatMap { $0.isEmpty ? nil : DataSource.directory($0) } ?? .embedded
        // Only `kaiqu check` reads the examples: the other modes leave their syntax unchecked.
        data = try LoadedData(source, checkingExamples: options.mode == .check)
        owner = Session.owner()
        paths = Paths(environment: environment, storeOption: options.store, owner: owner)
        var zone = TimeZone.current
        // The rep's zone: --tz, else KAIQU_TZ, else the offset of --now, else the system's.
        // Visits are stored with it.
        let named = options.zone ?? environment["KAIQU_TZ"].flatMap { $0.isEmpty ? nil : $0 }
        if let named {
            guard let chosen = TimeZone(identifier: named) else { throw .usage(.badZone(named)) }
            zone = chosen
        }
        var fixed: Date?
        if let text = options.now {
            guard let parsed = ISODateTime.parse(text, defaultZone: zone) else { throw .badClock(text) }
            fixed = parsed.date
            if named == nil { zone = parsed.zone }
        }
        fixedNow = fixed
        timeZone = zone
        let rules = data.parser.rules
        let nameKey: @Sendable (String) -> String = { NameKey.of($0, normalizer: rules.normalizer) }
        do {
            switch use {
            case .none: store = nil
            case .read: store = try Store(readingOnly: paths.store, nameKey: nameKey)
            case .write:
                let opened = try Store(path: paths.store, nameKey: nameKey, cadence: data.dialogue.cadence)
                Session.announce(opened, explicit: paths.storeIsExplicit, data.catalogue, Messages.language(environment: environment))
                store = opened
            }
            // A terminal user registered as a manager (`kaiqu users add`) reaches the team too.
            let seesTeam = use == .write ? try store?.user(reachedBy: owner)?.seesTeam ?? false : false
            book = store?.book(of: owner, zone: zone.identifier, seesTeam: seesTeam)
            customers = rules.gazetteer(try book?.customerNames() ?? [])
        } catch {
            throw .store(error)
        }
    }

    /// Now: the fixed clock, or the system's.
    func now() -> Date { fixedNow ?? Date() }

    /// Now as the store writes it: the rep's local time, `YYYY-MM-DDTHH:MM`.
    func stamp() -> String { DialogueContext(now: now(), timeZone: timeZone).stamp }

    /// The parser's context at this moment.
    func parseContext(_ customers: Gazetteer) -> ParseContext {
        ParseContext(now: now(), timeZone: timeZone, customers: customers)
    }

    /// The rep a terminal session acts for: the account the process runs as. Not $USER,
    /// which anyone can set to another rep's name to see their cards in a shared store.
    static func owner() -> String {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name, case let text = String(cString: name), !text.isEmpty {
            return text
        }
        return "uid-\(uid)"
    }

    // A new store is said on standard error, with the folder made for a store named by
    // --store or KAIQU_STORE: a mistyped path shows at once instead of as an empty book.
    private static func announce(_ store: Store, explicit: Bool, _ catalogue: ReplyCatalogue, _ language: Language) {
        if explicit, let folder = store.createdFolder {
            Output.error.line(catalogue.render("store.created_folder", language, ["folder": folder, "path": store.path]))
        } else if store.isNew {
            Output.error.line(catalogue.render("store.created", language, ["path": store.path]))
        }
    }
}
