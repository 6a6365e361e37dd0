import CSQLite
import Foundation

/// The background side of `Database.checkpointInBackground`: a serial queue and a connection
/// of its own that runs one PASSIVE checkpoint when asked, never two at once.
final class Checkpointer: @unchecked Sendable {
    private let path: String
    private let threshold: Int32
    private let queue = DispatchQueue(label: "kaiqu.checkpoint", qos: .utility)
    private let lock = NSLock()
    // Guarded by `lock`: a checkpoint is queued or running; and a commit came after it began,
    // so another must follow (or the last commits' pages would wait for the next request).
    private var pending = false
    private var again = false
    // Used on `queue` only.
    private var handle: OpaquePointer?

    init(path: String, threshold: Int32) {
        self.path = path
        self.threshold = threshold
    }

    /// How many thresholds of pages the WAL may hold before a commit checkpoints inline.
    static let limit: Int32 = 8

    /// Whether the WAL has grown past what the background keeps up with.
    func mustCheckpointNow(frames: Int32) -> Bool { frames >= threshold * Self.limit }

    /// Called by SQLite after each commit with the pages now in the WAL.
    func committed(frames: Int32) {
        guard frames >= threshold else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !pending else {
            again = true
            return
        }
        pending = true
        queue.async { self.checkpoint() }
    }

    private func checkpoint() {
        if handle == nil, sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK {
            // A writer holding the file briefly is waited for; a busy checkpoint is simply
            // tried again at a later commit.
            sqlite3_busy_timeout(handle, 1_000)
            // A connection learns the file is in WAL mode on its first read; until then a
            // checkpoint does nothing (and says -1 pages).
            sqlite3_exec(handle, "PRAGMA schema_version", nil, nil, nil)
        }
        var more = true
        while more {
            if let handle { sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) }
            lock.lock()
            more = again
            again = false
            pending = more
            lock.unlock()
        }
    }

    func wait() { queue.sync {} }

    func close() {
        queue.sync {
            sqlite3_close_v2(handle)
            handle = nil
        }
    }
}
