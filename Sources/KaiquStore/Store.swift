import Foundation
import KaiquDialogue

/// The customer store: one SQLite file (or ":memory:"), shared safely between processes.
/// Each rep's customers are reached through their `Book`.
public final class Store {
    let db: Database
    /// The file this store lives in.
    public let path: String
    /// How names are folded for finding them (`NameKey`); given by the caller, who knows the
    /// folding table.
    let nameKey: @Sendable (String) -> String
    /// The SQL expression of a customer row's due day under the cadence.
    let dueExpression: String

    /// True when this open created the store file (a new, empty store).
    public private(set) var isNew = false
    /// The columns of each table the journal has asked for (`columns(of:)`).
    var tableColumns: [String: [String]] = [:]
    /// Statements written from those columns (`statement(_:seesTeam:write:)`).
    var writtenStatements: [String: String] = [:]
    /// The statements of reps' books, written once (`Book.written`).
    var repStatements: [Book.StatementName: String] = [:]
    /// The folder this open had to create for the store, if any.
    public private(set) var createdFolder: String?

    /// Opens or creates the store at `path` and brings the schema up to date. A missing
    /// folder is created (0700) and reported in `createdFolder`; a new file is created 0600,
    /// so no other local user reads the reps' phones. A database that is not a Kaiqu store is
    /// refused, not written to. `cadence` decides when customers are due; when it differs from
    /// the one the store last used, every due day is recomputed.
    ///
    /// Several processes may open (and create) one store at once: creation and migration run
    /// in one write transaction, which the others wait for.
    public init(path: String, nameKey: @escaping @Sendable (String) -> String = { $0 }, cadence: Cadence = Cadence()) throws(StoreError) {
        guard !path.isEmpty else { throw .cannotOpen(path: path, reason: "empty path") }
        self.path = path
        self.nameKey = nameKey
        dueExpression = Store.dueExpression(cadence)
        if path != ":memory:" {
            (createdFolder, isNew) = try StoreFile.create(path)
        }
        db = try Database(path: path)
        try checkOwnership()
        if path != ":memory:" {
            // WAL lets a reader and a writer work at once. With synchronous=NORMAL a commit is
            // in the WAL file before COMMIT returns, so it survives the process being killed
            // (what an acknowledged change needs); FULL would add an fsync per change for
            // power loss, at several milliseconds each. Switching needs a moment alone with
            // the file, so another process starting at once may make it wait.
            try db.retryingWhileBusy { () throws(StoreError) in try db.query("PRAGMA journal_mode=WAL") { _ in } }
            db.checkpointInBackground(path: path)
        }
        // A page cache of 8 MB rather than 2: a bridge process reads the same pages on every
        // message. (Mapping the file saved nothing measurable, and its pages count as the
        // process's memory.)
        try db.execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192")
        try migrate()
        try refreshDueDays(cadence)
    }

    /// The years in which any rep has a visit or reminder planned: `kaiqu check` wants the
    /// holiday schedule of each.
    public func plannedYears() throws(StoreError) -> [Int] {
        var years: [Int] = []
        try db.query("SELECT DISTINCT substr(day, 1, 4) FROM visit WHERE status = 'planned' ORDER BY 1") { row in
            if let year = row.text(0).flatMap({ Int($0) }) { years.append(year) }
        }
        return years
    }

    /// Waits until the background checkpoint, if one is under way, has copied the WAL into
    /// the file: a benchmark times its reads after a bulk fill on a settled file.
    public func waitForCheckpoint() { db.waitForCheckpoint() }

    /// Opens an existing store without writing to it (no folder, no file, no migration):
    /// what `kaiqu nlu` needs. Nil when there is no store at `path` yet.
    public init?(readingOnly path: String, nameKey: @escaping @Sendable (String) -> String = { $0 }) throws(StoreError) {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else { return nil }
        self.path = path
        self.nameKey = nameKey
        dueExpression = Store.dueExpression(Cadence())
        db = try Database(path: path, readOnly: true)
        try checkOwnership()
        let version = Int(try db.integer("PRAGMA user_version"))
        guard version <= Migrations.steps.count else { throw .incompatible(path: path, version: version) }
        guard version >= 1 else { return nil }
    }

    /// Opens a batch: what the book writes until `commitBatch` is one transaction (each change
    /// still undone alone if it fails). A bridge answering a stream of requests commits once
    /// per batch of responses instead of once per change, and every query in the batch reads
    /// without taking the file's locks again.
    public func beginBatch() throws(StoreError) {
        guard !db.inTransaction else { return }
        try db.begin()
    }

    /// Commits the batch `beginBatch` opened; nothing when none is open. When it throws,
    /// nothing of the batch is kept.
    public func commitBatch() throws(StoreError) {
        guard db.inTransaction else { return }
        try db.commit()
    }

    /// Undoes the batch `beginBatch` opened; nothing when none is open.
    public func rollbackBatch() {
        guard db.inTransaction else { return }
        db.rollback()
    }

