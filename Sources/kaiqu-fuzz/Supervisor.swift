import Foundation
import KaiquFuzz

/// --keep-going: runs the lines in child processes of this program. When one dies (a trap,
/// an abort, the watchdog's abort on a hang), its last lines are kept in crashes/ and a new
/// child goes on at the scenario after the one that killed it, on the same store.
enum Supervisor {
    /// Crash files kept; past this, crashes are only counted.
    static let keptCrashes = 200

    static func run(_ options: FuzzOptions, in directory: URL, stats: inout FuzzStats, report: inout Report) throws {
        let crashes = directory.appendingPathComponent("crashes")
        try FileManager.default.createDirectory(at: crashes, withIntermediateDirectories: true)
        let logPath = directory.appendingPathComponent("workers.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        var next = Place(line: 0, scenario: 0, offset: 0)
        while next.line < options.lines {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--worker", String(next.line), String(next.scenario), "--lines", String(options.lines), "--seed", String(options.seed),
                                 "--store-dir", directory.path, "--report-slow", String(options.slowMilliseconds), "--hang-seconds", String(options.hangSeconds)]
            var environment = ProcessInfo.processInfo.environment
            // The crashed thread's frames only: the first frame in Kaiqu tells one crash from another.
            // Symbolicating takes about a second a crash, so past the first hundred only one crash
            // in ten is traced; while a known crash is hit every few dozen lines, that is most of a run.
            let traced = stats.crashes.count < 100 || stats.crashes.count % 10 == 0
            environment["SWIFT_BACKTRACE"] = environment["SWIFT_BACKTRACE"] ?? (traced
                ? "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=32" + (backtracer.map { ",swift-backtrace=\($0)" } ?? "")
                : "enable=no")
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = log
            let logStart = log.seekToEndOfFile()
            try process.run()
            var pending = Data()
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                guard let end = pending.lastIndex(of: 10) else { continue }
                for record in String(decoding: pending[..<end], as: UTF8.self).split(separator: "\n") {
                    if Worker.parse(record, into: &stats) != nil { report.progress(stats) }
                }
                pending = Data(pending[(end + 1)...])
                if let limit = options.maxSeconds, report.seconds > limit, !report.stoppedEarly {
                    report.stoppedEarly = true
                    kill(process.processIdentifier, SIGKILL)
                }
            }
            process.waitUntilExit()
            if report.stoppedEarly { break }
            if process.terminationReason == .exit {
                guard process.terminationStatus == 0 else { throw Failure("a worker exited with status \(process.terminationStatus); see \(logPath)") }
                break
            }
            let position = (try? String(contentsOf: directory.appendingPathComponent("last-position.txt"), encoding: .utf8)) ?? ""
            guard let place = Place(description: position), place.line >= next.line else {
                throw Failure("a worker died (signal \(process.terminationStatus)) before its first line; see \(logPath)")
            }
            let lastLines = (try? Data(contentsOf: directory.appendingPathComponent("last-lines.txt"))) ?? Data()
            let hang = position.contains("hang")
            let crash = FuzzStats.Crash(place: place, cause: hang ? "hang" : signalName(process.terminationStatus),
                                        site: hang ? "" : traced ? FuzzStats.Crash.site(fromBacktrace: workerLog(logPath, from: logStart)) : "(not traced)",
                                        lastLines: Array(lastLines))
            stats.record(crash)
            if stats.crashes.count <= keptCrashes {
                try? lastLines.write(to: crashes.appendingPathComponent("crash-\(place.line).txt"))
            }
            report.progress(stats)
            next = Place(line: place.line + 1, scenario: place.scenario + 1, offset: 0)
        }
    }

    // A release build links the runtime statically, and the runtime then finds no backtracer
    // beside itself: the toolchain's static one, found from `swift` on the PATH, when there is one.
    static let backtracer: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let swift = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
            guard FileManager.default.isExecutableFile(atPath: swift.path) else { continue }
            let candidate = swift.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("libexec/swift/linux/swift-backtrace-static")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        }
        return nil
    }()

    // What the worker wrote on standard error.
    static func workerLog(_ path: String, from offset: UInt64) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        handle.seek(toFileOffset: offset)
        return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }

    // This program again; /proc/self/exe does not depend on how it was started.
    static var executable: URL {
        #if os(Linux)
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        #endif
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL (Swift runtime trap)"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGKILL: "SIGKILL (out of memory?)"
        default: "signal \(signal)"
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
