import CSQLite
import Foundation

/// The background side of `Database.checkpointInBackground`: a serial queue and a connection
/// of its own that copies the WAL back with PASSIVE checkpoints.
///
/// One runs each time `threshold` more pages are in the WAL than the last one copied (as
/// often as SQLite's own automatic checkpoint would), and one shortly after the writes stop,
/// for the tail: a WAL copied back in full starts over at the next commit, so it stays small
/// in a chat or a bridge that pauses, without a checkpoint running back to back under load.
final class Checkpointer: @unchecked Sendable {
    private let path: String
    private let threshold: Int32
    private let queue = DispatchQueue(label: "kaiqu.checkpoint", qos: .utility)
    private let lock = NSLock()
    // Guarded by `lock`: a threshold checkpoint is queued or running; a tail one is scheduled;
    // pages the last checkpoint copied back; pages in the WAL after the last commit.
    private var pending = false
    private var tailScheduled = false
    private var copied: Int32 = 0
    private var latest: Int32 = 0
    // Used on `queue` only; once closed, a tail still scheduled does nothing.
    private var handle: OpaquePointer?
    private var closed = false

    /// How long after a commit the tail is copied back, in seconds.
    static let tailDelay = 0.2
    /// How many thresholds of pages the WAL may hold before a commit checkpoints inline.
    static let limit: Int32 = 8

    init(path: String, threshold: Int32) {
        self.path = path
        self.threshold = threshold
    }

    /// Whether the WAL has grown past what the background keeps up with.
    func mustCheckpointNow(frames: Int32) -> Bool { frames >= threshold * Self.limit }

    /// Called by SQLite after each commit with the pages now in the WAL.
    func committed(frames: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if frames < latest { copied = 0 }   // the WAL started over
        latest = frames
        schedule()
    }

    // Under `lock`: asks for the checkpoint the WAL now needs, if none is on its way.
    private func schedule() {
        if latest - copied >= threshold {
            guard !pending else { return }
            pending = true
            queue.async { self.run(tail: false) }
        } else if latest > copied, !tailScheduled, !pending {
            tailScheduled = true
            queue.asyncAfter(deadline: .now() + Self.tailDelay) { self.run(tail: true) }
        }
    }

    private func run(tail: Bool) {
        let done = checkpoint()
        lock.lock()
        defer { lock.unlock() }
        if done >= 0 { copied = done }
        if tail { tailScheduled = false } else { pending = false }
        schedule()
    }

    // On `queue`: one PASSIVE checkpoint; the pages copied back in all, or -1.
    private func checkpoint() -> Int32 {
        guard !closed else { return -1 }
        if handle == nil, sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK {
            // A writer holding the file briefly is waited for; a busy checkpoint is simply
            // tried again after a later commit.
            sqlite3_busy_timeout(handle, 1_000)
            // A connection learns the file is in WAL mode on its first read; until then a
            // checkpoint does nothing (and says -1 pages).
            sqlite3_exec(handle, "PRAGMA schema_version", nil, nil, nil)
        }
        var log: Int32 = -1, done: Int32 = -1
        if let handle { sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &done) }
        return done
    }

    /// Copies back whatever the WAL holds now, once what is queued has run (benchmarks and
    /// tests time reads on a settled file).
    func wait() {
        queue.sync {
            let done = checkpoint()
            lock.lock()
            if done >= 0 { copied = done }
            lock.unlock()
        }
    }

    func close() {
        queue.sync {
            sqlite3_close_v2(handle)
            handle = nil
            closed = true
        }
    }
}
