import Foundation
import XCTest

/// Plays every golden script in intents/dialogues with `kaiqu replay --check`, the real binary,
/// as `.ci/run` does. The format is in `DialogueScript` and the README; the same scripts serve
/// training: `kaiqu replay FILE` shows a new rep a conversation that works.
final class GoldenDialogueTests: XCTestCase {
    static let folder = Binary.packageRoot.appendingPathComponent("intents/dialogues")

    func testEveryGoldenDialogue() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".dialogue") }.sorted()
        for language in ["zh-Hans", "zh-Hant", "en"] {
            XCTAssertGreaterThanOrEqual(names.filter { $0.hasSuffix(".\(language).dialogue") }.count, 3, "scripts in \(language)")
        }
        for name in names {
            let run = try Binary.run(["replay", "--check", Self.folder.appendingPathComponent(name).path], environment: ["LANG": "en_US.UTF-8"], timeout: 120)
            XCTAssertEqual(run.status, 0, "\(name):\n\(run.text)\(run.stderr)")
            XCTAssertTrue(run.text.hasSuffix("turns answered as written.\n"), run.text)
        }
    }

    /// A script whose answer changed fails, naming the line and showing both answers.
    func testACheckThatFindsADifferenceSaysWhereAndFails() throws {
        let script = try String(contentsOf: Self.folder.appendingPathComponent("customers.en.dialogue"), encoding: .utf8)
        let changed = script.replacingOccurrences(of: "Updated David Chen: card → A.", with: "Updated David Chen: card → B.")
        XCTAssertNotEqual(changed, script, "the line to change is in the script")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-changed-\(UUID().uuidString).dialogue")
        try Data(changed.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Binary.run(["replay", "--check", file.path], environment: ["LANG": "en_US.UTF-8"], timeout: 120)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.text.contains("  - Updated David Chen: card → B.\n  + Updated David Chen: card → A."), run.text)
        XCTAssertTrue(run.text.contains(".dialogue:20: \"> David Chen is an A customer\""), run.text)
        XCTAssertTrue(run.text.contains("1 of 13 turns answered otherwise"), run.text)
    }

    /// Piped, a lesson is the whole conversation at once: each typed line, then the answer.
    func testALessonShowsWhatIsTypedAndAnswered() throws {
        let run = try Binary.run(["replay", Self.folder.appendingPathComponent("customers.en.dialogue").path], timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.hasPrefix("> add a new dealer\nWhat is the new customer's name?\n\n> David Chen\n"), run.text)
        XCTAssertEqual(run.stderr, "")
        let missing = try Binary.run(["replay", "/nonexistent/lesson.dialogue"])
        XCTAssertEqual(missing.status, 66)
    }
}
