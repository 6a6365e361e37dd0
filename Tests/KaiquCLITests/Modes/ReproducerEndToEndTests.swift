import Foundation
import XCTest

/// The lines that crashed or stalled Kaiqu (kaiqu-fuzz's reproducers), each through the real
/// binary on a fresh store, `printf … | kaiqu --store S`: it exits 0 and answers what a rep
/// would expect. (How fast is kaiqu-fuzz's figure to show, not a test's.)
final class ReproducerEndToEndTests: XCTestCase {
    var folder: URL!
    let now = ["--now", "2026-11-18T10:00:00+08:00"]
    let twoWangs = ["添加客户 王建国 电话13800138001", "添加客户 王芳 电话13800138002", "查看王总"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-repro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// What kaiqu says to `line` after `setup`, each run on a fresh store: the output of the
    /// whole input less the output of `setup` alone. Throws when the run crashed or stalled,
    /// so the test fails once, with the runtime's message.
    private func reply(after setup: [String], to line: String, file: StaticString = #filePath, line number: UInt = #line) throws -> (text: String, run: Binary.Run) {
        let before = try run(setup)
        let run = try run(setup + [line])
        if run.signalled || run.status != 0 {
            let fatal = run.stderr.split(separator: "\n").first { $0.contains("Fatal error") }.map(String.init) ?? String(run.stderr.prefix(300))
            throw Failure(run.seconds >= timeout ? "still running after \(Int(timeout)) s, killed, at \(line.prefix(40))"
                          : "kaiqu \(run.signalled ? "crashed (signal \(run.status))" : "exited \(run.status)") at \(line.prefix(40)): \(fatal)")
        }
        XCTAssertEqual(run.complaints, "", file: file, line: number)
        guard run.text.hasPrefix(before.text) else {
            XCTFail("the replies to the setup lines changed:\n\(run.text)", file: file, line: number)
            return ("", run)
        }
        let text = String(run.text.dropFirst(before.text.count))
        XCTAssertFalse(text.isEmpty, "no reply to \(line.prefix(40))", file: file, line: number)
        return (text, run)
    }

    /// A guard against a hang, not a measure of speed (that is kaiqu-fuzz's and kaiqu-bench's).
    private let timeout = 60.0

    private func run(_ lines: [String]) throws -> Binary.Run {
        let store = folder.appendingPathComponent("\(UUID().uuidString).db").path
        return try Binary.run(["--store", store] + now, input: Data(lines.map { $0 + "\n" }.joined().utf8), timeout: timeout)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A reply that asks for the pick again rather than picking or dropping the question.
    private func asksAgain(_ text: String) -> Bool {
        ["序号", "哪一位", "哪位"].contains { text.contains($0) }
    }

    func testAPickOfThreeFromTwoAsksAgain() throws { try pickPastTheEnd("3") }

    func testAPickOfTwelveFromTwoAsksAgain() throws { try pickPastTheEnd("12") }

    private func pickPastTheEnd(_ answer: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (text, _) = try reply(after: twoWangs, to: answer)
        XCTAssertTrue(asksAgain(text), text, file: file, line: line)
        XCTAssertFalse(text.contains("【"), "no card is shown: \(text)", file: file, line: line)
        // The question still stands: 1 then picks the first card.
        let (next, _) = try reply(after: twoWangs + [answer], to: "1")
        XCTAssertTrue(next.hasPrefix("【王建国】"), next, file: file, line: line)
    }

    func testAPhoneAnsweringThePickPicksItsCardOrAsksAgain() throws {
        let (text, _) = try reply(after: twoWangs, to: "13800138002")
        XCTAssertTrue(text.hasPrefix("【王芳】") || asksAgain(text), text)
        XCTAssertFalse(text.contains("【王建国】"), text)
    }

    func testAChecklistTickedWithARangeOfBillionsTicksTheWholeList() throws { try tickHugeRange("1-9999999999", says: "全部 25 项都打勾了") }

    func testAChecklistTickedWithARangeOf200MillionTicksTheWholeList() throws { try tickHugeRange("1-199999999", says: "全部 25 项都打勾了") }

    /// Found by kaiqu-fuzz: the phone of the next reproducer, typed while a checklist waits.
    func testAChecklistTickedWithARangeFarPastItsItemsTicksNothing() throws { try tickHugeRange("1390000-99999999999", says: "没找到要打勾的项") }

    private func tickHugeRange(_ range: String, says expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (text, _) = try reply(after: ["添加客户 张伟 电话13800138001", "开始开发张伟"], to: range)
        XCTAssertTrue(text.hasPrefix(expected), String(text.prefix(200)), file: file, line: line)
    }

    func testAPhoneWithAHugeNumberIsRefusedAndTheCardKeepsItsOwn() throws {
        let edit = "把张伟的电话改成1390000-99999999999"
        let (alone, _) = try reply(after: [], to: edit)
        XCTAssertTrue(alone.contains("张伟"), alone)
        let (text, _) = try reply(after: ["添加客户 张伟 电话13800138001"], to: edit)
        XCTAssertTrue(text.contains("不像电话号码"), text)
        let (card, _) = try reply(after: ["添加客户 张伟 电话13800138001", edit], to: "查看张伟")
        XCTAssertTrue(card.contains("电话：13800138001"), card)
        XCTAssertFalse(card.contains("99999999999"), card)
    }

    func testAFourKilobyteLineOfNumbersIsAnsweredAsNotUnderstood() throws {
        let line = String(repeating: "9千", count: 1_024)
        XCTAssertEqual(line.utf8.count, 4_096, "exactly the line limit: parsed, not refused")
        let (text, _) = try reply(after: [], to: line)
        XCTAssertTrue(text.hasPrefix("这句我没听懂"), String(text.prefix(200)))
    }

    /// Found by kaiqu-fuzz: the third 5C question (debt ratio) reads a percentage.
    func testAHugeNumberForTheDebtRatioIsAnsweredNotATrap() throws {
        let setup = ["添加客户 张伟 电话13800138001", "评估张伟的信用", "5", "5"]
        _ = try reply(after: setup, to: "99999999999999999999")
        // The assessment goes on: asked again or taken as the worst score, a score then moves on.
        let (next, _) = try reply(after: setup + ["99999999999999999999"], to: "3")
        XCTAssertTrue(next.contains("/5"), next)
    }
}
