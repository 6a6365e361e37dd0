import Foundation

/// The requests `kaiqu serve` has read and not yet answered, prepared (read as JSON, their
/// texts parsed) by a second thread while the serving thread answers the ones before them.
///
/// Only requests already read behind the one in hand are offered to that thread: a bridge
/// waiting for each answer gets it as fast as with one thread, with no hand-over between
/// threads; a bridge streaming requests keeps both cores busy.
final class Lookahead: @unchecked Sendable {
    private let preparer: RequestPreparer
    /// Guards `slots` and `offered`: taken by the serving thread once a top-up, by the worker
    /// once a request. A slot's own state has a lock of its own, so the two threads do not
    /// meet on one lock every request (they did, a futex call every third message).
    private let condition = NSCondition()
    /// Requests read, in order; the worker takes them from `offered` on.
    private var slots: [Slot] = []
    private var offered = 0
    private var read: [Slot] = []
    private var next = 0
    /// Slots answered, for the worker to free (guarded by `condition`): a request's parse is a
    /// graph of objects, and freeing a few hundred at once took the serving thread 2.5% of its
    /// time under a stream.
    private var answered: [Slot] = []

    /// Requests read ahead at most; past this the serving thread answers before it reads more.
    static let depth = 1_024

    private final class Slot {
        let line: LineReader.Line
        /// Guards `state` and `prepared`.
        let lock = NSCondition()
        var state = State.waiting
        var prepared: PreparedRequest?
        init(_ line: LineReader.Line) { self.line = line }
    }

    private enum State { case waiting, preparing, taken }

    init(preparer: RequestPreparer) {
        self.preparer = preparer
        Termination.withSignalsBlocked { Thread { [self] in work() }.start() }
    }

    /// The next request, read from `reader` if none is waiting (the only read that blocks);
    /// nil at the end of input. What is already read behind it is offered to the worker.
    func next(from reader: inout LineReader) -> PreparedRequest? {
        if next == read.count {
            read.removeAll(keepingCapacity: true)
            next = 0
            guard let line = Self.request(from: &reader) else { return nil }
            read.append(Slot(line))
        }
        var behind: [Slot] = []
        // Topped up to `depth` once half of it is answered, not a request at a time: each
        // top-up takes the worker's lock and wakes it.
        let waiting = read.count - next
        while waiting < Self.depth / 2, reader.hasLineReady,
              read.count - next < Self.depth, let line = Self.request(from: &reader) {
            let slot = Slot(line)
            read.append(slot)
            behind.append(slot)
        }
        if !behind.isEmpty {
            condition.lock()
            slots.append(contentsOf: behind)
            condition.broadcast()
            condition.unlock()
        }
        let slot = read[next]
        next += 1
        // Under a stream that never lets up, answered requests are dropped now and then.
        if next >= 256 && next * 2 >= read.count {
            condition.lock()
            answered.append(contentsOf: read[..<next])
            condition.unlock()
            read.removeFirst(next)
            next = 0
        }
        return take(slot)
    }

    /// Whether a request is read and waiting: `next` returns it without blocking.
    func hasReady(_ reader: LineReader) -> Bool { next < read.count || reader.hasLineReady }

    // The next line that is a request: a blank line (a keep-alive) is none.
    private static func request(from reader: inout LineReader) -> LineReader.Line? {
        while let line = reader.next() {
            if case .bytes(let bytes) = line, bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            return line
        }
        return nil
    }

    // A slot the worker has not begun is prepared here rather than waited for.
    private func take(_ slot: Slot) -> PreparedRequest {
        slot.lock.lock()
        switch slot.state {
        case .waiting, .taken:
            slot.state = .taken
            slot.lock.unlock()
            return preparer.prepare(slot.line)
        case .preparing:
            while slot.prepared == nil { slot.lock.wait() }
            slot.lock.unlock()
            return slot.prepared ?? preparer.prepare(slot.line)
        }
    }

    private func work() {
        var freeing: [Slot] = []
        while true {
            condition.lock()
            while offered == slots.count { condition.wait() }
            let slot = slots[offered]
            offered += 1
            // Slots taken are dropped now and then, not one by one (which would move the rest).
            if offered >= 256 {
                slots.removeFirst(offered)
                offered = 0
            }
            swap(&freeing, &answered)
            condition.unlock()
            freeing.removeAll(keepingCapacity: true)
            slot.lock.lock()
            guard slot.state == .waiting else {
                slot.lock.unlock()
                continue
            }
            slot.state = .preparing
            slot.lock.unlock()
            let prepared = preparer.prepare(slot.line)
            slot.lock.lock()
            slot.prepared = prepared
            slot.lock.broadcast()
            slot.lock.unlock()
        }
    }
}
