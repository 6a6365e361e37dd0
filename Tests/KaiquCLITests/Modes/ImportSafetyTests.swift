import Foundation
import XCTest
@testable import KaiquCLI

/// `kaiqu import` and `kaiqu export` against sheets someone else wrote: cells that are
/// formulas, cells a megabyte long, a stray quote, phones written every way.
final class ImportSafetyTests: XCTestCase {
    var folder: URL!
    var store: String { folder.appendingPathComponent("kaiqu.db").path }
    let now = ["--now", "2026-11-18T10:00:00+08:00"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-io-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Values that Excel or WPS would run as formulas, a leading tab or CR included.
    static let hostile = ["=HYPERLINK(\"http://x\",\"点我\")", "=cmd|' /C calc'!A0", "+cmd", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", "  =1+1", "'=1+1"]

    // A sheet with every cell quoted, as a careful writer would.
    private func write(_ rows: [[String]], to name: String) throws -> URL {
        let file = folder.appendingPathComponent(name)
        let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        try Data(text.utf8).write(to: file)
        return file
    }

    // Each hostile value once in every free-text column, each row its own card.
    private func hostileSheet() throws -> URL {
        var rows = [["姓名", "公司", "电话", "地址", "来源", "备注"]]
        let values = Self.hostile
        for (i, value) in values.enumerated() {
            let other = values[(i + 1) % values.count]
            rows.append([value, other, String(format: "139%08d", i), value, other, value])
        }
        rows.append(["张伟", "-500元 的老客户", "+86 138 0013 8001", "", "", "-500"])
        rows.append(["陈港", "", "+852 9123 4567", "", "", ""])
        return try write(rows, to: "hostile.csv")
    }

    private func exportJSON(_ store: String) throws -> [[String: Any]] {
        let run = try Binary.run(["export", "--store", store, "--format", "json"] + now)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        return try XCTUnwrap(object["customers"] as? [[String: Any]])
    }

    func testExportedCSVHasNoCellASpreadsheetWouldRun() throws {
        let imported = try Binary.run(["import", "--store", store, try hostileSheet().path] + now)
        XCTAssertTrue(imported.text.contains("新增 \(Self.hostile.count + 2) 张，更新 0 张，拒绝 0 行"), imported.text)
        let out = folder.appendingPathComponent("out.csv")
        XCTAssertEqual(try Binary.run(["export", "--store", store, "--out", out.path] + now).status, 0)
        let text = try XCTUnwrap(CSV.decode(try Data(contentsOf: out)))
        let rows = CSV.read(text).rows
        XCTAssertEqual(rows.count, Self.hostile.count + 3)
        for row in rows {
            for cell in row.fields {
                XCTAssertFalse(cell.hasPrefix("=") || cell.hasPrefix("+") || cell.hasPrefix("-") || cell.hasPrefix("@")
                               || cell.hasPrefix("\t") || cell.hasPrefix("\r"), "line \(row.line): \(cell.debugDescription)")
                XCTAssertFalse(cell.drop(while: \.isWhitespace).first.map { "=+-@".contains($0) } ?? false, cell.debugDescription)
            }
        }
        // Neutralised as OWASP says: a quote in front, the field quoted; the rest untouched.
        XCTAssertTrue(text.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",\"'=cmd|' /C calc'!A0\","), text)
        XCTAssertTrue(text.contains(",\"'-500\"\r\n"), "a negative figure in a note: \(text)")
        XCTAssertTrue(text.contains("\r\n陈港,,91234567,"), text)
    }

    func testExportThenImportIntoAFreshStoreGivesTheSameCards() throws {
        _ = try Binary.run(["import", "--store", store, try hostileSheet().path] + now)
        let out = folder.appendingPathComponent("out.csv")
        XCTAssertEqual(try Binary.run(["export", "--store", store, "--out", out.path] + now).status, 0)
        let second = folder.appendingPathComponent("second.db").path
        let reimport = try Binary.run(["import", "--store", second, out.path] + now)
        XCTAssertTrue(reimport.text.contains("拒绝 0 行"), reimport.text)
        // Notes are left out: the export's "latest note" column is not one `kaiqu import` reads.
        func cards(_ store: String) throws -> [NSDictionary] {
            try exportJSON(store).map { var card = $0; card["notes"] = nil; return card as NSDictionary }
        }
        let before = try cards(store), after = try cards(second)
        XCTAssertEqual(before.count, Self.hostile.count + 2)
        XCTAssertEqual(before, after)
        XCTAssertEqual(before.first?["name"] as? String, Self.hostile[0])
        XCTAssertEqual(before.first?["address"] as? String, Self.hostile[0])
        // Cleaning took the tab, the CR and the blanks, and the sheet's own '= quote came off.
        XCTAssertEqual(before.map { $0["name"] as? String }.suffix(6), ["=1+1", "=1+1", "=1+1", "=1+1", "张伟", "陈港"])
        // Every column loses the quote export put in front, a note too.
        let notes = try write([["name", "phone", "note"], ["李娜", "'+86 138 0013 8002", "'-2+3"]], to: "quoted.csv")
        _ = try Binary.run(["import", "--store", second, notes.path] + now)
        let lina = try XCTUnwrap(try exportJSON(second).first { $0["name"] as? String == "李娜" })
        XCTAssertEqual(lina["phones"] as? [String], ["13800138002"])
        XCTAssertEqual((lina["notes"] as? [[String: Any]])?.first?["text"] as? String, "-2+3")
    }

    func testARefusedMegabyteCellIsQuotedByItsStartAndLength() throws {
        let file = folder.appendingPathComponent("big.csv")
        let big = String(repeating: "1", count: 1_000_000)
        try Data("name,phone,\(String(repeating: "列", count: 100))\n张伟,\(big),\n".utf8).write(to: file)
        let run = try Binary.run(["import", "--store", store, file.path] + now)
        XCTAssertLessThan(run.stdout.count, 2_000, "one bad cell must not fill the screen")
        let forty = String(repeating: "1", count: 40)
        XCTAssertTrue(run.text.contains("第 2 行，“phone”列：“\(forty)…”（共 1000000 个字）不是有效的电话号码，这一行没有导入。"), run.text)
        XCTAssertTrue(run.text.contains("已忽略：\(String(repeating: "列", count: 40))…（共 100 个字）"), run.text)
        let english = try Binary.run(["import", "--store", store, file.path] + now, environment: ["LANG": "en_US.UTF-8"])
        XCTAssertTrue(english.text.contains("Row 2, column \"phone\": \"\(forty)…\" (1000000 characters) is not a valid phone number; the row was not imported."), english.text)
        // A value of 40 characters or fewer is quoted whole, as before.
        try Data("name,phone\n张伟,1380013800\n".utf8).write(to: file)
        XCTAssertTrue(try Binary.run(["import", "--store", store, file.path] + now).text.contains("“1380013800”不是有效的电话号码"))
    }

    func testAStrayQuoteCostsOnlyItsOwnRow() throws {
        let file = folder.appendingPathComponent("stray.csv")
        try Data("姓名,电话\r\n张三,13800138001\r\n李四,13800138002\r\n王五,\"13800138003\r\n赵六,13800138004\r\n孙七,13800138005\r\n".utf8).write(to: file)
        let run = try Binary.run(["import", "--store", store, file.path] + now)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(2)), ["导入 \(file.path)：新增 4 张，更新 0 张，拒绝 1 行。",
                                                "第 4 行：这一行有个引号（\"）开了头却没有收尾，这一行没有导入，后面的行照常读取。请在表格里删掉或补上这个引号。"])
        XCTAssertEqual(try exportJSON(store).compactMap { $0["name"] as? String }, ["张三", "李四", "赵六", "孙七"])

