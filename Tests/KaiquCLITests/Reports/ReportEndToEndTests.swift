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
        XCTAssertTrue(text.text.hasPrefix("【开发报告】11月1日（周日） 至 11月30日（周一）\n"), text.text)
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

    // Worked out by hand, as of 11月18日 on the policy's 30 days: 王建国 ordered 5万 on 7月1日
    // and 2万 on 10月1日 and paid 3万: 2万 of July's order is 110 days late (over 90) and
    // October's 2万 is 18 days late (0–30). 李娜 ordered 1万 on 9月10日 (39 days late: 31–60).
    private func fillSales() throws {
        let chat = "7月1日王建国进货5万\n10月1日王建国进货2万\n王建国回款3万\n9月10日李娜进货1万\n王建国是故意拖欠\n"
        XCTAssertEqual(try Binary.run(["--store", store] + now, input: Data(chat.utf8)).status, 0)
    }

    func testReceivablesAndTheFunnelAsTextAndRows() throws {
        try fillSales()
        let text = try Binary.run(["report", "receivables", "--store", store] + now)
        XCTAssertTrue(text.text.contains("应收合计 5万（2 家），未到期 0 元，逾期 5万（2 家）。\n"), text.text)
        XCTAssertTrue(text.text.contains("90 天以上  ████████████████████ 2万（40%）\n"), text.text)
        let csv = try Binary.run(["report", "receivables", "--format", "csv", "--store", store] + now)
        let rows = String(decoding: csv.stdout.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        for row in ["balance,50000,2", "not_due,0,", "overdue,50000,2", "overdue_days_0-30,20000,", "overdue_days_31-60,10000,",
                    "overdue_days_61-90,0,", "overdue_days_90+,20000,", "cause_deliberate,40000,", "cause_none,10000,",
                    "overdue_customer,40000,王建国,110,deliberate"] {
            XCTAssertTrue(rows.contains(row), "\(row) in \(rows)")
        }
        let funnel = try Binary.run(["report", "funnel", "--format", "csv", "--store", store] + now)
        let funnelRows = String(decoding: funnel.stdout.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        // 李娜 signed (一级); 王建国 has no level: 1 of 1 card with a level is at 一级 or better.
        XCTAssertTrue(funnelRows.contains("level_1_or_better,1,"), "\(funnelRows)")
    }

    func testTheHTMLPageIsWellFormedAndHoldsTheFigures() throws {
        try fillSales()
        let out = folder.appendingPathComponent("report.html")
        let result = try Binary.run(["report", "--format", "html", "--out", out.path, "--store", store] + now)
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = try String(contentsOf: out, encoding: .utf8)
        XCTAssertNil(WellFormed.problem(in: page), WellFormed.problem(in: page) ?? "")
        XCTAssertFalse(page.contains("<script"), "no script")
        XCTAssertFalse(page.contains("http://") && page.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"), "nothing fetched")
        for id in ["funnel-levels", "trend-chart", "trend-table", "receivables-table"] {
            XCTAssertTrue(page.contains("id=\"\(id)\""), id)
        }
        // The trend: July 5万 ordered, September 1万, October 2万, November's 3万 paid.
        for row in ["<tr><td>2026-07</td><td>50000</td><td>0</td>", "<tr><td>2026-09</td><td>10000</td><td>0</td>",
                    "<tr><td>2026-10</td><td>20000</td><td>0</td>", "<tr><td>2026-11</td><td>0</td><td>30000</td><td>2</td><td>1</td></tr>"] {
            XCTAssertTrue(page.contains(row), row)
        }
        // Receivables by age, and this month's ABC (no orders in November: none).
        XCTAssertTrue(page.contains("<tr><td>90 天以上</td><td>20000</td></tr>"), page)
        XCTAssertTrue(page.contains("<tr><td>原因：故意拖欠</td><td>40000</td></tr>"), page)
        XCTAssertTrue(page.contains("成交：1 单，合计 3万（上期 0 单）"), page)
        // A whole period's ABC has the Pareto bars, one a customer, and the running share line.
        let half = try Binary.run(["report", "--format", "html", "--from", "2026-06-01", "--to", "2026-11-18", "--store", store] + now)
        let abc = half.text
        XCTAssertNil(WellFormed.problem(in: abc))
        XCTAssertTrue(abc.contains("id=\"pareto\"") && abc.contains("id=\"abc-table\""))
        XCTAssertTrue(abc.contains("<tr><td>1</td><td>王建国</td><td>70000</td><td>87.5</td><td>87.5</td><td>A</td></tr>"), abc)
        XCTAssertTrue(abc.contains("<tr><td>2</td><td>李娜</td><td>10000</td><td>12.5</td><td>100.0</td><td>B</td></tr>"), abc)
        XCTAssertEqual(abc.components(separatedBy: "<title>").count - 1, 1 + 2, "the page title and a bar per customer")
    }

    func testTheWellFormednessCheckFindsBrokenPages() {
        XCTAssertNil(WellFormed.problem(in: "<!DOCTYPE html>\n<html lang=\"zh\"><body><p>a &amp; b</p><br/></body></html>"))
        for broken in ["<a><b></a>", "<a>", "<a>x & y</a>", "<a b=c/>", "<a></a><b></b>", "<a><b>x</b>"] {
            XCTAssertNotNil(WellFormed.problem(in: broken), broken)
        }
    }

    func testAManagersReportHasALinePerRep() throws {
        for (id, name) in [("zhang", "张伟"), ("li", "李娜")] {
            XCTAssertEqual(try Binary.run(["users", "add", id, "--name", name, "--role", "rep", "--team", "east", "--alias", "wecom:\(id)", "--store", store]).status, 0)
        }
        let requests = [("zhang", "添加客户 陈静 电话13800138003"), ("zhang", "陈静进了2万"), ("zhang", "陈静签了，2万"),
                        ("li", "添加客户 刘洋 电话13800138004"), ("li", "明天下午三点拜访刘洋")]
        let lines = requests.enumerated().map { "{\"id\":\"\($0)\",\"user\":\"wecom:\($1.0)\",\"chat\":\"dm\",\"text\":\"\($1.1)\"}" }
        XCTAssertEqual(try Binary.run(["serve", "--store", store] + now, input: Data((lines.joined(separator: "\n") + "\n").utf8)).status, 0)
        let owner = try Binary.run(["users", "list", "--store", store]).text
        XCTAssertFalse(owner.isEmpty)
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        XCTAssertEqual(try Binary.run(["users", "add", me, "--name", "主管", "--role", "manager", "--team", "east", "--store", store]).status, 0)
        let report = try Binary.run(["report", "--store", store] + now)
        XCTAssertTrue(report.text.contains("按业务员：\n"), report.text)
        XCTAssertTrue(report.text.contains("· 张伟：新客户 1，拜访 0/0，成交 1 单 2万，进货 2万\n"), report.text)
        XCTAssertTrue(report.text.contains("· 李娜：新客户 1，拜访 0/1，成交 0 单 0 元，进货 0 元\n"), report.text)
    }
}

/// A strict well-formedness check of XHTML: every tag closed in order, one root, attributes
/// quoted, only XML's own entities. (Foundation's XMLParser on Linux lets an unclosed root
/// through, so the tests do not lean on it.)
enum WellFormed {
    static func problem(in text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var stack: [String] = []
        var roots = 0
        var i = 0
        func name(_ from: Int) -> (String, Int) {
            var j = from
            while j < s.count, s[j].properties.isAlphabetic || s[j].properties.numericType != nil || "-:_".unicodeScalars.contains(s[j]) { j += 1 }
            return (String(String.UnicodeScalarView(s[from..<j])), j)
        }
        while i < s.count {
            if s[i] == "&" {
                let rest = String(String.UnicodeScalarView(s[i..<min(i + 8, s.count)]))
                guard ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(where: rest.hasPrefix) || rest.hasPrefix("&#") else { return "a bare & at \(i)" }
                i += 1
                continue
            }
            guard s[i] == "<" else { i += 1; continue }
            guard let close = s[i...].firstIndex(of: ">") else { return "an unclosed < at \(i)" }
            let tag = String(String.UnicodeScalarView(s[(i + 1)..<close]))
            defer { i = close + 1 }
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            if tag.hasPrefix("/") {
                guard stack.popLast() == String(tag.dropFirst()) else { return "</\(tag.dropFirst())> does not close the open tag (\(stack))" }
                continue
            }
            let (element, end) = name(i + 1)
            guard !element.isEmpty else { return "a tag without a name at \(i)" }
            // Attributes: name="value", the value without < or a bare quote.
            let attributes = String(String.UnicodeScalarView(s[end..<close])).trimmingCharacters(in: .whitespaces)
            let body = attributes.hasSuffix("/") ? String(attributes.dropLast()) : attributes
            let pattern = try! NSRegularExpression(pattern: #"^(\s*[A-Za-z_:][-A-Za-z0-9_:.]*="[^"<]*")*\s*$"#)
            guard pattern.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) != nil else { return "bad attributes in <\(element)>: \(body)" }
            if attributes.hasSuffix("/") { continue }
            if stack.isEmpty { roots += 1 }
            stack.append(element)
        }
        guard stack.isEmpty else { return "tags left open: \(stack)" }
        return roots == 1 ? nil : "\(roots) root elements"
    }
}
