import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `kaiqu` chat running in the background: lines written one at a time, replies read as
/// they come, and the process killable at any point, as a bridge or a crash would leave it.
final class ChatProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var received: [UInt8] = []
    private let errors: URL

    /// Starts `kaiqu arguments` with its data folder, and standard error, in `home`.
    init(_ arguments: [String], home: URL) throws {
        process.executableURL = Binary.url
        process.arguments = arguments
        process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        errors = home.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        // Writing to a process just killed must not end the test runner.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
    }

    func send(_ line: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Reads reply lines until one contains any of `texts`: the lines read, or nil when none
    /// did within `timeout` seconds or the output ended.
    func waitFor(_ texts: String..., timeout: TimeInterval = 10) -> [String]? {
        let fd = output.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while true {
            while let newline = received.firstIndex(of: 10) {
                let line = String(decoding: received[..<newline], as: UTF8.self)
                received.removeSubrange(...newline)
                lines.append(line)
                if texts.contains(where: { line.contains($0) }) { return lines }
            }
            guard Date() < deadline else { return nil }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4_096)
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { return nil }
            received += buffer[0..<count]
        }
    }

    /// SIGKILL: no chance to flush, close or roll anything back.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Ends the input and waits: the exit status, and everything it still wrote.
    func finish() -> (status: Int32, rest: String) {
        try? input.fileHandleForWriting.close()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: received + rest, as: UTF8.self))
    }

    /// What it wrote on standard error so far.
    var stderr: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }
}
