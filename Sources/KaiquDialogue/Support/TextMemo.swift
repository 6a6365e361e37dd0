import Foundation

/// Texts made once and kept by key: what replies write the same way message after message (a
/// day as 明天 11月19日（周四）, a card's empty fields) costs a few renders each time, and an
/// agenda or a card writes dozens. Shared by every conversation of a bridge, so guarded by a
/// lock; emptied when full, so a long run keeps at most `limit`.
final class TextMemo<Key: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [Key: String] = [:]
    private let limit: Int

    init(limit: Int = 4_096) {
        self.limit = limit
    }

    /// The text kept for `key`, made by `make` the first time.
    func text(_ key: Key, make: () -> String) -> String {
        lock.lock()
        let known = texts[key]
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        if texts.count >= limit { texts.removeAll(keepingCapacity: true) }
        texts[key] = made
        lock.unlock()
        return made
    }
}
