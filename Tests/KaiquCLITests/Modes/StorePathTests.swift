import Foundation
import XCTest

/// Where a rep's store is and whose it is, as the command line decides: a path that would
/// lose work is refused or announced, another application's database is left alone, the owner
/// is the account (not $USER), and visits keep the zone they were planned in.
final class StorePathTests: XCTestCase {
    var folder: URL!
    let now = ["--now", "2026-11-18T10:00:00+08:00"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testAnEmptyStorePathIsAUsageError() throws {
        for arguments in [["--store", ""], ["--store="], ["--store", "  "]] {
            let run = try Binary.run(arguments, input: Data("添加客户 王建国 电话13800138001\n".utf8))
            XCTAssertEqual(run.status, 64, arguments.description)
            XCTAssertTrue(run.stderr.contains("--store 的取值不能为空"), run.stderr)
            XCTAssertEqual(run.text, "", "nothing is said to be saved")
        }
    }

    func testAStoreInAMissingFolderIsCreatedWithAMessageNamingIt() throws {
        let path = folder.appendingPathComponent("typo/dir/x.db").path
        let run = try Binary.run(["--store", path] + now, input: Data("添加客户 王建国 电话13800138001\n".utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains(folder.appendingPathComponent("typo").path), run.stderr)
        XCTAssertTrue(run.stderr.contains(path), run.stderr)
        XCTAssertTrue(run.text.contains("已添加客户 王建国"), run.text)
        // Opened again, it is no news.
        let again = try Binary.run(["--store", path] + now, input: Data("客户列表\n".utf8))
        XCTAssertEqual(again.stderr, "")
        XCTAssertTrue(again.text.contains("王建国"), again.text)
    }

    func testAnotherApplicationsDatabaseIsRefusedWithExit73() throws {
        let path = folder.appendingPathComponent("app.db").path
        // An SQLite file another program wrote: Kaiqu's own first run makes one, then marks it
        // foreign, as another application's id would.
        _ = try Binary.run(["--store", path], input: Data("hi\n".utf8))
        XCTAssertEqual(try Binary.run(["export", "--store", path, "--format", "json"]).status, 0)
        try patchApplicationID(path, to: 0x1234_5678)
        let run = try Binary.run(["--store", path], input: Data("添加客户 王建国 电话13800138001\n".utf8), environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(run.status, 73)
        XCTAssertTrue(run.stderr.contains("is another application's database"), run.stderr)
        XCTAssertEqual(run.text, "")
    }

    func testTheOwnerIsTheAccountNotUSER() throws {
        let path = folder.appendingPathComponent("team.db").path
        _ = try Binary.run(["--store", path] + now, input: Data("添加客户 欧阳秘密 电话13800138001\n".utf8), environment: ["USER": "amy"])
        for user in ["bob", ""] {
            let run = try Binary.run(["--store", path] + now, input: Data("客户列表\n".utf8), environment: ["USER": user])
            XCTAssertTrue(run.text.contains("欧阳秘密"), "USER=\(user) changes nothing: the same account sees its cards")
        }
    }

    func testTheCalendarShowsAVisitInTheZoneItWasPlannedIn() throws {
        let path = folder.appendingPathComponent("tz.db").path
        // Planned in Beijing time, exported on a server in UTC.
        let plan = try Binary.run(["--store", path, "--now", "2026-11-18T10:00:00+08:00"],
                                  input: Data("添加客户 李娜 电话13800138002\n明天下午三点拜访李娜\n".utf8),
                                  environment: ["KAIQU_TZ": "Asia/Shanghai"])
        XCTAssertTrue(plan.text.contains("15:00"), plan.text)
        let ics = try Binary.run(["export", "--store", path, "--format", "ics"], environment: ["TZ": "UTC"])
        XCTAssertEqual(ics.status, 0, ics.stderr)
        XCTAssertTrue(ics.text.contains("DTSTART;TZID=Asia/Shanghai:20261119T150000"), ics.text)
        XCTAssertTrue(ics.text.contains("TZOFFSETTO:+0800"), ics.text)
        XCTAssertFalse(ics.text.contains("Etc/UTC"), ics.text)
        // A zone with summer time is written in UTC: 15:00 in New York on 19 November is 20:00Z.
        let ny = folder.appendingPathComponent("ny.db").path
        _ = try Binary.run(["--store", ny, "--tz", "America/New_York", "--now", "2026-11-18T10:00:00-05:00"],
                           input: Data("添加客户 Tom Wu 电话13800138003\nvisit Tom Wu tomorrow at 3pm\n".utf8))
        let nyics = try Binary.run(["export", "--store", ny, "--format", "ics"], environment: ["TZ": "Asia/Shanghai"])
        XCTAssertTrue(nyics.text.contains("DTSTART:20261119T200000Z"), nyics.text)
    }

    func testAnUnknownZoneIsAUsageError() throws {
        let run = try Binary.run(["--tz", "Mars/Olympus"], input: Data("hi\n".utf8))
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("Mars/Olympus"), run.stderr)
    }

    func testAnImportedACardNeverContactedIsWhomToSeeThisWeek() throws {
        let path = folder.appendingPathComponent("a.db").path
        let csv = folder.appendingPathComponent("a.csv")
        try Data("姓名,电话,卡片\n赵敏,13800138009,A\n钱多,13800138010,C\n".utf8).write(to: csv)
        let imported = try Binary.run(["import", csv.path, "--store", path] + now)
        XCTAssertEqual(imported.status, 0, imported.stderr + imported.text)
        let week = try Binary.run(["--store", path] + now, input: Data("本周要拜访谁\n".utf8))
        XCTAssertTrue(week.text.contains("赵敏"), week.text)
        XCTAssertFalse(week.text.contains("钱多"), "a C card made today is not due yet: " + week.text)
    }

    // Writes the application id into the header (offset 68, big-endian), as another program would.
    private func patchApplicationID(_ path: String, to id: UInt32) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: 68)
        handle.write(Data([UInt8(id >> 24), UInt8(id >> 16 & 0xFF), UInt8(id >> 8 & 0xFF), UInt8(id & 0xFF)]))
    }
}
