import XCTest
import KaiquNLU
@testable import KaiquDialogue

/// 销售漏斗 and 应收账款: figures worked out by hand from a few cards.
final class FunnelReportTests: XCTestCase {
    func testTheFunnelCountsLevelsAndStepsWithTheShareThatWentOn() throws {
        let chat = try Chat()
        for line in ["添加客户 王建国 电话13800138000", "添加客户 李娜 电话13800138001", "添加客户 张伟 电话13800138002", "添加客户 陈静 电话13800138003",
                     "王建国是二级客户", "李娜是三级", "张伟是三级", "陈静是四级",
                     "开始开发李娜", "开始开发张伟", "开始开发陈静", "下一步", "下一步"] {
            _ = try chat.say(line)
        }
        let report = try chat.say("销售漏斗")
        let text = report.joined(separator: "\n")
        XCTAssertEqual(report.first, "【销售漏斗】11月1日（周日） 至 11月30日（周一）", text)
        XCTAssertEqual(try chat.book.flow(of: try XCTUnwrap(chat.card("陈静")).id)?.step, 2, "the rep insisted on step 2 for the last flow started")
        // Now: 4 cards; 3 at 三级 or better (75%); 1 at 二级 or better (33%); none signed (0%).
        XCTAssertTrue(report.contains("全部（四级·无明确意向起）  ████████████████████ 4"), text)
        XCTAssertTrue(report.contains("三级·有明确意向及以上      ███████████████      3（75%）"), text)
        XCTAssertTrue(report.contains("二级·准客户及以上          █████                1（33%）"), text)
        XCTAssertTrue(report.contains("一级·已成交及以上                               0（0%）"), text)
        // This month three flows started and one went on to step 2: 33%.
        XCTAssertTrue(report.contains("第1步 销售准备  ████████████████████ 3（上期 0）"), text)
        XCTAssertTrue(report.contains("第2步 销售行动  ██████▋              1（33%）（上期 0）"), text)

        // A messaging app gets the same figures without bars.
        let plain = try chat.plainReplies("销售漏斗")
        XCTAssertTrue(plain.contains("· 三级·有明确意向及以上 3（75%）"), plain.joined(separator: "\n"))
        XCTAssertFalse(plain.joined().contains("█"))

        // Three weeks on, the flows at step 1 have sat there 21 days.
        chat.advance(days: 21)
        XCTAssertTrue(try chat.say("销售漏斗").contains("卡得最久：第1步“销售准备”平均 21 天；第2步“销售行动”平均 21 天。"))
    }

    func testReceivablesByAgeAndCause() throws {
        let chat = try Chat()
        // On the policy's 30 days, as of 11月18日:
        //   王建国 ordered 5万 on 7月1日 (due 7月31日, 110 days late) and 2万 on 10月1日 (due
        //   10月31日, 18 days late), and paid 3万: the oldest order is settled first, so 2万
        //   of the 7月 order is over 90 days and the 10月 order is 0–30.
        //   李娜 ordered 1万 on 9月10日 (due 10月10日, 39 days: 31–60) and 8000 today (not due).
        for line in ["添加客户 王建国 电话13800138000", "添加客户 李娜 电话13800138001",
                     "7月1日王建国进货5万", "10月1日王建国进货2万", "王建国回款3万", "9月10日李娜进货1万", "李娜进货8000",
                     "王建国是故意拖欠"] {
            _ = try chat.say(line)
        }
        let report = try chat.say("出个账龄分析")
        let text = report.joined(separator: "\n")
        XCTAssertEqual(report.first, "【应收账款】截至今天 11月18日（周三）", text)
        XCTAssertTrue(report.contains("应收合计 5.8万（2 家），未到期 8000 元，逾期 5万（2 家）。"), text)
        XCTAssertTrue(report.contains { $0.hasPrefix("0–30 天 ") && $0.hasSuffix(" 2万（40%）") }, text)
        XCTAssertTrue(report.contains { $0.hasPrefix("31–60 天 ") && $0.hasSuffix(" 1万（20%）") }, text)
        XCTAssertTrue(report.contains { $0.hasPrefix("61–90 天 ") && $0.hasSuffix(" 0 元（0%）") }, text)
        XCTAssertTrue(report.contains { $0.hasPrefix("90 天以上 ") && $0.hasSuffix(" 2万（40%）") }, text)
        XCTAssertTrue(report.contains { $0.hasPrefix("故意拖欠 ") && $0.hasSuffix(" 4万（80%）") }, text)
        XCTAssertTrue(report.contains { $0.hasPrefix("还没记原因 ") && $0.hasSuffix(" 1万（20%）") }, text)
        XCTAssertTrue(report.contains("1. 王建国：逾期 4万，110 天（7月31日（周五）到期） · 原因：故意拖欠"), text)
    }

    func testAWeeklyReportCoversThisWeek() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 王建国 电话13800138000")
        XCTAssertEqual(try chat.say("出个周报").first, "【开发报告】11月16日（周一） 至 11月22日（周日）")
    }
}
