import Foundation
import KaiquFuzz

/// A child process of --keep-going: runs lines from a place to the end and writes one record
/// a line on standard output for the supervisor, which does the counting and the printing.
///
///     R <nanoseconds> <line> <scenario> <offset> <replied 0|1> <blank 0|1>
///     X                               (the conversation ended and was started again)
enum Worker {
    static func run(_ options: FuzzOptions, _ generator: LineGenerator, in directory: URL, from start: Place) throws {
        let driver = try FuzzDriver(directory: directory, hangSeconds: options.hangSeconds)
        var restarts = 0
        try driver.run(generator, from: start, until: options.lines) { place, _, outcome in
            var record = "R \(outcome.nanoseconds) \(place.line) \(place.scenario) \(place.offset) "
                + "\(outcome.answer.replies.isEmpty ? 0 : 1) \(outcome.answer.blank ? 1 : 0)\n"
            if driver.restarts != restarts {
                restarts = driver.restarts
                record += "X\n"
            }
            // Unbuffered: a record written is a line the supervisor knows survived.
            _ = record.withCString { write(1, $0, strlen($0)) }
            return true
        }
    }

    /// Reads a record back into the figures.
    static func parse(_ record: Substring, into stats: inout FuzzStats) -> Place? {
        let fields = record.split(separator: " ")
        if fields.first == "X" {
            stats.restarts += 1
            return nil
        }
        guard fields.count == 7, fields[0] == "R", let nanoseconds = UInt64(fields[1]) else { return nil }
        let numbers = fields[2...].compactMap { Int($0) }
        guard numbers.count == 5 else { return nil }
        let place = Place(line: numbers[0], scenario: numbers[1], offset: numbers[2])
        stats.record(nanoseconds, at: place, replied: numbers[3] == 1, blank: numbers[4] == 1)
        return place
    }
}
