import XCTest
import KaiquNLU
@testable import KaiquDialogue

/// Why a customer pays late: the six causes of 渠道帐款, each with its collection strategy and
/// a follow-up that shows in 本周要拜访谁 until the overdue money is paid.
final class OverdueCauseTests: XCTestCase {
    // 王建国 owes 3万 ordered 40 days ago: 10 days overdue on the policy's 30 days.
    private func lateChat(_ lines: [String] = ["添加客户 王建国 电话13800138000", "10月9日王建国进货3万"]) throws -> Chat {
        let chat = try Chat()
        for line in lines { _ = try chat.say(line) }
        return chat
    }

    func testEachCauseIsRecordedWithItsStrategyAndFollowUp() throws {
        let causes: [(line: String, id: String, strategy: String, days: Int)] = [
            ("王建国逾期是因为资金周转不过来", "cash", "可以给宽限，但要当面约定还款日期和金额", 7),
            ("王建国欠款的原因是生意不好", "business", "分期收回", 7),
            ("王建国拖欠是因为货物积压", "stock", "帮他把积压的货调给缺货的经销商", 3),
            ("王建国逾期的原因是合同纠纷", "dispute", "先分清是签约疏忽还是违反合同", 2),
            ("王建国是故意拖欠", "deliberate", "把话挑明，态度坚决", 1),
            ("记下王建国的逾期原因：催款不力", "collection", "打电话、发对账函、上门", 1),
        ]
        for cause in causes {
            let chat = try lateChat()
            let replies = try chat.say(cause.line)
            XCTAssertEqual(try chat.keys("撤销").first, "undo.done", cause.line)
            _ = try chat.say(cause.line)
            let name = Shipped.data.catalogue.render(Reply("cause.\(cause.id)", .zhHans))
            XCTAssertEqual(replies.first, "已记下 王建国 逾期的原因：\(name)。", "\(cause.line): \(replies)")
            XCTAssertTrue(replies.contains { $0.contains(cause.strategy) }, "\(cause.line): \(replies)")
            let followUp = CivilDay(2026, 11, 18).adding(days: cause.days)
            let card = try XCTUnwrap(chat.card("王建国"))
            let account = try chat.book.account(of: card.id, today: "2026-11-18", defaultTerms: 30)
            XCTAssertEqual(account.cause, OverdueCause(id: cause.id, recorded: "2026-11-18", followUp: followUp.description), cause.line)
        }
    }

    func testTheFollowUpShowsInTheWeekUntilThePaymentComesIn() throws {
        let chat = try lateChat()
        _ = try chat.say("王建国拖欠是因为货物积压")
        // Due on 11月21日, this week: it is on the agenda with the task.
        let week = try chat.say("本周要拜访谁")
        XCTAssertTrue(week.contains("催款跟进 1 家："), week.joined(separator: "\n"))
        XCTAssertTrue(week.contains("· 11月21日（周六） 王建国：逾期 3万，货物积压 — 找经销商调走积压的货"), week.joined(separator: "\n"))
        // The overdue list and the card name the cause.
        XCTAssertTrue(try chat.say("哪些客户欠款逾期了").contains("1. 王建国：逾期 3万，10 天（11月8日（周日）到期） · 原因：货物积压"))
        XCTAssertTrue(try chat.say("查看王建国").contains("账款：欠款 3万，其中逾期 3万（11月8日（周日）到期），逾期原因：货物积压"))
        // Paid: the follow-up is done.
        _ = try chat.say("王建国回款3万")
        XCTAssertFalse(try chat.say("本周要拜访谁").contains { $0.hasPrefix("催款跟进") })
    }

    func testACauseNeedsSomethingOwedAndAKnownCause() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 李娜 电话13800138001")
        XCTAssertEqual(try chat.say("李娜逾期是因为资金周转不过来"), ["李娜 现在没有欠款，不用记逾期原因。"])
        // Owed, not due yet: nothing is late, no follow-up is set.
        _ = try chat.say("李娜进了2万")
        XCTAssertEqual(try chat.say("李娜逾期是因为资金周转不过来"), ["李娜 的欠款还没到期（12月18日（周五）到期），现在没有逾期，原因先不记；到期没回款再说。"])
        XCTAssertNil(try chat.book.account(of: try XCTUnwrap(chat.card("李娜")).id, today: "2026-11-18", defaultTerms: 30).cause)
    }

    func testTraditionalAndEnglish() throws {
        let hant = try lateChat(["添加客戶 王建國 電話13800138000", "10月9日王建國進貨3萬"])
        let replies = try hant.say("王建國拖欠是因為經營不佳")
        XCTAssertEqual(replies.first, "已記下 王建國 逾期的原因：經營不佳。", replies.joined(separator: "\n"))
        XCTAssertTrue(replies.contains { $0.contains("分期收回") && $0.contains("幫他把貨賣出去") }, replies.joined(separator: "\n"))

        let en = try lateChat(["add customer Li Ming phone 13800138009", "Li Ming ordered 80 boxes for 30000 yuan"])
        en.advance(days: 45)
        let english = try en.say("Li Ming is late because of cash flow")
        XCTAssertEqual(english.first, "Recorded why Li Ming pays late: cash-flow trouble.", english.joined(separator: "\n"))
        XCTAssertTrue(english.contains { $0.hasPrefix("Strategy: a short cash squeeze can be given time") }, english.joined(separator: "\n"))
        XCTAssertTrue(english.contains { $0.hasPrefix("Collection follow-up with Li Ming set for") }, english.joined(separator: "\n"))
    }
}
