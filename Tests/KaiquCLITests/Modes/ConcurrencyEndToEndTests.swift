import Foundation
import XCTest

/// Several `kaiqu` processes on one store at once, as a terminal, a bridge and an import are:
/// none of them fails, sees a lock error, or loses what it was told was saved.
final class ConcurrencyEndToEndTests: XCTestCase {
    var folder: URL!
    let now = ["--now", "2026-11-18T10:00:00+08:00"]
    /// What a reply must never say: a lock error, a schema step run twice, a failed save.
    let failures = ["locked", "already exists", "没能保存", "error"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Four chats started together on a store that does not exist yet: all four create it,
    /// migrate it and write to it at once.
    func testFourProcessesCreatingAndWritingANewStoreAtOnceAllSucceed() throws {
        for round in 0..<3 {
            let store = folder.appendingPathComponent("round-\(round)/kaiqu.db").path
            let results = Locked<[Int: Binary.Run]>([:])
            let group = DispatchGroup()
            for writer in 0..<4 {
                let input = Data((0..<100).map { CustomerNames.addLine($0, group: writer) + "\n" }.joined().utf8)
                group.enter()
                Thread { [now] in
                    if let run = try? Binary.run(["--store", store] + now, input: input, timeout: 120) {
                        results.update { $0[writer] = run }
                    }
                    group.leave()
                }.start()
            }
            group.wait()
            XCTAssertEqual(results.get().count, 4)
            for (writer, run) in results.get().sorted(by: { $0.key < $1.key }) {
                let context = "round \(round), writer \(writer)"
                XCTAssertEqual(run.status, 0, "\(context): \(run.stderr)")
                XCTAssertEqual(run.complaints, "", context)
                for failure in failures { XCTAssertFalse(run.text.contains(failure), "\(context): \(run.text.prefix(2_000))") }
                XCTAssertEqual(run.text.components(separatedBy: "已添加客户").count - 1, 100, "\(context): \(run.text.prefix(2_000))")
            }
            // Exactly one of them made the store, and said so.
            XCTAssertEqual(results.get().values.filter { $0.stderr.contains("新建了客户库") || $0.stderr.contains("原先不存在") }.count, 1, "round \(round)")
            let names = try StoreContents.names(store)
            let missing = Set((0..<4).flatMap { writer in (0..<100).map { CustomerNames.name($0, group: writer) } }).subtracting(names)
            XCTAssertTrue(missing.isEmpty, "round \(round): \(missing.count) of the 400 cards missing")
            XCTAssertEqual(names.count, 400, "round \(round)")
        }
    }

    /// Three chats adding cards, one at a time, all through an import of thousands of rows
    /// (its reads, then its one long transaction).
    func testChatWritersAlongsideAnImportSeeNoLockErrorsAndLoseNothing() throws {
        let rows = 5_000
        let store = folder.appendingPathComponent("busy.db").path
        let file = folder.appendingPathComponent("big.csv")
        try ImportFile.write(rows: rows, to: file)
        _ = try Binary.run(["--store", store] + now, input: Data("你好\n".utf8))

        let importRun = Locked<Binary.Run?>(nil)
        let importDone = Locked(false)
        let group = DispatchGroup()
        group.enter()
        Thread {
            importRun.set(try? Binary.run(["import", "--store", store, file.path], timeout: 300))
            importDone.set(true)
            group.leave()
        }.start()

        let acknowledged = Locked<[String]>([])
        let problems = Locked<[String]>([])
        for writer in 0..<3 {
            group.enter()
            Thread { [now, failures, folder] in
                defer { group.leave() }
                guard let chat = try? ChatProcess(["--store", store] + now, home: folder!) else {
                    return problems.set(problems.get() + ["writer \(writer) did not start"])
                }
                // Until the import has ended, and three more after it.
                var index = 0, after = 0
                while index < 100 && after < 3 {
                    if importDone.get() { after += 1 }
                    let name = CustomerNames.name(index, group: writer)
                    chat.send(CustomerNames.addLine(index, group: writer))
                    guard let lines = chat.waitFor("已添加客户 \(name)", "没能保存", "locked", timeout: 30) else {
                        problems.set(problems.get() + ["writer \(writer): no answer to adding \(name); stderr: \(chat.stderr)"])
                        break
                    }
                    if let bad = lines.first(where: { line in failures.contains { line.contains($0) } }) {
                        problems.set(problems.get() + ["writer \(writer), \(name): \(bad)"])
                    } else {
                        acknowledged.set(acknowledged.get() + [name])
                    }
                    index += 1
                    usleep(50_000)
                }
                let end = chat.finish()
                if end.status != 0 || !Binary.complaints(in: chat.stderr).isEmpty { problems.update { $0.append("writer \(writer) exited \(end.status): \(chat.stderr)") } }
            }.start()
        }
        group.wait()

        XCTAssertEqual(problems.get(), [])
        let run = try XCTUnwrap(importRun.get(), "the import did not run")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.complaints, "")
        XCTAssertTrue(run.text.contains("新增 \(rows) 张"), run.text)
        let names = Set(try StoreContents.names(store))
        XCTAssertEqual(acknowledged.get().filter { !names.contains($0) }, [], "acknowledged and lost")
        XCTAssertEqual(names.filter { $0.hasPrefix("导入客户") }.count, rows)
        XCTAssertGreaterThan(acknowledged.get().count, 9, "the chats wrote while the import ran")
    }
}
