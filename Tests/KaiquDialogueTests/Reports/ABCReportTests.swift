import XCTest
import KaiquNLU
@testable import KaiquDialogue

/// ABC 分析: customers by what they ordered, classed by the 80/20 rule, with each class's policy.
final class ABCReportTests: XCTestCase {
    func testCustomersAreRankedAndClassedByRunningShare() throws {
        let chat = try Chat()
        for line in ["添加客户 王建国", "添加客户 李娜", "添加客户 张伟", "添加客户 孙丽",
                     "王建国进了8万", "李娜进了3万", "张伟进了1万", "孙丽进了5000"] {
            _ = try chat.say(line)
        }
        let report = try chat.say("本月客户ABC分析")
        XCTAssertEqual(Array(report.prefix(6)), [
            "【ABC 分析（按进货额，80/20）】11月1日（周日） 至 11月30日（周一）",
            "合计 12.5万，4 家客户：",
            "1. 王建国 8万 · 占 64% · 累计 64% · A 类",
            "2. 李娜 3万 · 占 24% · 累计 88% · A 类",
            "3. 张伟 1万 · 占 8% · 累计 96% · B 类",
            "4. 孙丽 5000 元 · 占 4% · 累计 100% · C 类",
        ], report.joined(separator: "\n"))
        XCTAssertTrue(report[6].hasPrefix("A 类 2 家，占 88%：VIP 政策。优先保证货源；计划性拜访"), report.joined(separator: "\n"))
        // Another month has no orders; the cards' A/B/C question is still the pipeline report.
        XCTAssertEqual(try chat.keys("上个月的ABC分析"), ["abc.title", "abc.empty"])
        XCTAssertEqual(try chat.keys("abc各类客户有多少").first, "report.title")
    }
}
