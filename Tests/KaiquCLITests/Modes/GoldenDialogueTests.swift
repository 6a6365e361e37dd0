import Foundation
import XCTest

/// Plays every golden script in intents/dialogues through the real binary and compares its
/// whole output. A script is
///
///     # comments
///     @ --now 2026-11-18T10:00:00+08:00      start kaiqu with these arguments
///     > what the rep types
///     what Kaiqu answers, line by line
///     @ --now 2026-11-19T09:00:00+08:00      later: kaiqu again, on the same store
///
/// Each `@` line starts a new run of kaiqu on the script's own store, so a script can let
/// days pass. The same scripts serve training: they show a new rep a conversation that works.
final class GoldenDialogueTests: XCTestCase {
    static let folder = Binary.packageRoot.appendingPathComponent("intents/dialogues")

    func testEveryGoldenDialogue() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".dialogue") }.sorted()
        for language in ["zh-Hans", "zh-Hant", "en"] {
            XCTAssertGreaterThanOrEqual(names.filter { $0.hasSuffix(".\(language).dialogue") }.count, 3, "scripts in \(language)")
        }
        for name in names {
            let script = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let store = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-golden-\(UUID().uuidString).db").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
            var got: [String] = []
            var expected: [String] = []
            for segment in Self.segments(script) {
                let run = try Binary.run(["--store", store] + segment.arguments, input: Data(segment.input.utf8))
                XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
                got += run.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
                expected += segment.expected
            }
            XCTAssertEqual(got, expected, name)
            for (index, pair) in zip(got, expected).enumerated() where pair.0 != pair.1 {
                XCTFail("\(name): reply line \(index + 1) is “\(pair.0)”, expected “\(pair.1)”")
                break
            }
        }
    }

    /// The runs of a script: arguments, what is typed, what is answered.
    static func segments(_ script: String) -> [(arguments: [String], input: String, expected: [String])] {
        var segments: [(arguments: [String], input: String, expected: [String])] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("@ ") || segments.isEmpty {
                segments.append((line.hasPrefix("@ ") ? line.dropFirst(2).split(separator: " ").map(String.init) : [], "", []))
                if line.hasPrefix("@ ") { continue }
            }
            if line.hasPrefix("> ") { segments[segments.count - 1].input += line.dropFirst(2) + "\n" }
            else { segments[segments.count - 1].expected.append(String(line)) }
        }
        return segments
    }
}
