import Foundation
import XCTest
@testable import KaiquNLU

/// Runs the date/time extractor over the public corpora vendored in Corpora/ beside this file
/// (Duckling and Recognizers-Text examples; see Corpora/README.md for sources and licences;
/// KAIQU_CORPORA=DIR reads them from another folder) and prints one line per file:
///
///     time_zh: N of M passed (holidays: n of m in scope, k more out of scope)
///
/// M counts the examples that are not holidays and not in conformance-exclusions.txt, the
/// list of readings Kaiqu deliberately does not follow, each with its reason. Every holiday
/// example must pass but those holiday-scope.txt lists as out of scope, with the reason. Contested week
/// readings are scored on `alt_expected`, as the contract reads weeks. The lines also go to
/// .build/conformance-summary.txt, which .ci/run prints. KAIQU_CONFORMANCE_VERBOSE=1 prints
/// every failure.
final class TimeConformanceTests: XCTestCase {
    static let root = TestData.packageRoot
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let corpora = ProcessInfo.processInfo.environment["KAIQU_CORPORA"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        ?? folder.appendingPathComponent("Corpora")
    static let exclusionsFile = folder.appendingPathComponent("conformance-exclusions.txt")
    static let holidayScopeFile = folder.appendingPathComponent("holiday-scope.txt")
    /// Every example not excluded by decision passes: a reading lost is a failure, not a
    /// figure that drifts down unseen (前两月 once read as this month for a few commits).
    static let target = 1.0

    func testBothCorporaAtOrAboveTarget() throws {
        let exclusions = try Self.exclusions()
        let outOfScope = try Self.exclusions(Self.holidayScopeFile)
        var summary: [String] = []
        var seen = Set<String>()
        for file in ["time_zh", "time_en"] {
            let url = Self.corpora.appendingPathComponent(file + ".jsonl")
            guard FileManager.default.fileExists(atPath: url.path) else {
                XCTFail("the corpus \(url.path) is missing: set KAIQU_CORPORA to the folder holding \(file).jsonl")
                continue
            }
            var passed = 0, total = 0, holidayPassed = 0, holidays = 0, excluded = 0, holidaysOut = 0
            let verbose = ProcessInfo.processInfo.environment["KAIQU_CONFORMANCE_VERBOSE"] == "1"
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let id = record["id"] as! String
                let tags = record["tags"] as? [String] ?? []
                let expected = (tags.contains("contested-week-reading") ? record["alt_expected"] : record["expected"]) as! [String: String]
                let ok = Self.passes(span: record["span"] as! String, ref: record["ref"] as! String, expected: expected)
                if tags.contains("holiday"), outOfScope[id] != nil {
                    holidaysOut += 1
                } else if tags.contains("holiday") {
                    holidays += 1
                    if ok { holidayPassed += 1 }
                    XCTAssertTrue(ok, "\(id) \(record["span"]!): a holiday in scope fails")
                    if !ok, verbose { print("HOLIDAY FAIL \(id) \(record["span"]!) expected \(expected) got \(String(describing: Self.found(record["span"] as! String, record["ref"] as! String)))") }
                } else if exclusions[id] != nil {
                    seen.insert(id)
                    excluded += 1
                    XCTAssertFalse(ok, "\(id) passes now: take it off conformance-exclusions.txt")
                } else {
                    total += 1
                    if ok { passed += 1 } else if verbose { print("FAIL \(id) \(record["span"]!) ref \(record["ref"]!) expected \(expected) got \(Self.found(record["span"] as! String, record["ref"] as! String))") }
                }
            }
            summary.append("\(file): \(passed) of \(total) passed (holidays: \(holidayPassed) of \(holidays) in scope, \(holidaysOut) more out of scope by holiday-scope.txt); "
                + "\(excluded) more excluded by decision (Tests/KaiquNLUTests/Entities/Temporal/conformance-exclusions.txt), so \(passed) of \(total + excluded) non-holiday examples in all")
            XCTAssertGreaterThanOrEqual(Double(passed), Self.target * Double(total), "\(file) is below \(Int(Self.target * 100))%")
        }
        for id in Set(exclusions.keys).subtracting(seen) { XCTFail("conformance-exclusions.txt names \(id), which is in no corpus or is a holiday") }
        let text = summary.joined(separator: "\n") + "\n"
        print(text, terminator: "")
        try? text.write(to: Self.root.appendingPathComponent(".build/conformance-summary.txt"), atomically: true, encoding: .utf8)
    }

    /// id → reason, from lines `id | reason`.
    static func exclusions(_ file: URL = exclusionsFile) throws -> [String: String] {
        var list: [String: String] = [:]
        for (index, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                XCTFail("\(file.lastPathComponent):\(index + 1): expected “id | reason”")
                continue
            }
            list[parts[0]] = parts[1]
        }
        return list
    }

    /// The date extractor with intents/'s festivals and holiday schedules, as the parser makes it.
    static let extractor = TemporalExtractor(calendar: TestData.rules.calendar, fold: { TestData.normalizer.normalize($0).foldedText })

    /// The entity covering most of the span.
    static func found(_ span: String, _ ref: String) -> Entity? {
        guard let (now, zone) = ISODateTime.parse(ref, defaultZone: TimeZone(secondsFromGMT: 0)!) else { return nil }
        let context = ParseContext(now: now, timeZone: zone)
        let text = TestData.normalizer.normalize(span)
        var entities: [Entity] = []
        extractor.extract(from: text, tokens: [], context: context, into: &entities)
        return entities.max { $0.range.count < $1.range.count }
    }

    static func passes(span: String, ref: String, expected: [String: String]) -> Bool {
        guard let entity = found(span, ref) else { return false }
        let value = entity.value
        switch (expected["date"], expected["time"], expected["from"], expected["to"]) {
        case (let date?, nil, nil, nil):
            return entity.type == "date" && value == date
        case (let date?, let time?, nil, nil):
            if entity.type == "datetime" { return value == date + "T" + time }
            // A clock time alone is the next such time: later today, or tomorrow.
            guard entity.type == "time", let (now, zone) = ISODateTime.parse(ref, defaultZone: TimeZone(secondsFromGMT: 0)!) else { return false }
            let reference = TemporalExtractor.reference(ParseContext(now: now, timeZone: zone))
            let minutes = Int(value.prefix(2))! * 60 + Int(value.suffix(2))!
            let day = minutes >= reference.minute ? reference.today : reference.today.adding(days: 1)
            return value == time && day.description == date
        case (nil, let time?, nil, nil):
            return (entity.type == "time" && value == time) || (entity.type == "datetime" && value.hasSuffix("T" + time))
        case (nil, nil, let from?, let to?):
            guard entity.type == "period" else { return false }
            if from.count == 5 {
                // An undated range of clock times: compare the times only.
                let parts = value.split(separator: "/").map { String($0.suffix(5)) }
                return parts == [from, to]
            }
            return value == from + "/" + to
        default:
            return false
        }
    }
}
