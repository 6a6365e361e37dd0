#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads raw lines from a file descriptor without trusting them: any bytes, any length.
/// A line longer than `limit` bytes is read to its end and reported, never kept whole.
struct LineReader {
    enum Line: Equatable {
        case bytes([UInt8])
        case tooLong(prefix: [UInt8])
    }

    let fd: Int32
    let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    /// True when a whole line is already read: `next()` returns it without waiting.
    var hasLineReady: Bool { start < buffer.count && buffer[start...].contains(10) }

    /// The next line without its "\n" (and "\r"), or nil at the end of input.
    mutating func next() -> Line? {
        var current: [UInt8] = []
        var overflow = false
        while true {
            if start < buffer.count {
                if let newline = buffer[start...].firstIndex(of: 10) {
                    append(buffer[start..<newline], to: &current, &overflow)
                    start = newline + 1
                    return finish(current, overflow)
                }
                append(buffer[start...], to: &current, &overflow)
                start = buffer.count
            }
            if atEnd { return current.isEmpty && !overflow ? nil : finish(current, overflow) }
            fill()
        }
    }

    private func append(_ slice: ArraySlice<UInt8>, to line: inout [UInt8], _ overflow: inout Bool) {
        if overflow { return }
        if line.count + slice.count > limit {
            line.append(contentsOf: slice.prefix(max(0, limit - line.count)))
            overflow = true
        } else {
            line.append(contentsOf: slice)
        }
    }

    private func finish(_ line: [UInt8], _ overflow: Bool) -> Line {
        var line = line
        if line.last == 13 { line.removeLast() }
        return overflow ? .tooLong(prefix: line) : .bytes(line)
    }

    private mutating func fill() {
        buffer = [UInt8](repeating: 0, count: 65_536)
        start = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            // A read the bridge's SIGTERM interrupted ends the input; any other is resumed.
            if count < 0 && errno == EINTR && !Termination.requested { continue }
            if count <= 0 {
                atEnd = true
                buffer = []
            } else {
                buffer.removeSubrange(count...)
            }
            return
        }
    }
}
