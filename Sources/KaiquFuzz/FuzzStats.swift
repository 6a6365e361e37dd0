/// The figures of a run, kept as lines are handled: counts, time, the slowest lines, the
/// lines that went unanswered, the crashes (when a supervisor survives them).
public struct FuzzStats {
    /// A line over the slow threshold takes this long or more.
    public let slowNanoseconds: UInt64
    public private(set) var lines = 0
    public private(set) var nanoseconds: UInt64 = 0
    public private(set) var slowLines = 0
    /// Lines with something to say that got no reply at all.
    public private(set) var unanswered: [Place] = []
    /// The slowest lines, slowest first.
    public private(set) var slowest: [(nanoseconds: UInt64, place: Place)] = []
    public var crashes: [Crash] = []
    public var restarts = 0
    private let keep = 10
    // Every line's time, for the median and p99: 8 bytes a line.
    private var times: [UInt64] = []

    /// A line that killed the process, with the lines before it that replay it.
    public struct Crash {
        public let place: Place
        /// "SIGABRT", "hang" …
        public let cause: String
        /// Where it stopped, from the backtrace: "Turn.answer(_:with:) at KaiquDialogue/Engine/Answers.swift:39",
        /// with the runtime's message; empty when there was none.
        public let site: String
        public let lastLines: [UInt8]

        public init(place: Place, cause: String, site: String, lastLines: [UInt8]) {
            self.place = place
            self.cause = cause
            self.site = site
            self.lastLines = lastLines
        }

        /// The line that crashed: the last of `lastLines`.
        public var line: [UInt8] {
            let lines = lastLines.split(separator: 10, omittingEmptySubsequences: false).dropLast()
            return Array(lines.last ?? [])
        }
    }

    public init(slowMilliseconds: Double) {
        slowNanoseconds = UInt64(slowMilliseconds * 1e6)
    }

    public mutating func record(_ nanoseconds: UInt64, at place: Place, replied: Bool, blank: Bool) {
        lines += 1
        self.nanoseconds += nanoseconds
        times.append(nanoseconds)
        if nanoseconds >= slowNanoseconds { slowLines += 1 }
        if !replied && !blank { unanswered.append(place) }
        if slowest.count < keep || nanoseconds > slowest[slowest.count - 1].nanoseconds {
            let at = slowest.firstIndex { $0.nanoseconds < nanoseconds } ?? slowest.count
            slowest.insert((nanoseconds, place), at: at)
            if slowest.count > keep { slowest.removeLast() }
        }
    }

    /// A crashed line counts as run.
    public mutating func record(_ crash: Crash) {
        lines += 1
        crashes.append(crash)
    }

    /// The median and 99th-percentile time of a line (crashed lines left out).
    public var percentiles: (median: UInt64, p99: UInt64) {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return (0, 0) }
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
    }

    /// Lines per second of handling time.
    public var linesPerSecond: Double { nanoseconds == 0 ? 0 : Double(lines) / (Double(nanoseconds) / 1e9) }
}
