#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipes between a bridge and `kaiqu serve`, made wider than Linux's 64 KB. Through a
/// narrow pipe a streaming bridge is woken to write, and Kaiqu's writer to the bridge's reader,
/// every few hundred messages; each time those threads take the cores from the ones answering
/// and parsing, which then wait on each other. With 1 MB they are woken a sixteenth as often.
enum PipeSize {
    /// What is asked for: the most Linux lets a process without privileges ask
    /// (`/proc/sys/fs/pipe-max-size`).
    static let wide: Int32 = 1 << 20

    /// Widens the pipe `fd` is, if it is one: a file, a terminal or a refusal leaves it as it is.
    static func widen(_ fd: Int32) {
        #if os(Linux)
        _ = fcntl(fd, setPipeSize, wide)
        #endif
    }

    /// The pipe's size in bytes, nil when `fd` is not a pipe (or not on Linux).
    static func size(_ fd: Int32) -> Int? {
        #if os(Linux)
        let size = fcntl(fd, getPipeSize)
        return size < 0 ? nil : Int(size)
        #else
        return nil
        #endif
    }

    // F_SETPIPE_SZ and F_GETPIPE_SZ (linux/fcntl.h), which Swift's Glibc module leaves out.
    private static let setPipeSize: Int32 = 1031
    private static let getPipeSize: Int32 = 1032
}
