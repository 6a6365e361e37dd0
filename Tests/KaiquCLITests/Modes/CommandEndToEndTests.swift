import Foundation
import XCTest

/// `kaiqu nlu`, `kaiqu check`, and what the command line says when it is used wrongly.
final class CommandEndToEndTests: XCTestCase {
    let now = ["--now", "2026-11-18T10:00:00+08:00"]

    func testNLUJSONFollowsTheContract() throws {
        let run = try Binary.run(["nlu", "--json"] + now + ["谢谢"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.text, #"{"text":"谢谢","intent":"greet","confidence":0.99,"slots":{"kind":"thanks"}}"# + "\n")
    }

    func testNLUAnswersEveryInputLineInOrder() throws {
        let input = "帮助\n\n\u{1B}[1m撤销\nblah blah blah\n"
        let run = try Binary.run(["nlu", "--json"] + now, input: Data(input.utf8))
        let lines = run.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].contains(#""intent":"help""#))
        XCTAssertEqual(lines[1], #"{"text":"","intent":"fallback","confidence":0.0,"slots":{}}"#)
        XCTAssertTrue(lines[2].hasPrefix(#"{"text":"撤销","intent":"undo""#), lines[2])
        XCTAssertTrue(lines[3].contains(#""intent":"fallback""#))
    }

    func testNLUNeverCreatesTheStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-nlu-\(UUID().uuidString)")
        let run = try Binary.run(["nlu", "--store", folder.appendingPathComponent("x.db").path, "帮助"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testExplainShowsTheWinningPatternAndItsPlace() throws {
        let run = try Binary.run(["nlu", "--explain"] + now + ["請幫我撤銷剛才的操作吧"])
        XCTAssertTrue(run.text.contains("normalized:  请帮我撤销刚才的操作吧"), run.text)
        XCTAssertTrue(run.text.contains("tokens:      撤 销 刚 才 的 操 作"), run.text)
        XCTAssertTrue(run.text.contains("winner:      undo  by pattern  conversation.kaiqu:"), run.text)
        XCTAssertTrue(run.text.contains("cues:"), run.text)
        XCTAssertTrue(run.text.contains("  undo  "), "the cue score of undo is shown")
    }

    func testCheckPassesOnTheShippedData() throws {
        let now = ["--now", "2026-11-18T10:00:00+08:00"]
        let embedded = try Binary.run(["check"] + now)
        XCTAssertEqual(embedded.status, 0, embedded.text)
        let folder = try Binary.run(["check", Binary.packageRoot.appendingPathComponent("intents").path] + now)
        XCTAssertEqual(folder.status, 0, folder.text)
        XCTAssertEqual(embedded.text, folder.text, "the built-in copy is the folder's")
    }

    /// The holiday schedule must cover the years being planned: this one, the next from
    /// October, and any year with a visit planned in the store.
    func testCheckFailsForAPlannedYearWithoutASchedule() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-check-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        let november = ["--store", store, "--now", "2026-11-18T10:00:00+08:00"]
        let quiet = try Binary.run(["check"] + november)
        XCTAssertEqual(quiet.status, 0, quiet.text)
        XCTAssertTrue(quiet.text.contains("日历：2027 年只有法定假日"), quiet.text)
        _ = try Binary.run(november, input: Data("添加客户 张伟 电话13800138001\n2030年3月5日拜访张伟\n".utf8))
        let planned = try Binary.run(["check"] + november)
        XCTAssertEqual(planned.status, 65, planned.text)
        XCTAssertTrue(planned.text.contains("日历：2030 年没有放假安排"), planned.text)
        let later = try Binary.run(["check", "--now", "2028-10-08T10:00:00+08:00"], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(later.status, 65, later.text)
        XCTAssertTrue(later.text.contains("Calendar: no holiday schedule for 2028") && later.text.contains("for 2029"), later.text)
    }

    func testADataErrorStopsStartUpWithItsPlace() throws {
        let folder = try copyOfIntents()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "intent help\n  zh: 帮助 (手册\n".write(to: folder.appendingPathComponent("zz-broken.kaiqu"), atomically: true, encoding: .utf8)
        let chat = try Binary.run(["--intents", folder.path], input: Data("帮助\n".utf8))
        XCTAssertEqual(chat.status, 65)
        XCTAssertEqual(chat.text, "")
        XCTAssertTrue(chat.stderr.contains("zz-broken.kaiqu:1:1: 错误：intent help 已在 conversation.kaiqu:"), chat.stderr)
        XCTAssertTrue(chat.stderr.contains("zz-broken.kaiqu:2:10: 错误：“(”没有闭合；应为“)”"), chat.stderr)
        let english = try Binary.run(["check", folder.path], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(english.status, 65)
        XCTAssertTrue(english.stderr.contains("zz-broken.kaiqu:2:10: error: “(” is never closed; expected “)”"), english.stderr)
    }

    func testAFailingExampleFailsCheck() throws {
        let folder = try copyOfIntents()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "intent demo.extra\n  zh: 演示\n  example: 演示一遍\n".write(to: folder.appendingPathComponent("zz.kaiqu"), atomically: true, encoding: .utf8)
        let run = try Binary.run(["check", folder.path])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.text.contains("失败 zz.kaiqu:3：“演示一遍” 得到 fallback，应为 demo.extra"), run.text)
    }

    func testAMistakenExampleStopsCheckButNotTheChat() throws {
        let folder = try copyOfIntents()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "intent demo.extra\n  zh: 演示\n  example: 演示 => customer\n".write(to: folder.appendingPathComponent("zz.kaiqu"), atomically: true, encoding: .utf8)
        let check = try Binary.run(["check", folder.path], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(check.status, 65)
        XCTAssertTrue(check.stderr.contains("zz.kaiqu:3:18: error:"), check.stderr)
        // Start-up does not read examples: the chat works with the data as it is.
        let chat = try Binary.run(["--intents", folder.path], input: Data("帮助\n".utf8))
        XCTAssertEqual(chat.status, 0, chat.stderr)
        XCTAssertTrue(chat.text.contains("我能听懂这些话"), chat.text)
    }

    func testUsageMistakesExit64() throws {
        let unknown = try Binary.run(["--colour"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.stderr, "kaiqu: 未知选项 --colour（见 kaiqu --help）\n")
        XCTAssertEqual(try Binary.run(["--now", "tomorrow"]).status, 64)
        XCTAssertEqual(try Binary.run(["--store"]).status, 64)
        XCTAssertEqual(try Binary.run(["--json"]).status, 64, "--json is for nlu only")
        XCTAssertEqual(try Binary.run(["check", "/no/such/folder"]).status, 66)
    }

    func testHelpAndVersion() throws {
        let help = try Binary.run(["--help"], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.text.contains("kaiqu nlu [--json] [--explain] [TEXT]"))
        XCTAssertTrue(try Binary.run(["--version"]).text.hasPrefix("kaiqu "))
    }

    func testAStoreThatCannotBeCreatedExits73() throws {
        let run = try Binary.run(["--store", "/proc/kaiqu/x.db"], input: Data("hi\n".utf8))
        XCTAssertEqual(run.status, 73)
        XCTAssertTrue(run.stderr.hasPrefix("kaiqu: 无法打开客户库 /proc/kaiqu/x.db"), run.stderr)
    }

    private func copyOfIntents() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-intents-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Binary.packageRoot.appendingPathComponent("intents"), to: folder)
        return folder
    }
}
