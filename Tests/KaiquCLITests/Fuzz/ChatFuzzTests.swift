import Foundation
import KaiquFuzz
import XCTest

/// kaiqu-fuzz's generator, a few thousand lines through the chat pipeline in this process:
/// no crash, and every line answered (or rightly silent). How fast each line is handled is
/// kaiqu-fuzz's figure in a release build, not this test's.
///
/// A line that crashes Kaiqu would end the whole test process and every test after this one
/// with it, so on Linux the test runs itself again in a child process (this test only) and
/// reports the child's crash, its place and the lines that replay it.
final class ChatFuzzTests: XCTestCase {
    static let seed: UInt64 = 7
    static let lines = 3_000
    /// A guard against a hang: past it the child is killed and the test fails.
    static let budget = 300.0
    static let childKey = "KAIQU_FUZZ_TEST_FOLDER"

    func testGeneratedLinesAreEachAnsweredWithinTheBound() throws {
        #if os(Linux)
        guard let folder = ProcessInfo.processInfo.environment[Self.childKey] else { return try runInChild() }
        try fuzz(in: URL(fileURLWithPath: folder))
        #else
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-fuzz-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try fuzz(in: folder)
        #endif
    }

    private func fuzz(in folder: URL) throws {
        let driver = try FuzzDriver(directory: folder, hangSeconds: 20)
        let generator = LineGenerator(seed: Self.seed, examples: try FuzzExamples.load())
        var run = 0
        var silent: [String] = []
        // The reproducers have an end-to-end test each; the generated lines start after them.
        try driver.run(generator, from: Place(line: 0, scenario: Reproducers.scenarios.count, offset: 0), until: Self.lines) { place, line, outcome in
            run += 1
            if outcome.answer.replies.isEmpty && !outcome.answer.blank { silent.append("\(place.description): " + LineText.printable(line)) }
            return true
        }
        XCTAssertEqual(run, Self.lines)
        XCTAssertEqual(silent, [], "lines that got no reply (seed \(Self.seed))")
    }

    #if os(Linux)
    // This test again, alone, in a child process: the test bundle is the executable on Linux.
    private func runInChild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-fuzz-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["KaiquCLITests.ChatFuzzTests/testGeneratedLinesAreEachAnsweredWithinTheBound"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childKey] = folder.path
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=32"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let pid = process.processIdentifier
        let finished = Locked(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.budget) { if !finished.get() { kill(pid, SIGKILL) } }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        finished.set(true)
        if process.terminationReason == .exit && process.terminationStatus == 0 {
            XCTAssertTrue(text.contains("Executed 1 test"), "the child ran no test:\n" + text.suffix(2_000))
            return
        }
        let failures = text.split(separator: "\n").filter { $0.contains("error:") }.map { String($0.prefix(2_000)) }
        guard process.terminationReason == .uncaughtSignal else {
            return XCTFail("the fuzz run failed (seed \(Self.seed)):\n" + (failures.isEmpty ? String(text.suffix(3_000)) : failures.joined(separator: "\n")))
        }
        let position = (try? String(contentsOf: folder.appendingPathComponent("last-position.txt"), encoding: .utf8)) ?? "?"
        let lastLines = ((try? Data(contentsOf: folder.appendingPathComponent("last-lines.txt"))) ?? Data())
            .split(separator: 10).map { LineText.printable(Array($0), limit: 200) }
        XCTFail("""
            Kaiqu crashed (signal \(process.terminationStatus)) at \(position.trimmingCharacters(in: .whitespacesAndNewlines)), seed \(Self.seed)
            where: \(FuzzStats.Crash.site(fromBacktrace: text))
            the conversation's last lines, the crashing one last (pipe them into `kaiqu --store NEW.db --now \(FuzzDriver.now)`):
            \(lastLines.joined(separator: "\n"))
            """)
    }
    #endif
}
