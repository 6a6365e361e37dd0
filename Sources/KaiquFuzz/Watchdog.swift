import Foundation

/// Ends the process when one line runs past a limit: a line stuck in a huge loop would
/// otherwise stall the run for good, and an abort leaves last-lines.txt to replay it.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: UInt64 = 0
    private var what = ""
    private let limit: UInt64
    private let onHang: @Sendable (String) -> Void

    /// `onHang` runs on the watchdog's thread just before it aborts the process.
    init(seconds: Double, onHang: @escaping @Sendable (String) -> Void) {
        limit = UInt64(seconds * 1e9)
        self.onHang = onHang
        let thread = Thread { [self] in watch() }
        thread.stackSize = 1 << 16
        thread.start()
    }

    func begin(_ description: String) {
        lock.lock()
        started = DispatchTime.now().uptimeNanoseconds
        what = description
        lock.unlock()
    }

    func end() {
        lock.lock()
        started = 0
        lock.unlock()
    }

    private func watch() {
        while true {
            usleep(50_000)
            lock.lock()
            let hung = started != 0 && DispatchTime.now().uptimeNanoseconds - started > limit
            let description = what
            lock.unlock()
            if hung {
                onHang(description)
                abort()
            }
        }
    }
}
