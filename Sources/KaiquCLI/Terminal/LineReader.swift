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
    /// Bytes read, `start..<end` not yet taken; allocated once, read into again and again.
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// A reader of `fd` that takes up to `chunk` bytes a read.
    init(fd: Int32, limit: Int, chunk: Int = 65_536) {
        self.fd = fd
        self.limit = limit
        buffer = [UInt8](repeating: 0, count: chunk)
    }

    /// True when a whole line is already read: `next()` returns it without waiting.
    var hasLineReady: Bool { start < end && buffer[start..<end].contains(10) }

    /// The next line without its "\n" (and "\r"), or nil at the end of input.
    mutating func next() -> Line? {
        var current: [UInt8] = []
        var overflow = false
        while true {
            if start < end {
                if let newline = buffer[start..<end].firstIndex(of: 10) {
                    append(buffer[start..<newline], to: &current, &overflow)
                    start = newline + 1
                    return finish(current, overflow)
                }
                append(buffer[start..<end], to: &current, &overflow)
                start = end
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
        start = 0
        end = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            // A read the bridge's SIGTERM interrupted ends the input; any other is resumed.
            if count < 0 && errno == EINTR && !Termination.requested { continue }
            if count <= 0 {
                atEnd = true
            } else {
                end = count
            }
            return
        }
    }
}
