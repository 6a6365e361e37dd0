import Foundation

/// Values made once and kept by key: what replies work out the same way message after message
/// (a day as 明天 11月19日（周四）, a card's empty fields, a week's birthday keys) costs a few
/// renders each time, and an agenda or a card needs dozens. Shared by every conversation of a
/// bridge, so guarded by a lock; emptied when full, so a long run keeps at most `limit`.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private let limit: Int

    init(limit: Int = 4_096) {
        self.limit = limit
    }

    /// The value kept for `key`, made by `make` the first time.
    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[key] = made
        lock.unlock()
        return made
    }
}
