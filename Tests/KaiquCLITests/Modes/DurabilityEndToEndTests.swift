import Foundation
import KaiquFuzz
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// kill -9 at random points: whatever Kaiqu said it saved is there afterwards, and an import
/// is all there or not at all. The points come from a seed printed with any failure.
final class DurabilityEndToEndTests: XCTestCase {
    var folder: URL!
    let seed = UInt64(Date().timeIntervalSince1970 * 1_000)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-durability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testEveryAcknowledgedAddSurvivesKill9AtRandomPoints() throws {
        let store = folder.appendingPathComponent("kill.db").path
        let arguments = ["--store", store, "--now", "2026-11-18T10:00:00+08:00"]
        var random = FuzzRandom(seed: seed)
        var kills: Set<Int> = []
        while kills.count < 4 { kills.insert(random.within(1...49)) }
        var acknowledged: [String] = []
        var chat = try ChatProcess(arguments, home: folder)
        for index in 0..<50 {
            let name = CustomerNames.name(index)
            if kills.contains(index) {
                // Killed right after the last acknowledgement, or with this add sent and its
                // answer not yet read: saved or not, it was never acknowledged.
                let midway = random.chance(50)
                if midway {
                    chat.send(CustomerNames.addLine(index))
                    usleep(UInt32(random.below(5_000)))
                }
                chat.kill9()
                chat = try ChatProcess(arguments, home: folder)
                if midway { continue }
            }
            chat.send(CustomerNames.addLine(index))
            guard chat.waitFor("已添加客户 \(name)") != nil else {
                return XCTFail("no acknowledgement for \(name) (seed \(seed), kills before \(kills.sorted())); stderr: \(chat.stderr)")
            }
            acknowledged.append(name)
        }
        chat.kill9()
        let names = try StoreContents.names(store)
        XCTAssertEqual(acknowledged.filter { !names.contains($0) }, [], "acknowledged and lost (seed \(seed), kills before \(kills.sorted()))")
        XCTAssertEqual(names.count, Set(names).count, "a card was added twice")
        XCTAssertGreaterThanOrEqual(acknowledged.count, 46)
    }

    func testAnImportKilledAtARandomPointLeavesAllItsRowsOrNone() throws {
        let rows = 5_000
        let file = folder.appendingPathComponent("big.csv")
        try ImportFile.write(rows: rows, to: file)
        // An import left alone, timed: the kills land over its run, most in its second half
        // where the rows are written. The faster of two runs: on a shared machine one may be
        // slowed, and kills timed by it would all come after the import had ended.
        var seconds = Double.infinity
        for run in 0..<2 {
            let whole = folder.appendingPathComponent("whole-\(run).db").path
            let started = Date()
            let full = try Binary.run(["import", "--store", whole, file.path], timeout: 300)
            seconds = min(seconds, Date().timeIntervalSince(started))
            XCTAssertEqual(full.status, 0, full.stderr)
            XCTAssertEqual(try StoreContents.names(whole).count, rows)
        }

        var random = FuzzRandom(seed: seed)
        var killedWhileRunning = 0
        for round in 0..<3 {
            let store = folder.appendingPathComponent("killed-\(round).db").path
            let delay = seconds * Double(random.within(30...98)) / 100
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["import", "--store", store, file.path]
            process.environment = ["HOME": folder.path, "XDG_DATA_HOME": folder.path, "LANG": "C.UTF-8"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1e6))
            if process.isRunning { killedWhileRunning += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let count = try StoreContents.names(store).count
            XCTAssertTrue(count == 0 || count == rows, String(format: "%d of %d rows after a kill at %.2f s (seed %llu)", count, rows, delay, seed))
        }
        XCTAssertGreaterThan(killedWhileRunning, 0, "every import had ended before its kill")
    }
}

/// A customer sheet for `kaiqu import`: distinct names and phones, one region.
enum ImportFile {
    static func write(rows: Int, to file: URL) throws {
        var text = "姓名,电话,地区\n"
        for i in 0..<rows { text += "导入客户\(i),137\(String(i + 100_000_000).dropFirst()),杭州\n" }
        try Data(text.utf8).write(to: file)
    }
}
