import Dispatch

// Start-up compiles intents/ on both cores: the parts that do not need each other are built
// at once. Each helper returns what it computed in the order asked, so the result (and the
// order errors are reported in) is the same as one after the other.

/// Runs `first` here and `second` on another thread at the same time and returns both
/// results. When both fail, `first`'s errors are thrown, as they would be run in turn.
func concurrently<A, B: Sendable>(_ first: () throws(DataErrors) -> A,
                                  _ second: @escaping @Sendable () throws(DataErrors) -> B) throws(DataErrors) -> (A, B) {
    let other = Deferred<Result<B, DataErrors>> {
        do throws(DataErrors) { return .success(try second()) } catch { return .failure(error) }
    }
    let a = try first()
    switch other.value {
    case .success(let b): return (a, b)
    case .failure(let errors): throw errors
    }
}

/// `transform` of each item, computed on every core, in the items' order.
func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let results = Slots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in results.set(index, transform(items[index])) }
    return results.values
}

/// A value computed on another thread from the moment it is made, waited for where it is
/// first read (the typo indexes, which only an unsure reading needs).
final class Deferred<Value: Sendable>: @unchecked Sendable {
    // Written once on the other thread before `done` is left; read only after waiting on it.
    private var result: Value?
    private let done = DispatchGroup()

    init(_ make: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = make()
            self.done.leave()
        }
    }

    /// Made already (nothing to wait for).
    init(ready value: Value) { result = value }

    var value: Value {
        done.wait()
        return result!
    }
}

// One slot per index, each written by exactly one iteration of `concurrentPerform`, read after
// it returns. A buffer, not an array property: two threads writing through one array would
// each claim the whole array (Swift's exclusive-access check stops that).
private final class Slots<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: R) { slots[index] = value }

    var values: [R] { slots.map { $0! } }
}
