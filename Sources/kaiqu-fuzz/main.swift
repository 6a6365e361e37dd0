// kaiqu-fuzz: feeds generated lines to the chat pipeline in-process (the Conversation and
// Dialogue of `kaiqu`, on a real SQLite store) and reports the slow ones and the crashes.
// Build and run in release:
//   swift build -c release --product kaiqu-fuzz && .build/release/kaiqu-fuzz --lines 200000 --keep-going
//
// Without --keep-going a crash ends the run; DIR/last-lines.txt then holds the line that
// crashed after the conversation's lines before it, ready to pipe into `kaiqu --store NEW.db
// --now 2026-11-18T10:00:00+08:00`, and DIR/last-position.txt its place.
import Foundation
import KaiquFuzz

let options: FuzzOptions
do {
    options = try FuzzOptions(Array(CommandLine.arguments.dropFirst()))
} catch let problem as FuzzOptions.Problem {
    guard let message = problem.message else {
        print(FuzzOptions.usage)
        exit(0)
    }
    FileHandle.standardError.write(Data("kaiqu-fuzz: \(message)\n\(FuzzOptions.usage)\n".utf8))
    exit(64)
}

do {
    let generator = LineGenerator(seed: options.seed, examples: try FuzzExamples.load())
    let directory = options.directory()
    if let start = options.worker {
        try Worker.run(options, generator, in: directory, from: Place(line: start.line, scenario: start.scenario, offset: 0))
        exit(0)
    }
    Reproducers.removeStores(in: directory)
    print("kaiqu-fuzz: seed \(options.seed), \(options.lines) lines (\(Reproducers.scenarios.count) reproducer scenarios first), store \(directory.path)/fuzz.db")
    print(options.keepGoing ? "crashes are kept in \(directory.path)/crashes/" : "a crash leaves its lines in \(directory.path)/last-lines.txt")
    var stats = FuzzStats(slowMilliseconds: options.slowMilliseconds)
    var report = Report(generator: generator, directory: directory)
    if options.keepGoing {
        try Supervisor.run(options, in: directory, stats: &stats, report: &report)
    } else {
        let driver = try FuzzDriver(directory: directory, hangSeconds: options.hangSeconds)
        try driver.run(generator, from: Place(line: 0, scenario: 0, offset: 0), until: options.lines) { place, line, outcome in
            if options.verbose {
                print("> \(place.description): " + Report.show(line))
                for reply in outcome.answer.replies { print(reply) }
                fflush(nil)
            }
            stats.record(outcome.nanoseconds, at: place, replied: !outcome.answer.replies.isEmpty, blank: outcome.answer.blank)
            report.progress(stats)
            if let limit = options.maxSeconds, report.seconds > limit { report.stoppedEarly = true }
            return !report.stoppedEarly
        }
        stats.restarts = driver.restarts
    }
    report.summary(stats)
    exit(stats.slowLines == 0 && stats.unanswered.isEmpty && stats.crashes.isEmpty ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("kaiqu-fuzz: \(error)\n".utf8))
    exit(70)
}
