import CSQLite
import Foundation

/// A SQLite connection: the only place in Kaiqu that calls sqlite3_*.
final class Database {
    private var handle: OpaquePointer?
    // Prepared once, reused: most statements run on every message.
    private var statements: [StatementText: OpaquePointer] = [:]
    // The same, found by where a text's bytes are (`recent`).
    private var recent = RecentStatements()
    // Transactions open: 0 outside, 1 in a transaction, more in its savepoints.
    private var depth = 0
    // Checkpoints the WAL on a thread of its own (`checkpointInBackground`).
    private var checkpointer: Checkpointer?

    init(path: String, readOnly: Bool = false) throws(StoreError) {
        _ = Self.configured
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, handle != nil else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw .cannotOpen(path: path, reason: reason)
        }
        // A terminal session, a bridge process and an import may share one file: a writer
        // waits for the others rather than fail (an import of 200,000 rows holds the file for
        // a few seconds).
        sqlite3_busy_timeout(handle, Int32(Self.busyWait * 1_000))
    }

    /// SQLite's process-wide settings, made before the first connection opens. Without memory
    /// statistics, which Kaiqu never reads, SQLite takes no lock on each allocation (a
    /// hundred a message in a bridge).
    private static let configured: Void = {
        _ = kaiqu_sqlite3_config_int(SQLITE_CONFIG_MEMSTATUS, 0)
    }()

    /// How many prepared statements are kept: the store has about 150 queries in its source,
    /// a bridge runs about 50 of them.
    static let keptStatements = 1_000

    /// How many are kept now.
    var preparedCount: Int { statements.count }

    /// How long a statement waits for another process's lock before it gives up, in seconds.
    static let busyWait = 60.0

    /// Runs `body` again while SQLite reports the file busy in a way its busy handler does not
    /// wait out (switching the journal mode, recovering a WAL another process left), for at
    /// most `busyWait` seconds.
    func retryingWhileBusy<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let deadline = Date().addingTimeInterval(Self.busyWait)
        var pause: useconds_t = 2_000
        while true {
            do {
                return try body()
            } catch .sqlite(let code, _) where code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED {
                guard Date() < deadline else { throw .busy }
                usleep(pause)
                pause = min(pause * 2, 100_000)
            }
        }
    }

    deinit {
        checkpointer?.close()
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Copies the WAL back into the file on a background thread, with a connection of its
    /// own, once a commit leaves `frames` pages in it, instead of inside that commit.
    ///
    /// SQLite's own automatic checkpoint runs in the commit that crosses its threshold, and
    /// its fsyncs made about one commit in a hundred take 10–20 ms on this kind of disk (the
    /// p99 of recording an order). A PASSIVE checkpoint blocks neither readers nor writers;
    /// the next commit after a complete one starts the WAL over. Under writes so steady that
    /// the background never completes one between them (a bulk import), the WAL would only
    /// grow, and every read look pages up in it: past `Checkpointer.limit` times the threshold
    /// the commit checkpoints itself, as SQLite would.
    func checkpointInBackground(path: String, frames: Int32 = 1_000) {
        let checkpointer = Checkpointer(path: path, threshold: frames)
        self.checkpointer = checkpointer
        // The hook replaces the automatic checkpoint; the Database keeps the checkpointer alive.
        sqlite3_wal_hook(handle, { context, db, _, frames in
            guard let context else { return SQLITE_OK }
            let checkpointer = Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue()
            if checkpointer.mustCheckpointNow(frames: frames) {
                sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else {
                checkpointer.committed(frames: frames)
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(checkpointer).toOpaque())
    }

    /// Waits for a checkpoint under way (tests).
    func waitForCheckpoint() { checkpointer?.wait() }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error \(code)"
            sqlite3_free(message)
            throw .sqlite(code: code, message: text)
        }
    }

    /// Runs `sql` with `bindings`, calling `row` for each result row.
    func query(_ sql: String, _ bindings: [Value] = [], row: (Row) throws(StoreError) -> Void = { _ in }) throws(StoreError) {
        let statement = try prepared(sql)
        // Every parameter is bound anew each time, so the last values need no clearing, except
        // where fewer are given than the statement has.
        defer { sqlite3_reset(statement) }
        if Int(sqlite3_bind_parameter_count(statement)) > bindings.count { sqlite3_clear_bindings(statement) }
        for (index, value) in bindings.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .null: sqlite3_bind_null(statement, position)
            case .integer(let v): sqlite3_bind_int64(statement, position, v)
            case .text(let v):
                // From the string's own UTF-8 where it has it: passing a String as a C string
                // copies it into a new array first.
                var text = v
                text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return _ = sqlite3_bind_text(statement, position, "", 0, Database.transient) }
                    _ = sqlite3_bind_text(statement, position, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Database.transient)
                }
            }
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw lastError() }
            try row(Row(statement: statement))
        }
    }

    /// The first column of the first row, as an integer (0 when there is no row).
    func integer(_ sql: String, _ bindings: [Value] = []) throws(StoreError) -> Int64 {
        var value: Int64 = 0
        try query(sql, bindings) { row in value = row.integer(0) }
        return value
    }

    /// The first column of the first row, as text.
    func text(_ sql: String, _ bindings: [Value] = []) throws(StoreError) -> String? {
        var value: String?
        try query(sql, bindings) { row in value = row.text(0) }
        return value
    }

    /// Runs `body` in one transaction: all of it is committed, or none. Inside a batch (or
    /// another transaction) it is a savepoint: undone alone if it fails, committed with the
    /// batch.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if depth > 0 {
            // Prepared once, as queries are: every change in a batch is a savepoint, and
            // sqlite3_exec compiles its text each time.
            try query("SAVEPOINT kaiqu")
            depth += 1
            defer { depth -= 1 }
            do {
                let result = try body()
                try query("RELEASE kaiqu")
                return result
            } catch {
                try? execute("ROLLBACK TO kaiqu; RELEASE kaiqu")
                throw error
            }
        }
        try begin()
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Starts a transaction that `commit` ends; transactions begun inside it are savepoints.
    func begin() throws(StoreError) {
        // IMMEDIATE takes the write lock first, so a transaction never fails halfway for want
        // of it; waiting for it is bounded.
        try retryingWhileBusy { () throws(StoreError) in try execute("BEGIN IMMEDIATE") }
        depth = 1
    }

    /// Commits the transaction `begin` started.
    func commit() throws(StoreError) {
        do {
            try execute("COMMIT")
            depth = 0
        } catch {
            rollback()
            throw error
        }
    }

    /// Undoes the transaction `begin` started.
    func rollback() {
        try? execute("ROLLBACK")
        depth = 0
    }

    /// Whether a transaction is open.
    var inTransaction: Bool { depth > 0 }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    private func prepared(_ sql: String) throws(StoreError) -> OpaquePointer {
        if let statement = recent[sql] { return statement }
        if let statement = statements[StatementText(sql)] {
            recent[sql] = statement
            return statement
        }
        // Kept by their text: a statement written with values in it would add one a message, so
        // past `keptStatements` they go, all but any still running (a query inside another's rows).
        if statements.count >= Self.keptStatements {
            recent = RecentStatements()
            for (text, statement) in statements where sqlite3_stmt_busy(statement) == 0 {
                sqlite3_finalize(statement)
                statements[text] = nil
            }
        }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement else {
            throw lastError()
        }
        statements[StatementText(sql)] = statement
        recent[sql] = statement
        return statement
    }

    private func lastError() -> StoreError {
        .sqlite(code: sqlite3_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    // SQLITE_TRANSIENT: SQLite copies the bound text before the Swift string goes away.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A value bound to a statement.
    enum Value {
        case null
        case integer(Int64)
        case text(String)

        static func optional(_ text: String?) -> Value { text.map { .text($0) } ?? .null }
        static func optional(_ number: Int?) -> Value { number.map { .integer(Int64($0)) } ?? .null }
        static func optional(_ flag: Bool?) -> Value { flag.map { .integer($0 ? 1 : 0) } ?? .null }
    }

    /// The current row of a running statement.
    struct Row {
        let statement: OpaquePointer?
        func text(_ column: Int32) -> String? {
            // By the length SQLite knows, not by looking for the end: a list reads a dozen a row.
            guard let c = sqlite3_column_text(statement, column) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: c, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
        }
        func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
        func optionalInteger(_ column: Int32) -> Int? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, column))
        }
        func flag(_ column: Int32) -> Bool? { optionalInteger(column).map { $0 != 0 } }
    }
}

