import Foundation

/// The hand-over from `kaiqu serve`'s reading thread to its serving thread: prepared requests
/// in order, at most `capacity` waiting, then the end of input.
final class RequestPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [PreparedRequest] = []
    private var head = 0
    private var ended = false
    private let capacity: Int

    init(capacity: Int = 1_024) { self.capacity = capacity }

    /// Called by the reading thread; waits while the pipe is full.
    func put(_ request: PreparedRequest) {
        condition.lock()
        while waiting.count - head >= capacity && !ended { condition.wait() }
        waiting.append(request)
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the reading thread at the end of input; also by the serving thread when it
    /// stops early, so a reader waiting on a full pipe goes on and finds the end.
    func close() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next request, waiting for one; nil once the input has ended and all are taken.
    func take() -> PreparedRequest? {
        condition.lock()
        defer { condition.unlock() }
        while head == waiting.count && !ended { condition.wait() }
        guard head < waiting.count else { return nil }
        let next = waiting[head]
        head += 1
        // Taken requests are dropped now and then, not one by one (which would move the rest).
        if head >= 256 && head * 2 >= waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return next
    }

    /// True when a request is waiting: `take()` returns it at once.
    var hasReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        return head < waiting.count
    }
}
