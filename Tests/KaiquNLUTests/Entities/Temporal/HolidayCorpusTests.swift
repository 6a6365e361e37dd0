import Foundation
import XCTest
@testable import KaiquNLU

/// Runs holidays.examples beside this file: festivals, holiday breaks, lunar dates and the
/// words said around them, against reference clocks from 2025 to 2028. Lines are
///
///     @ 2026-11-18T10:00+08:00          the clock for the lines below
///     国庆假期 => period=2027-10-01/2027-10-03
///     十一箱 => -                        no date at all
///
/// The expected values were worked out by hand from the festivals' days and the official
/// schedules in intents/calendar.kaiqu, not by running the extractor.
final class HolidayCorpusTests: XCTestCase {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("holidays.examples")

    func testEveryHolidayExample() throws {
        var context = TestData.context
        var count = 0
        var failures: [String] = []
        for (index, line) in try String(contentsOf: Self.file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("@") {
                let clock = line.dropFirst().trimmingCharacters(in: .whitespaces)
                let (now, zone) = try XCTUnwrap(ISODateTime.parse(clock, defaultZone: TimeZone(secondsFromGMT: 0)!), "holidays.examples:\(index + 1): “\(clock)” is no clock")
                context = ParseContext(now: now, timeZone: zone, customers: TestData.context.customers)
                continue
            }
            let parts = line.components(separatedBy: " => ")
            XCTAssertEqual(parts.count, 2, "holidays.examples:\(index + 1): expected “text => type=value”")
            guard parts.count == 2 else { continue }
            count += 1
            let found = TestData.parser.analyze(parts[0], context: context).entities
                .filter { TemporalExtractor.types.contains($0.type) }.map { "\($0.type)=\($0.value)" }
            let expected = parts[1] == "-" ? [] : [parts[1]]
            if found != expected { failures.append("holidays.examples:\(index + 1): “\(parts[0])” expected \(expected) got \(found)") }
        }
        XCTAssertGreaterThanOrEqual(count, 150)
        XCTAssert(failures.isEmpty, "\(failures.count) of \(count) fail:\n" + failures.joined(separator: "\n"))
        print("holidays: \(count - failures.count) of \(count) passed")
    }
}
