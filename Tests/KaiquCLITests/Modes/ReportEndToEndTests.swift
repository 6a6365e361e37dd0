import Foundation
import XCTest

/// `kaiqu report`: the pipeline report from the shell, as text and as CSV, on a store the
/// chat filled.
final class ReportEndToEndTests: XCTestCase {
    private var folder: URL!
    private var store: String { folder.appendingPathComponent("k.db").path }
    private let now = ["--now", "2026-11-18T10:00:00+08:00"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let chat = "添加客户 王建国 电话13800138000\n添加客户 李娜 电话13800138001\n李娜签了，3万\n"
        XCTAssertEqual(try Binary.run(["--store", store] + now, input: Data(chat.utf8)).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testTheReportIsPrintedAsChatSaysItOrAsFigures() throws {
        let text = try Binary.run(["report", "--store", store] + now)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.text.hasPrefix("【销售概况】11月1日（周日） 至 11月30日（周一）\n"), text.text)
        XCTAssertTrue(text.text.contains("成交：1 单，合计 3万（上期 0 单）\n"), text.text)

        let english = try Binary.run(["report", "--store", store] + now, environment: ["LANG": "en_US.UTF-8"])
        XCTAssertTrue(english.text.contains("Deals won: 1, ¥30,000 in all (previous period 0)"), english.text)

        let out = folder.appendingPathComponent("report.csv").path
        let csv = try Binary.run(["report", "pipeline", "--format", "csv", "--from", "2026-11-01", "--to", "2026-11-30", "--out", out, "--store", store] + now)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a BOM, so Excel and WPS keep the Chinese")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "metric,this period,previous period")
        XCTAssertTrue(lines.contains("from,2026-11-01,2026-10-01"), "\(lines)")
        XCTAssertTrue(lines.contains("new_customers,2,0"), "\(lines)")
        XCTAssertTrue(lines.contains("won_amount,30000,0"), "\(lines)")
    }

    func testTheABCAnalysisIsPrintedOrGivenAsRows() throws {
        let chat = "王建国进了8万\n李娜进了2万\n"
        XCTAssertEqual(try Binary.run(["--store", store] + now, input: Data(chat.utf8)).status, 0)
        let text = try Binary.run(["report", "abc", "--store", store] + now)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.text.contains("1. 王建国 8万 · 占 80% · 累计 80% · A 类\n"), text.text)
        let csv = try Binary.run(["report", "abc", "--format", "csv", "--store", store] + now)
        XCTAssertEqual(String(decoding: csv.stdout.dropFirst(3), as: UTF8.self), "rank,customer,amount,share %,running %,class\r\n1,王建国,80000,80.0,80.0,A\r\n2,李娜,20000,20.0,100.0,B\r\n")
    }

    func testABadReportOrDayIsAUsageError() throws {
        let kind = try Binary.run(["report", "aging", "--store", store])
        XCTAssertEqual(kind.status, 64)
        XCTAssertTrue(kind.stderr.contains("aging"), kind.stderr)
        let day = try Binary.run(["report", "--from", "2026-13-01", "--store", store])
        XCTAssertEqual(day.status, 64)
        XCTAssertTrue(day.stderr.contains("2026-13-01"), day.stderr)
        let format = try Binary.run(["report", "--format", "ics", "--store", store])
        XCTAssertEqual(format.status, 64)
    }
}
