import Foundation
import XCTest

/// The chat as a bridge or a script sees it: piped, no prompt, no colour, a reply per line.
final class ChatEndToEndTests: XCTestCase {
    func testHostileInputGetsClearRepliesAndNeverReachesTheTerminal() throws {
        var input = Data()
        input.append(contentsOf: [0xFF, 0xFE, 0x41, 0x0A])                        // invalid UTF-8
        input.append(contentsOf: Array("你\u{0}好\n".utf8))                        // NUL inside
        input.append(contentsOf: Array("\u{1B}[31m\u{1B}]0;owned\u{07}帮助\u{1B}[0m\n".utf8)) // ANSI + OSC title
        input.append(Data(repeating: 0x61, count: 1_048_576))                    // a 1 MB line
        input.append(0x0A)
        input.append(Data(repeating: 0x0A, count: 5_000))                        // thousands of empty lines
        input.append(contentsOf: Array("\r\n   \n退出\n这行不会被读到\n".utf8))
        let run = try Binary.run(["--now", "2026-11-18T10:00:00+08:00"], input: input)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains(0x1B), "no escape sequence may be written back")
        let lines = run.text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].contains("UTF-8"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("你好！"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("我能听懂这些话"), lines[2])
        let tooLong = try XCTUnwrap(lines.firstIndex { $0.contains("4096") })
        XCTAssertTrue(lines[tooLong].hasPrefix("That message is too long"), "a line of Latin letters is answered in English")
        XCTAssertEqual(lines.last, "再见，祝开单顺利！")
        XCTAssertFalse(run.text.contains("这行不会被读到"))
    }

    func testTrainOpensWithTheScenarioNamedOrTheMenu() throws {
        let run = try Binary.run(["train", "price-locks-johor", "--now", "2026-11-18T10:00:00+08:00"], input: Data("Hi Mr. Tan\nstop\n".utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("[Role-play] Mr. Tan") == true, run.text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("[Scorecard] Your meeting with Mr. Tan: ") }, run.text)
        XCTAssertTrue(lines.contains("(Stopped halfway: scored up to here.)"), run.text)

        let unknown = try Binary.run(["train", "nope", "--now", "2026-11-18T10:00:00+08:00"], input: Data("1\n".utf8))
        XCTAssertEqual(unknown.status, 0, unknown.stderr)
        XCTAssertTrue(unknown.text.hasPrefix("没有叫“nope”的场景。\n来练一场。"), unknown.text)
        XCTAssertTrue(unknown.text.contains("【角色扮演】"), "a number picks from the menu: \(unknown.text)")
    }

    func testEndOfInputEndsQuietlyWithStatusZero() throws {
        let run = try Binary.run([], input: Data("你好".utf8))
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.text, "你好！今天要跟进哪位客户？说“帮助”看我能做什么。\n")
    }

    func testRepliesAreFlushedLineByLine() throws {
        // The reply to the first line must arrive before the second line is written.
        let process = Process()
        process.executableURL = Binary.url
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-flush-\(UUID().uuidString)")
        process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.path]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data("hello\n".utf8))
        let first = stdout.fileHandleForReading.availableData
        XCTAssertEqual(String(decoding: first, as: UTF8.self), "Hi! Which customer are we working on today? Say \"help\" to see what I can do.\n")
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        try? FileManager.default.removeItem(at: home)
    }

    func testTheStoreGoesWhereItIsToldAndTheBinaryWorksFromAnyFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("kaiqu")
        try FileManager.default.copyItem(at: Binary.url, to: copy)
        let store = folder.appendingPathComponent("my.db")
        let run = try Binary.run(["--store", store.path], input: Data("help\n".utf8), executable: copy,
                                 directory: URL(fileURLWithPath: "/"))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.hasPrefix("I understand requests like these"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path))
        let viaEnvironment = folder.appendingPathComponent("env.db")
        _ = try Binary.run([], input: Data("hi\n".utf8), environment: ["KAIQU_STORE": viaEnvironment.path])
        XCTAssertTrue(FileManager.default.fileExists(atPath: viaEnvironment.path))
    }

    func testTheDefaultStoreLivesInTheDataFolder() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try Binary.run([], input: Data("hi\n".utf8), environment: ["HOME": home.path, "XDG_DATA_HOME": ""])
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/kaiqu/kaiqu.db").path))
    }
}
