#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator, told to keep the memory it has. Each thread allocates from an arena of
/// its own, and by default an arena hands memory back to the system as soon as 128 KB at its
/// top are free: a bridge's parsing thread, which allocates and frees a message's worth at a
/// time, then shrank and grew its arena a thousand times in 30,000 messages (`strace`: an
/// `mprotect` each time, and fresh pages to fault in after). Memory kept free is not touched
/// again until it is used, so the resident set stays as it was (70 MB after 1M messages of
/// `kaiqu-bench bridge`, before and after).
enum HeapTuning {
    /// How much free memory an arena keeps at its top before it gives any back.
    static let keep: Int32 = 64 << 20
    /// How much more than it needs an arena takes when it grows, so it grows less often.
    static let pad: Int32 = 16 << 20

    static func keepFreedMemory() {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module. M_TRIM_THRESHOLD is -1 and M_TOP_PAD -2 in
        // malloc.h.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-1, keep)
        _ = mallopt(-2, pad)
        #endif
    }
}
