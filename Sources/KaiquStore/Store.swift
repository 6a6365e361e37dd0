import Foundation

/// The customer store: one SQLite file (or ":memory:"), shared safely between processes.
public final class Store {
    private let db: Database
    /// The file this store lives in.
    public let path: String

    /// Opens or creates the store at `path`, creating its folder, and brings the schema up to date.
    public init(path: String) throws(StoreError) {
        self.path = path
        if path != ":memory:" {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw .cannotOpen(path: path, reason: error.localizedDescription)
            }
        }
        db = try Database(path: path)
        if path != ":memory:" {
            // WAL lets a reader and a writer work at once; NORMAL is durable in WAL mode for
            // everything committed before a crash of the process (not of the machine).
            try db.query("PRAGMA journal_mode=WAL") { _ in }
        }
        try db.execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL")
        try migrate()
    }

    /// Opens an existing store without writing to it (no folder, no file, no migration):
    /// what `kaiqu nlu` needs. Nil when there is no store at `path` yet.
    public init?(readingOnly path: String) throws(StoreError) {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else { return nil }
        self.path = path
        db = try Database(path: path, readOnly: true)
        var version = 0
        try db.query("PRAGMA user_version") { row in version = Int(row.integer(0)) }
        guard version <= Migrations.steps.count else { throw .incompatible(path: path, version: version) }
        guard version >= 1 else { return nil }
    }

    /// The schema version this program writes.
    public static var schemaVersion: Int { Migrations.steps.count }

    private func migrate() throws(StoreError) {
        var version = 0
        try db.query("PRAGMA user_version") { row in version = Int(row.integer(0)) }
        guard version <= Migrations.steps.count else { throw .incompatible(path: path, version: version) }
        for (index, step) in Migrations.steps.enumerated() where index >= version {
            try db.transaction { () throws(StoreError) in
                try db.execute(step)
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Adds a customer card with just a name and returns its id.
    @discardableResult
    public func addCustomer(name: String, owner: String, at now: Date) throws(StoreError) -> Int64 {
        let stamp = ISO8601DateFormatter().string(from: now)
        return try db.transaction { () throws(StoreError) -> Int64 in
            try db.query("INSERT INTO customer(owner, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                         [.text(owner), .text(name), .text(stamp), .text(stamp)])
            return db.lastInsertRowID
        }
    }

    /// The names of the owner's customers, for the parser's gazetteer.
    public func customerNames(owner: String) throws(StoreError) -> [String] {
        var names: [String] = []
        try db.query("SELECT name FROM customer WHERE owner = ? AND deleted_at IS NULL ORDER BY id", [.text(owner)]) { row in
            if let name = row.text(0) { names.append(name) }
        }
        return names
    }
}
