import Foundation
import XCTest

/// Plays every golden script in intents/dialogues through the real binary and compares its
/// whole output. A script is
///
///     # comments
///     @ --now 2026-11-18T10:00:00+08:00      arguments for kaiqu (optional)
///     > what the rep types
///     what Kaiqu answers, line by line
///
/// The same scripts serve training: they show a new rep a conversation that works.
final class GoldenDialogueTests: XCTestCase {
    static let folder = Binary.packageRoot.appendingPathComponent("intents/dialogues")

    func testEveryGoldenDialogue() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".dialogue") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 3, "expected scripts in zh-Hans, zh-Hant and en")
        for name in names {
            let script = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            var arguments: [String] = []
            var input = ""
            var expected: [String] = []
            for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("#") || line.isEmpty { continue }
                if line.hasPrefix("@ ") { arguments += line.dropFirst(2).split(separator: " ").map(String.init) }
                else if line.hasPrefix("> ") { input += line.dropFirst(2) + "\n" }
                else { expected.append(String(line)) }
            }
            let run = try Binary.run(arguments, input: Data(input.utf8))
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            let got = run.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
            XCTAssertEqual(Array(got), expected, name)
            for (index, pair) in zip(got, expected).enumerated() where pair.0 != pair.1 {
                XCTFail("\(name): reply line \(index + 1) is “\(pair.0)”, expected “\(pair.1)”")
                break
            }
        }
    }
}
