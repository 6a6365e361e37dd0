import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The chat on a real (pseudo) terminal: prompt, colour, the line editor and its history.
final class TerminalChatTests: XCTestCase {
    private var master: Int32 = -1
    private var output = Data()

    private func start(_ environment: [String: String]) throws -> Process {
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        XCTAssertEqual(openpty(&master, &slave, nil, nil, &size), 0)
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["--now", "2026-11-18T10:00:00+08:00"]
        process.environment = environment
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `marker` shows up (or five seconds pass) and returns what came so far.
    /// With `thenPrompt`, also until the prompt is drawn after it: the editor draws it once the
    /// terminal is raw again, and keys typed before that would be echoed and then flushed.
    @discardableResult
    private func waitFor(_ marker: String, thenPrompt: Bool = false) -> String {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let text = String(decoding: output, as: UTF8.self)
            if let found = text.range(of: marker), !thenPrompt || text[found.upperBound...].contains("开渠>") { break }
            var pollfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pollfd, 1, 50) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                if count > 0 { output.append(contentsOf: buffer[0..<count]) } else { break }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // Waits for the chat to end; a chat that would not end fails the test instead of hanging it.
    private func finish(_ process: Process) {
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("the chat did not end: \(String(decoding: output, as: UTF8.self).suffix(300))")
        }
        process.waitUntilExit()
    }

    func testPromptEditingHistoryAndCtrlD() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["HOME": home.path, "XDG_DATA_HOME": home.path, "TERM": "xterm"]
        let process = try start(env)
        var screen = waitFor("开渠>")
        XCTAssertTrue(screen.contains("开渠：你的渠道销售助手"), screen)
        XCTAssertTrue(screen.contains("\u{1B}[1;36m开渠>"), "the prompt is coloured on a terminal")
        // Type 帮手, delete 手 with one Backspace (a whole character), then type 助 and Enter.
        type("帮手\u{7F}助\r")
        screen = waitFor("其他：撤销", thenPrompt: true)
        XCTAssertTrue(screen.contains("我能听懂这些话"), screen)
        // ↑ brings the last line back; Enter sends it again.
        output = Data()
        type("\u{1B}[A\r")
        screen = waitFor("其他：撤销", thenPrompt: true)
        XCTAssertTrue(screen.contains("帮助"), screen)
        // Left arrow twice moves over two wide characters: the cursor goes back four columns.
        output = Data()
        type("你好\u{1B}[D\u{1B}[D")
        screen = waitFor("\u{1B}[4D")
        XCTAssertTrue(screen.contains("\u{1B}[4D"), screen)
        type("\u{5}\u{15}\u{4}")  // Ctrl-E to the end, Ctrl-U clears the line, Ctrl-D on an empty line leaves
        screen = waitFor("再见")
        finish(process)
        XCTAssertEqual(process.terminationStatus, 0)
        // One history per account, private to it.
        let folder = home.appendingPathComponent("kaiqu")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("history-") }
        XCTAssertEqual(files.count, 1, "\(files)")
        let historyFile = folder.appendingPathComponent(files.first ?? "history-")
        let history = try String(contentsOf: historyFile, encoding: .utf8)
        XCTAssertEqual(history, "帮助\n")
        let mode = try FileManager.default.attributesOfItem(atPath: historyFile.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testEveryLineOfAPasteIsHandled() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let process = try start(["HOME": home.path, "XDG_DATA_HOME": home.path, "TERM": "xterm"])
        waitFor("开渠>")
        // Three lines in one write, as a terminal delivers a paste.
        type("添加客户 张伟 电话13800138001\n添加客户 李娜 电话13800138002\r\n列出所有客户\r")
        let screen = waitFor("2 位客户", thenPrompt: true)
        XCTAssertTrue(screen.contains("已添加客户 张伟"), screen)
        XCTAssertTrue(screen.contains("已添加客户 李娜"), screen)
        XCTAssertTrue(screen.contains("2 位客户"), screen)
        type("\u{4}")
        waitFor("再见")
        finish(process)
    }

    func testNoColourWithNO_COLOR() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let process = try start(["HOME": home.path, "XDG_DATA_HOME": home.path, "TERM": "xterm", "NO_COLOR": "1"])
        let screen = waitFor("开渠>")
        XCTAssertTrue(screen.contains("开渠>"), screen)
        XCTAssertFalse(screen.contains("\u{1B}[1;36m"), screen)
        type("\u{4}")
        waitFor("再见")
        finish(process)
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
