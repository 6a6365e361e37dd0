import Foundation
import XCTest

/// `kaiqu import` of what spreadsheets write, and `kaiqu export` to spreadsheets, tools and
/// calendars.
final class ImportExportTests: XCTestCase {
    var folder: URL!
    var store: String { folder.appendingPathComponent("kaiqu.db").path }
    let now = ["--now", "2026-11-18T10:00:00+08:00"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A sheet as Excel saves it as "CSV UTF-8": BOM, CRLF, quotes around cells with commas,
    /// quotes or line breaks, Chinese headers in an order of its own.
    private func spreadsheet(rows: Int) -> Data {
        var text = "\u{FEFF}姓名,手机,公司,地区,类型,级别,分类,生日,备注,微信\r\n"
        for i in 1...rows {
            let phone = String(format: "139%08d", i)
            let role = ["经销商", "代理商", "批发商", "终端"][i % 4]
            let level = ["准客户", "3", "四级", "一级"][i % 4]
            let note = i % 10 == 0 ? "\"第一行\r\n第二行，有逗号\"" : "\"他说 \"\"再看看\"\"，下周回电\""
            text += "客户\(i),\(phone),\"宏达建材, 第\(i)分店\",杭州,\(role),\(level),\(["A", "b", "C"][i % 3]),\(i % 12 + 1)-\(i % 28 + 1),\(note),wx\(i)\r\n"
        }
        return Data(text.utf8)
    }

    func testAThousandRowSpreadsheetImports() throws {
        let file = folder.appendingPathComponent("客户.csv")
        try spreadsheet(rows: 1_000).write(to: file)
        let run = try Binary.run(["import", "--store", store, file.path] + now)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.text.contains("新增 1000 张，更新 0 张，拒绝 0 行"), run.text)
        let chat = try Binary.run(["--store", store] + now, input: Data("查看客户10\n客户列表\n".utf8))
        XCTAssertTrue(chat.text.contains("【客户10 · 宏达建材, 第10分店 · 批发商 · 杭州】"), chat.text)
        XCTAssertTrue(chat.text.contains("第一行\n第二行，有逗号"), "a quoted line break stays in the note")
        XCTAssertTrue(chat.text.contains("共 1000 位客户："), chat.text)
        // Importing again updates the same cards (same name and phone) instead of doubling them.
        let again = try Binary.run(["import", "--store", store, file.path] + now)
        XCTAssertTrue(again.text.contains("新增 0 张，更新 1000 张，拒绝 0 行"), again.text)
    }

    func testWrongCellsAreRefusedRowByRowAndTheRestImported() throws {
        let file = folder.appendingPathComponent("mixed.csv")
        try Data("name,phone,level,birthday,email\nGood One,13900001111,2,05-03,a@b.cn\nBad Phone,1380013800,,,\nBad Level,13900002222,9,,\n,13900003333,,,\nBad Day,13900004444,,02-30,\n".utf8).write(to: file)
        let run = try Binary.run(["import", "--store", store, file.path] + now, environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "Imported \(file.path): 1 added, 0 updated, 4 rows refused.")
        XCTAssertEqual(Array(lines[1...4]), [
            "Row 3, column \"phone\": \"1380013800\" is not a valid phone number; the row was not imported.",
            "Row 4, column \"level\": \"9\" is not a level (1–4); the row was not imported.",
            "Row 5, column \"name\": \"\" has no name; the row was not imported.",
            "Row 6, column \"birthday\": \"02-30\" is not a valid birthday (MM-DD, YYYY-MM-DD or lunar 08-15); the row was not imported.",
        ])
    }

    func testGB18030AndUndoOfAWholeImport() throws {
        let file = folder.appendingPathComponent("gbk.csv")
        let text = "姓名,电话,地区\r\n张伟,13800138001,杭州\r\n李娜,13800138002,宁波\r\n"
        try XCTUnwrap(text.data(using: String.Encoding(rawValue: 0x8000_0632))).write(to: file)
        let run = try Binary.run(["import", "--store", store, file.path] + now)
        XCTAssertTrue(run.text.contains("新增 2 张"), run.text + run.stderr)
        let undo = try Binary.run(["--store", store] + now, input: Data("撤销\n客户列表\n".utf8))
        XCTAssertEqual(undo.text.split(separator: "\n").map(String.init), ["已撤销：导入客户（gbk.csv）。", "还没有客户卡。说“添加客户 张三 电话13800138000”来建第一张。"])
    }

