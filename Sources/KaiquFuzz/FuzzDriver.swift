import Foundation
import KaiquCLI

/// Runs lines through the chat pipeline one at a time, on a store of its own, as a piped
/// `kaiqu --store DIR/fuzz.db --now …` would, and times each. Before a line is handled it is
/// written, after the conversation's lines before it, to `last-lines.txt`, and its place to
/// `last-position.txt`: a crash kills the process, and those files are what is left to
/// replay it with.
public final class FuzzDriver {
    /// The fixed clock of every run: dates in answers ("明天") mean the same on a replay.
    public static let now = "2026-11-18T10:00:00+08:00"
    /// How many lines of the conversation `last-lines.txt` keeps.
    public static let historyLength = 20

    public let directory: URL
    /// The main store: every scenario's that names none.
    public var store: String { directory.appendingPathComponent("fuzz.db").path }
    /// The store the conversation writes to now.
    private var current: String
    /// The conversations started again after one ended (退出).
    public private(set) var restarts = 0
    private var conversation: FuzzConversation
    private var history: [[UInt8]] = []
    private let lastLines: Int32
    private let position: Int32
    private var watchdog: Watchdog?

    /// What one line came to.
    public struct Outcome {
        public let nanoseconds: UInt64
        public let answer: FuzzConversation.Answer
    }

    /// Opens or creates the store in `directory`. With `hangSeconds`, a line that runs longer
    /// aborts the process after saying so on standard error.
    public init(directory: URL, hangSeconds: Double?) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        lastLines = open(directory.appendingPathComponent("last-lines.txt").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        position = open(directory.appendingPathComponent("last-position.txt").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard lastLines >= 0, position >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        current = directory.appendingPathComponent("fuzz.db").path
        conversation = try FuzzConversation(store: current, now: Self.now)
        if let hangSeconds {
            let folder = directory.path, fd = position
            watchdog = Watchdog(seconds: hangSeconds) { what in
                // After the place, which pwrite left the file offset before.
                let note = "hang: more than \(hangSeconds) s\n"
                lseek(fd, 0, SEEK_END)
                _ = note.withCString { write(fd, $0, strlen($0)) }
                FileHandle.standardError.write(Data("kaiqu-fuzz: \(what) ran for more than \(hangSeconds) s; aborting. Its lines: \(folder)/last-lines.txt\n".utf8))
            }
        }
    }

    deinit {
        close(lastLines)
        close(position)
    }

    /// Handles one line, timed. Throws only when the store cannot be opened again after the
    /// conversation ended.
    public func run(_ line: [UInt8], at place: Place) throws -> Outcome {
        history.append(line)
        if history.count > Self.historyLength { history.removeFirst() }
        note(history.flatMap { $0 + [10] }, in: lastLines)
        note(Array((place.description + "\n").utf8), in: position)
        watchdog?.begin(place.description)
        let start = DispatchTime.now().uptimeNanoseconds
        let answer = conversation.handle(line)
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        watchdog?.end()
        if answer.ended {
            // As a rep would after 退出: a new `kaiqu` on the same store, which knows every
            // name added so far.
            history = []
            restarts += 1
            conversation = try FuzzConversation(store: current, now: Self.now)
        }
        return Outcome(nanoseconds: elapsed, answer: answer)
    }

    /// Runs the generator's lines from the start of `start.scenario` (numbered from
    /// `start.line`) until line `end`, calling `each` after every line; `each` returns false
    /// to stop early. Throws when a store cannot be opened.
    public func run(_ generator: LineGenerator, from start: Place, until end: Int,
                    each: (Place, [UInt8], Outcome) -> Bool) throws {
        var line = start.line
        var index = start.scenario
        while line < end {
            let scenario = generator.scenario(index)
            let wanted = scenario.store.map { directory.appendingPathComponent($0).path } ?? store
            if wanted != current {
                // Another store is another `kaiqu`: a conversation of its own.
                conversation = try FuzzConversation(store: wanted, now: Self.now)
                current = wanted
                history = []
            }
            for (offset, bytes) in scenario.lines.enumerated() where line < end {
                let place = Place(line: line, scenario: index, offset: offset)
                let outcome = try run(bytes, at: place)
                line += 1
                if !each(place, bytes, outcome) { return }
            }
            index += 1
        }
    }

    // The file's whole content, replaced in place: no fsync, a crash leaves the page cache.
    private func note(_ bytes: [UInt8], in fd: Int32) {
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(fd, off_t(bytes.count))
    }
}
