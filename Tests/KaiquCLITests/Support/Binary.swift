import Foundation
import XCTest

/// Runs the real `kaiqu` binary that `swift test` built, as a user would.
enum Binary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable, found beside the test bundle.
    static let url: URL = {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let url = folder.appendingPathComponent("kaiqu")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("kaiqu binary not found beside the tests (looked in \(candidates.map(\.path)))")
    }()

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error without the line that announces a new store: what went wrong.
        var complaints: String { Binary.complaints(in: stderr) }
        /// Wall time from start to exit.
        var seconds: Double = 0
        /// Killed by a signal (a crash, or the timeout's SIGKILL) rather than exited.
        var signalled = false
    }

    /// Runs `kaiqu arguments` with `input` on standard input, in a fresh data folder unless
    /// `environment` says otherwise. With `timeout`, a run still going then is killed (SIGKILL).
    /// `stderr` without the line announcing a new store (and the folder made for it).
    static func complaints(in stderr: String) -> String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("kaiqu: 新建了客户库") && !($0.hasPrefix("kaiqu: 文件夹") && $0.contains("已新建")) }
            .joined(separator: "\n")
    }

    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
                    executable: URL = Binary.url, directory: URL? = nil, timeout: TimeInterval? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-e2e-\(UUID().uuidString)")
        var env = ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let started = Date()
        try process.run()
        let finished = Locked(false)
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if !finished.get() { kill(pid, SIGKILL) }
            }
        }
        // Write and read at once: a large input must not deadlock against a full output pipe.
        // A binary that crashes before reading all of it must fail its test, not end the runner
        // with SIGPIPE or a trap on EPIPE.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errors = Locked<Data>(Data())
        let reader = Thread { errors.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        finished.set(true)
        while !reader.isFinished { usleep(1_000) }
        try? FileManager.default.removeItem(at: home)
        return Run(status: process.terminationStatus, stdout: out, stderr: String(decoding: errors.get(), as: UTF8.self),
                   seconds: Date().timeIntervalSince(started), signalled: process.terminationReason == .uncaughtSignal)
    }
}

/// A value shared with a helper thread.
final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ new: T) { lock.lock(); value = new; lock.unlock() }
    /// Changes the value under the lock: a read then a `set` from two threads loses one.
    func update(_ change: (inout T) -> Void) { lock.lock(); change(&value); lock.unlock() }
}