    func testNothingReadableExitsNonZero() throws {
        XCTAssertEqual(try Binary.run(["import", "--store", store, folder.appendingPathComponent("none.csv").path]).status, 66)
        let noName = folder.appendingPathComponent("noname.csv")
        try Data("电话,地区\n13800138001,杭州\n".utf8).write(to: noName)
        let run = try Binary.run(["import", "--store", store, noName.path])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.text.contains("姓名"), run.text)
    }

    func testExportCSVOpensInExcelAndReadsBack() throws {
        _ = try Binary.run(["--store", store] + now, input: Data("添加客户 张伟 电话13800138001 杭州 经销商\n张伟生日是农历八月十五\n".utf8))
        let out = folder.appendingPathComponent("out.csv")
        XCTAssertEqual(try Binary.run(["export", "--store", store, "--format", "csv", "--out", out.path] + now).status, 0)
        let data = try Data(contentsOf: out)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a UTF-8 BOM, so Excel and WPS keep the Chinese")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("姓名,公司,电话,"), text)
        XCTAssertTrue(text.contains("\r\n张伟,,13800138001,,,杭州,,经销商,4,,农历08-15,"), text)
        let second = folder.appendingPathComponent("second.db").path
        let reimport = try Binary.run(["import", "--store", second, out.path] + now)
        XCTAssertTrue(reimport.text.contains("新增 1 张"), reimport.text)
        let card = try Binary.run(["--store", second] + now, input: Data("查看张伟\n".utf8))
        XCTAssertTrue(card.text.contains("生日：农历八月十五"), card.text)
    }

    func testExportJSONIsValidJSON() throws {
        _ = try Binary.run(["--store", store] + now, input: Data("添加客户 张伟 电话13800138001\n明天下午三点拜访张伟\n".utf8))
        let run = try Binary.run(["export", "--store", store, "--format", "json"] + now)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let customers = try XCTUnwrap(object["customers"] as? [[String: Any]])
        XCTAssertEqual(customers.first?["name"] as? String, "张伟")
        XCTAssertEqual(customers.first?["phones"] as? [String], ["13800138001"])
        let visits = try XCTUnwrap(object["visits"] as? [[String: Any]])
        XCTAssertEqual(visits.first?["day"] as? String, "2026-11-19")
    }

    func testExportICSFollowsRFC5545() throws {
        let long = String(repeating: "带样品和最新价格表, ", count: 8)
        _ = try Binary.run(["--store", store] + now, input: Data("添加客户 张伟 电话13800138001\n明天下午三点拜访张伟\n后天拜访张伟\n是\n".utf8))
        _ = try Binary.run(["--store", store] + now, input: Data("添加客户 李娜 电话13800138002\n下周一上午十点去找李娜谈\(long)\n".utf8))
        let run = try Binary.run(["export", "--store", store, "--format", "ics"] + now)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = run.text
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), text)
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        for line in text.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        let events = unfolded.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        XCTAssertEqual(events.count, 3)
        for event in events {
            XCTAssertTrue(event.contains("\r\nUID:kaiqu-visit-"))
            XCTAssertTrue(event.contains("\r\nDTSTAMP:20261118T020000Z\r\n"))
        }
        XCTAssertTrue(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:GMT+0800\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("DTSTART;TZID=GMT+0800:20261119T150000\r\nDTEND;TZID=GMT+0800:20261119T160000\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("DTSTART;VALUE=DATE:20261120\r\nDTEND;VALUE=DATE:20261121\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("SUMMARY:拜访 张伟"), unfolded)
        XCTAssertTrue(unfolded.contains("最新价格表\\, "), "commas in TEXT are escaped: \(unfolded)")
    }

    /// A planned call or samples to send is a reminder: a VTODO due then, with an alarm; a visit
    /// stays an event.
    func testExportICSWritesRemindersAsTasksWithAlarms() throws {
        _ = try Binary.run(["--store", store] + now, input: Data("添加客户 张伟 电话13800138001\n提醒我明天下午三点给张伟打电话\n后天给张伟寄样品\n下周一拜访张伟\n".utf8))
        let run = try Binary.run(["export", "--store", store, "--format", "ics"] + now)
        XCTAssertEqual(run.status, 0, run.stderr)
        let unfolded = run.text.replacingOccurrences(of: "\r\n ", with: "")
        let tasks = unfolded.components(separatedBy: "BEGIN:VTODO").dropFirst().map { $0.components(separatedBy: "END:VTODO")[0] }
        XCTAssertEqual(tasks.count, 2, unfolded)
        XCTAssertTrue(tasks[0].contains("\r\nDUE;TZID=GMT+0800:20261119T150000\r\n"), tasks[0])
        XCTAssertTrue(tasks[0].contains("\r\nSUMMARY:给 张伟 打电话\r\n"), tasks[0])
        XCTAssertTrue(tasks[0].contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=END:-PT15M\r\n"), tasks[0])
        XCTAssertTrue(tasks[1].contains("\r\nDUE;VALUE=DATE:20261120\r\n"), tasks[1])
        XCTAssertTrue(tasks[1].contains("TRIGGER;RELATED=END:PT9H"), tasks[1])
        XCTAssertEqual(unfolded.components(separatedBy: "BEGIN:VEVENT").count - 1, 1, unfolded)
        XCTAssertTrue(unfolded.contains("SUMMARY:拜访 张伟"), unfolded)
    }
}