/// A statement's text as the key it is prepared under. Hashed by its length and a few of its
/// bytes, not all: a bridge looks up seven statements a message, of up to 600 bytes, and
/// hashing them whole cost more than some of them take to run. Texts that hash alike are told
/// apart by comparing them.
struct StatementText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        let count = text.utf8.count
        hasher.combine(count)
        guard count >= 64 else { return hasher.combine(text) }
        // Eight bytes at each of eight places spread over the text, the last at its end; from
        // a copy of the bytes when the string keeps them apart, so equal texts hash alike.
        func sample(_ bytes: UnsafeBufferPointer<UInt8>) {
            for place in 0..<8 {
                hasher.combine(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: (count - 8) * place / 7, as: UInt64.self))
            }
        }
        if text.utf8.withContiguousStorageIfAvailable(sample) == nil { Array(text.utf8).withUnsafeBufferPointer(sample) }
    }

    // Byte for byte: String's == compares canonical equivalence, which for a text built by
    // interpolation walks it character by character.
    static func == (lhs: StatementText, rhs: StatementText) -> Bool {
        let equal = lhs.text.utf8.withContiguousStorageIfAvailable { left in
            rhs.text.utf8.withContiguousStorageIfAvailable { right in
                left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
        return (equal ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}

/// Prepared statements found by where their text's bytes are, not by hashing the text: most
/// statements are run with the same String each time (a literal, or a text `Book.written`
/// keeps), and looking one up by its whole text cost a thousand instructions a statement, six
/// times a message. An entry keeps its String, so while it is there no other text can have
/// those bytes at that address; a text of another address is looked up by its content.
struct RecentStatements {
    private var entries: [(text: String, statement: OpaquePointer)?] = Array(repeating: nil, count: 256)

    subscript(sql: String) -> OpaquePointer? {
        get {
            guard let address = Self.address(sql), let entry = entries[Self.slot(address)],
                  Self.address(entry.text) == address, entry.text.utf8.count == sql.utf8.count else { return nil }
            return entry.statement
        }
        set {
            guard let address = Self.address(sql) else { return }
            entries[Self.slot(address)] = newValue.map { (sql, $0) }
        }
    }

    private static func slot(_ address: UInt) -> Int { Int((address >> 4 ^ address >> 12) & 255) }

    // Where the text's UTF-8 is kept; nil for a text of 15 bytes or less, which Swift keeps
    // inside the String value itself (its bytes are copied to a new place each time), or one
    // kept in another form.
    private static func address(_ text: String) -> UInt? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { $0.baseAddress.map { UInt(bitPattern: $0) } } ?? nil
    }
}

