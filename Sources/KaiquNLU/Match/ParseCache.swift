import Foundation

/// Parses kept for reuse: a bridge hears the same sentences from many reps (帮助, 本周要拜访谁,
/// 列出客户), and a parse is most of a message's work.
///
/// A parse reads the text, the clock to the minute (`TimeReference`) and the customers the
/// conversation knows; those it reads only through `CustomerExtractor`. So a parse is kept
/// under the text, the minute and the customer entities found in the text, and is taken again
/// by any conversation whose customers are found there alike: a sentence naming no customer
/// is parsed once for all reps, one naming a rep's customer once for that rep. A sentence read
/// a second time with its slips corrected keeps that text as well, and the customers found in
/// it are checked before the parse is taken.
///
/// Safe to share between threads. Bounded: two generations of `capacity` parses each; when the
/// newer fills, the older is dropped, and a parse taken from the older moves to the newer.
public final class ParseCache: @unchecked Sendable {
    /// What a parse is kept under.
    struct Key: Hashable, Sendable {
        let text: String
        let minute: Int
        let customers: [Entity]

        // The text by its bytes (see `BytesKey`), and how many customers: every message is
        // looked up, and a String's hash of a Chinese sentence cost more than the rest.
        func hash(into hasher: inout Hasher) {
            BytesKey(text).hash(into: &hasher)
            hasher.combine(minute)
            hasher.combine(customers.count)
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.minute == rhs.minute && BytesKey(lhs.text) == BytesKey(rhs.text) && lhs.customers == rhs.customers
        }
    }

    /// A text read a second time (its slips corrected): its words and the customers found in them.
    struct Reread: Sendable {
        let text: NormalizedText
        let tokens: [Token]
        let customers: [Entity]
    }

    private struct Kept {
        let analysis: Analysis
        let reread: Reread?
    }

    private let capacity: Int
    private let lock = NSLock()
    private var newer: [Key: Kept] = [:]
    private var older: [Key: Kept] = [:]
    /// Parses taken and parses made since the cache was made, for tests (read without the lock).
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int = 4_096) {
        self.capacity = max(1, capacity)
        newer = Dictionary(minimumCapacity: self.capacity)
    }

    /// The parse kept under `key`, if any and if `stillFound` holds for the text it reread.
    func analysis(for key: Key, stillFound: (Reread) -> Bool) -> Analysis? {
        lock.lock()
        var kept = newer[key]
        if kept == nil, let old = older[key] {
            kept = old
            insert(old, key)
        }
        guard let kept else {
            misses += 1
            lock.unlock()
            return nil
        }
        guard let reread = kept.reread else {
            hits += 1
            lock.unlock()
            return kept.analysis
        }
        lock.unlock()
        // Checked outside the lock: it extracts customers, while another thread may want a parse.
        let found = stillFound(reread)
        lock.lock()
        if found { hits += 1 } else { misses += 1 }
        lock.unlock()
        return found ? kept.analysis : nil
    }

    /// Keeps a parse made under `key`.
    func keep(_ analysis: Analysis, for key: Key, reread: Reread?) {
        lock.lock()
        insert(Kept(analysis: analysis, reread: reread), key)
        lock.unlock()
    }

    // Called with the lock held.
    private func insert(_ kept: Kept, _ key: Key) {
        if newer.count >= capacity {
            older = newer
            // Made as big as it will grow: growing by doubling rehashed every parse kept.
            newer = Dictionary(minimumCapacity: capacity)
        }
        newer[key] = kept
    }
}
