import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The store as a rep relies on it: what Kaiqu says it saved is on disk, even if the process
/// is killed right after; two processes share one store.
final class StoreEndToEndTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-store-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testAnAcknowledgedCardSurvivesKill9RightAfterTheReply() throws {
        let store = folder.appendingPathComponent("kill.db").path
        let names = ["孙丽", "王强", "李娜"]
        for (round, name) in names.enumerated() {
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["--store", store, "--now", "2026-11-18T10:00:00+08:00"]
            process.environment = ["HOME": folder.path, "XDG_DATA_HOME": folder.path]
            let stdin = Pipe(), stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            try process.run()
            stdin.fileHandleForWriting.write(Data("添加客户 \(name) 电话1390000111\(round)\n".utf8))
            // Read until the acknowledgement, then kill at once: no chance to flush or close.
            var seen = ""
            let fd = stdout.fileHandleForReading.fileDescriptor
            let deadline = Date().addingTimeInterval(10)
            while !seen.contains("已添加客户"), Date() < deadline {
                var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 100) > 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { break }
                seen += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertTrue(seen.contains("已添加客户 \(name)"), seen)
        }
        let run = try Binary.run(["--store", store, "--now", "2026-11-18T10:00:00+08:00"], input: Data("客户列表\n".utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        for name in names { XCTAssertTrue(run.text.contains(name), run.text) }
        XCTAssertTrue(run.text.hasPrefix("共 3 位客户："), run.text)
    }

    func testCardsPersistAcrossRunsAndTheParserKnowsTheirNames() throws {
        let store = folder.appendingPathComponent("p.db").path
        _ = try Binary.run(["--store", store, "--now", "2026-11-18T10:00:00+08:00"], input: Data("添加客户 欧阳娜娜 电话13900001111\n".utf8))
        let nlu = try Binary.run(["nlu", "--store", store, "--json", "拜访欧阳总"])
        XCTAssertTrue(nlu.text.contains("\"customer\":\"欧阳娜娜\""), nlu.text)
        let chat = try Binary.run(["--store", store, "--now", "2026-11-18T10:00:00+08:00"], input: Data("查看欧阳总\n".utf8))
        XCTAssertEqual(chat.text.split(separator: "\n").first, "【欧阳娜娜】")
    }

    func testTwoProcessesWriteOneStoreWithoutLockErrors() throws {
        let store = folder.appendingPathComponent("shared.db").path
        _ = try Binary.run(["--store", store], input: Data("hi\n".utf8))
        let group = DispatchGroup()
        let results = Locked<[Binary.Run]>([])
        for who in ["甲", "乙"] {
            let given = Array("春夏秋冬梅兰竹菊松柏杨柳桃杏梨枫桂荷莲樱桐榆槐杉梧桦橙柚楠樟")
            let lines = (1...30).map { "添加客户 \(who)\(given[$0 - 1]) 电话139\(who == "甲" ? "1" : "2")0000\(String(format: "%03d", $0))\n" }.joined()
            group.enter()
            Thread {
                let run = try? Binary.run(["--store", store, "--now", "2026-11-18T10:00:00+08:00"], input: Data(lines.utf8))
                if let run { results.set(results.get() + [run]) }
                group.leave()
            }.start()
        }
        group.wait()
        XCTAssertEqual(results.get().count, 2)
        for run in results.get() {
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertFalse(run.text.contains("locked"), run.text)
            XCTAssertEqual(run.text.components(separatedBy: "已添加客户").count - 1, 30, run.text)
        }
        let list = try Binary.run(["--store", store], input: Data("客户列表\n".utf8))
        XCTAssertTrue(list.text.hasPrefix("共 60 位客户："), list.text)
    }
}
