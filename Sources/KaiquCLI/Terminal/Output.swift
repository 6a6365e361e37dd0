#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to a file descriptor, so every reply reaches a pipe as soon as it is said.
struct Output {
    let fd: Int32

    static let standard = Output(fd: 1)
    static let error = Output(fd: 2)

    func write(_ text: String) { write(bytes: Array(text.utf8)) }

    func write(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    func line(_ text: String) { write(text + "\n") }
}

/// Colour, only for a terminal and never when NO_COLOR is set (https://no-color.org).
struct Style {
    let enabled: Bool

    init(fd: Int32, environment: [String: String]) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        enabled = isatty(fd) == 1 && !noColor && environment["TERM"] != "dumb"
    }

    func prompt(_ text: String) -> String { enabled ? "\u{1B}[1;36m\(text)\u{1B}[0m" : text }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