    /// The schema version this program writes.
    public static var schemaVersion: Int { Migrations.steps.count }

    /// One rep's customers, visits and changes; `zone` (IANA name) is the rep's time zone,
    /// kept with the visits they plan.
    /// `seesTeam` (a manager's book) reaches the cards of the owner's team as well.
    public func book(of owner: String, zone: String? = nil, seesTeam: Bool = false) -> Book {
        Book(store: self, owner: owner, zone: zone, seesTeam: seesTeam)
    }

    /// The `application_id` Kaiqu writes into its stores ("KAIQ").
    static let applicationID: Int64 = 0x4B41_4951

    // A file that is a SQLite database but not Kaiqu's (another application's) is refused
    // before anything is written to it. A Kaiqu store from before the mark has the customer
    // table and a schema version; it gets the mark when it is migrated.
    private func checkOwnership() throws(StoreError) {
        let id = try db.integer("PRAGMA application_id")
        if id == Self.applicationID { return }
        let tables = try db.integer("SELECT count(*) FROM sqlite_master")
        let version = try db.integer("PRAGMA user_version")
        let legacy = try db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'customer'") == 1 && version >= 1
        guard id == 0, tables == 0 || legacy else { throw .foreign(path: path) }
    }

    // All the steps a store needs, in one write transaction: a second process opening the
    // same new store waits, then finds it migrated. The version is read again inside the
    // transaction, so no two processes run the same step. A store already up to date (every
    // start but the first) takes no write lock: a chat starting during an import opens at once.
    private func migrate() throws(StoreError) {
        let current = Int(try db.integer("PRAGMA user_version"))
        guard current != Migrations.steps.count else { return }
        try db.transaction { () throws(StoreError) in
            let version = Int(try db.integer("PRAGMA user_version"))
            guard version <= Migrations.steps.count else { throw .incompatible(path: path, version: version) }
            guard version < Migrations.steps.count else { return }
            try checkOwnership()
            for (index, step) in Migrations.steps.enumerated() where index >= version {
                try db.execute(step)
                // Step 2 adds the name key, which only Swift can compute: filled in the same
                // transaction, so that no store is left at version 2 with keys missing.
                if index == 1 { try fillNameKeys() }
            }
            try db.execute("PRAGMA user_version = \(Migrations.steps.count); PRAGMA application_id = \(Self.applicationID)")
        }
    }

    // Cards from before names were folded (schema 1) get their keys, once.
    private func fillNameKeys() throws(StoreError) {
        var rows: [(Int64, String)] = []
        try db.query("SELECT id, name FROM customer WHERE name_key = ''") { row in rows.append((row.integer(0), row.text(1) ?? "")) }
        for (id, name) in rows { try db.query("UPDATE customer SET name_key = ? WHERE id = ?", [.text(nameKey(name)), .integer(id)]) }
    }

    // Due days follow the cadence data: when it changed since the last run, recompute them all.
    private func refreshDueDays(_ cadence: Cadence) throws(StoreError) {
        // The rule's own version goes with the data's: a new rule recomputes old stores.
        let fingerprint = cadence.fingerprint + ";rule 2"
        guard try db.text("SELECT value FROM meta WHERE key = 'cadence'") != fingerprint else { return }
        try db.transaction { () throws(StoreError) in
            try db.query("UPDATE customer SET due_day = \(dueExpression)")
            try db.query("INSERT OR REPLACE INTO meta(key, value) VALUES ('cadence', ?)", [.text(fingerprint)])
        }
    }

    /// The due day of a customer row: the day of the last contact (or of the card's creation)
    /// plus the shortest interval that applies; none for lost or deleted customers. The
    /// cadence's numbers are integers, so they are written into the SQL.
    static func dueExpression(_ cadence: Cadence) -> String {
        let cards = cadence.byCard.keys.sorted().map { "WHEN '\($0.filter(\.isLetter))' THEN \(cadence.byCard[$0]!)" }.joined(separator: " ")
        let levels = cadence.byLevel.keys.sorted().map { "WHEN \($0) THEN \(cadence.byLevel[$0]!)" }.joined(separator: " ")
        let byCard = "CASE card \(cards) ELSE \(cadence.otherwise) END"
        let byLevel = levels.isEmpty ? "\(Int32.max)" : "CASE level \(levels) ELSE \(Int32.max) END"
        let contactDay = "CAST(julianday(substr(coalesce(last_contact, created_at), 1, 10)) - 2440587.5 AS INTEGER)"
        // An A or B card never contacted is due at once: it may close within a week or a
        // month, and nobody has been to see it yet.
        return """
            CASE WHEN status = 'lost' OR deleted_at IS NOT NULL THEN NULL \
            WHEN last_contact IS NULL AND card IN ('A', 'B') THEN \(contactDay) \
            ELSE \(contactDay) + min(\(byCard), \(byLevel)) END
            """
    }
}
