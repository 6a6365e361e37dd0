import CSQLite

/// Raw SQLite, to look at (or tamper with) a store's file from outside the store.
enum RawSQLite {
    /// The first column of the first row of `sql` on the file at `path`, as text.
    static func scalar(_ path: String, _ sql: String) -> String? { row(path, sql).first ?? nil }

    /// The first row of `sql` on the file at `path`, each column as text.
    static func row(_ path: String, _ sql: String) -> [String?] {
        rows(path, sql, limit: 1).first ?? []
    }

    /// The first column of every row of `sql` on the file at `path`, as text.
    static func column(_ path: String, _ sql: String) -> [String] {
        rows(path, sql, limit: .max).map { ($0.first ?? nil) ?? "" }
    }

    // Up to `limit` rows of `sql`, each column as text.
    private static func rows(_ path: String, _ sql: String, limit: Int) -> [[String?]] {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { return [] }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        var rows: [[String?]] = []
        while rows.count < limit, sqlite3_step(statement) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(statement)).map { column in sqlite3_column_text(statement, column).map { String(cString: $0) } })
        }
        return rows
    }

    /// Runs `sql` on the file at `path`; SQLite's result code.
    @discardableResult
    static func execute(_ path: String, _ sql: String) -> Int32 {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { return SQLITE_CANTOPEN }
        defer { sqlite3_close(db) }
        return sqlite3_exec(db, sql, nil, nil, nil)
    }
}