        // A quote closed lines later with text after it is the same mistake; a quoted note over
        // several lines is none, and its row still counts from the line it starts on.
        try Data("name,phone,note\nA,13800138001,\"one\ntwo\"\nB,\"13800138002\nC,13800138003,\"x\" y\nD,13800138004,\nE,x,\n".utf8).write(to: file)
        let english = try Binary.run(["import", "--store", folder.appendingPathComponent("en.db").path, file.path] + now, environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(english.text.split(separator: "\n").prefix(4).map(String.init), [
            "Imported \(file.path): 3 added, 0 updated, 2 rows refused.",
            "Row 4: a quote (\") opens a cell on this line and is never closed; the row was not imported, the rows after it were still read. Remove the stray quote or close it in your spreadsheet.",
            "Row 7, column \"phone\": \"x\" is not a valid phone number; the row was not imported.",
            "The whole import is one change: say \"undo\" in the chat to take all of it back.",
        ])
    }

    /// Numbers as reps type them, and what both the chat and `kaiqu import` store (nil: refused).
    static let phones: [(typed: String, stored: String?)] = [
        ("13800138000", "13800138000"), ("138-0013-8000", "13800138000"), ("+86 138 0013 8000", "13800138000"),
        ("008613800138000", "13800138000"), ("０５７１－８８８８６６６６", "057188886666"), ("010-88886666", "01088886666"),
        ("9123 4567", "91234567"), ("+852 9123 4567", "91234567"), ("(852) 9123-4567", "91234567"), ("+852 2345 6789", "23456789"),
        ("0912-345-678", "0912345678"), ("0912 345 678", "0912345678"), ("+886 912 345 678", "886912345678"),
        ("8888666", "8888666"), ("一三八零零一三八零零零", "13800138000"),
        ("1380013800", nil), ("+86 571 8888 6666", nil), ("12345678", nil), ("+886 0912 345 678", nil),
    ]

    func testChatAndImportAcceptTheSamePhonesAndStoreThemAlike() throws {
        var rows = [["姓名", "电话"]]
        for (i, phone) in Self.phones.enumerated() { rows.append(["客户\(i + 1)", phone.typed]) }
        _ = try Binary.run(["import", "--store", store, try write(rows, to: "phones.csv").path] + now)
        let imported = Dictionary(uniqueKeysWithValues: try exportJSON(store).map { ($0["name"] as! String, ($0["phones"] as! [String]).first) })

        for (i, phone) in Self.phones.enumerated() {
            XCTAssertEqual(imported["客户\(i + 1)"] ?? nil, phone.stored, "import, \(phone.typed)")
            // Said with the card, and as the answer to "what is the phone?".
            for (way, lines) in [("cue", "添加客户 测试 电话\(phone.typed)\n查看测试\n"), ("answer", "添加客户 测试\n\(phone.typed)\n查看测试\n")] {
                let chatStore = folder.appendingPathComponent("chat-\(way)-\(i).db").path
                let chat = try Binary.run(["--store", chatStore] + now, input: Data(lines.utf8))
                let chatPhone = try exportJSON(chatStore).first.flatMap { ($0["phones"] as? [String])?.first }
                XCTAssertEqual(chatPhone, phone.stored, "chat (\(way)), \(phone.typed): \(chat.text)")
                if let stored = phone.stored { XCTAssertTrue(chat.text.contains("\n电话：\(stored)\n"), chat.text) }
            }
        }
    }
}
