import Foundation
import KaiquFuzz

/// What kaiqu-fuzz prints: progress while it runs, the figures at the end.
struct Report {
    let generator: LineGenerator
    let directory: URL
    let started = DispatchTime.now().uptimeNanoseconds
    private var lastProgress = DispatchTime.now().uptimeNanoseconds

    init(generator: LineGenerator, directory: URL) {
        self.generator = generator
        self.directory = directory
    }

    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// Set when --max-seconds cut the run short.
    var stoppedEarly = false

    /// A progress line every 10,000 lines or 10 seconds.
    mutating func progress(_ stats: FuzzStats) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard stats.lines % 10_000 == 0 || now - lastProgress > 10_000_000_000 else { return }
        lastProgress = now
        print(String(format: "%9d lines  %7.0f lines/s  slow %d  crashes %d  store %.1f MB", stats.lines, Double(stats.lines) / seconds,
                     stats.slowLines, stats.crashes.count, storeMegabytes()))
        fflush(nil)
    }

    func summary(_ stats: FuzzStats) {
        print("")
        if stoppedEarly { print("stopped by --max-seconds") }
        print(String(format: "lines run: %d in %.1f s, %.0f lines/s (%.0f lines/s of handling alone)", stats.lines, seconds,
                     Double(stats.lines) / seconds, stats.linesPerSecond))
        let (median, p99) = stats.percentiles
        print(String(format: "a line: median %.2f ms, p99 %.2f ms", Double(median) / 1e6, Double(p99) / 1e6))
        print("slowest lines:")
        for (nanoseconds, place) in stats.slowest {
            print(String(format: "  %9.2f ms  ", Double(nanoseconds) / 1e6) + "\(place.description) [\(generator.scenario(place.scenario).kind)]  "
                  + Self.show(line(at: place)))
        }
        print(String(format: "lines over %.0f ms: %d", Double(stats.slowNanoseconds) / 1e6, stats.slowLines))
        print("lines with no reply: \(stats.unanswered.count)" + stats.unanswered.prefix(5).map { "\n  \($0.description)  " + Self.show(line(at: $0)) }.joined())
        print("conversations started again after 退出: \(stats.restarts)")
        if !stats.crashes.isEmpty { crashes(stats.crashes) }
        print(String(format: "store: %@ %.1f MB", directory.appendingPathComponent("fuzz.db").path, storeMegabytes()))
    }

    private func crashes(_ crashes: [FuzzStats.Crash]) {
        // Grouped by where they stopped (hangs by their line): one bug hit a thousand times is
        // one group, shown with a few of the lines that hit it.
        var groups: [String: [FuzzStats.Crash]] = [:]
        for crash in crashes {
            groups[crash.cause + " " + (crash.site.isEmpty ? Self.show(crash.line) : crash.site), default: []].append(crash)
        }
        print("crashes: \(crashes.count), at \(groups.count) distinct places; replay one with")
        print("  kaiqu --store NEW.db --now \(FuzzDriver.now) < \(directory.path)/crashes/crash-LINE.txt")
        for (key, group) in groups.sorted(by: { $0.value.count > $1.value.count }) {
            print("  \(group.count)× \(key)")
            var shown = Set<String>()
            for crash in group where shown.count < 4 && shown.insert(Self.show(crash.line)).inserted {
                print("      \(crash.place.description): " + Self.show(crash.line))
            }
        }
    }

    func line(at place: Place) -> [UInt8] {
        let lines = generator.scenario(place.scenario).lines
        return place.offset < lines.count ? lines[place.offset] : []
    }

    func storeMegabytes() -> Double {
        let sizes = ["fuzz.db", "fuzz.db-wal"].compactMap {
            try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent($0).path)[.size] as? Int
        }
        return Double(sizes.reduce(0, +)) / 1_048_576
    }

    static func show(_ bytes: [UInt8]) -> String { LineText.printable(bytes) }
}
