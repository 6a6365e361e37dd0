import XCTest
import KaiquNLU
@testable import KaiquDialogue

/// 本月报告: the pipeline from the rep's own records, this month against the last.
final class PipelineReportTests: XCTestCase {
    func testAMonthlyReportCountsTheFunnelVisitsDealsAndObjections() throws {
        let chat = try Chat()
        for line in ["添加客户 王建国 电话13800138000", "添加客户 李娜 电话13800138001", "添加客户 张伟 电话13800138002",
                     "王建国是二级客户", "李娜是三级", "明天下午三点拜访李娜", "刚见了王建国，他说价格太高",
                     "李娜签了，3万", "张伟不跟了，价格谈不拢"] {
            _ = try chat.say(line)
        }
        let report = try chat.say("本月报告")
        XCTAssertEqual(report.first, "【开发报告】11月1日（周日） 至 11月30日（周一）", report.joined(separator: "\n"))
        XCTAssertTrue(report.contains("漏斗（现在的级别，括号里是再上一级的比例）：四级及以上 2 → 三级及以上 2（100%） → 二级及以上 2（100%） → 一级 1（50%）"),
                      report.joined(separator: "\n"))
        XCTAssertTrue(report.contains("新客户：3（上期 0）"), report.joined(separator: "\n"))
        XCTAssertTrue(report.contains("拜访：计划 2，完成 1，完成率 50%，差异率 50%"), report.joined(separator: "\n"))
        XCTAssertTrue(report.contains("成交：1 单，合计 3万（上期 0 单）"), report.joined(separator: "\n"))
        XCTAssertTrue(report.contains("· 张伟：价格谈不拢"), report.joined(separator: "\n"))
        XCTAssertTrue(report.contains("最常遇到的异议：价格太高 1 次"), report.joined(separator: "\n"))

        // Next month, the same deals are last month's.
        chat.advance(days: 14)
        let next = try chat.say("本月报告")
        XCTAssertTrue(next.contains("新客户：0（上期 3）"), next.joined(separator: "\n"))
        XCTAssertTrue(next.contains("成交：0 单（上期 1 单）"), next.joined(separator: "\n"))
    }

    func testAnEmptyBookSaysThereIsNothingYetAndAPeriodCanBeAsked() throws {
        let chat = try Chat()
        XCTAssertEqual(try chat.keys("销售漏斗"), ["funnel.title", "report.empty"])
        let week = try chat.say("这周业绩怎么样")
        XCTAssertEqual(week.first, "【开发报告】11月16日（周一） 至 11月22日（周日）", week.joined(separator: "\n"))
    }
}
