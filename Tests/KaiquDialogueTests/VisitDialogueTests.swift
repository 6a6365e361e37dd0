import XCTest
@testable import KaiquDialogue
import KaiquNLU

/// Visits through the conversation: planning, clashes, cancelling and moving, logging, the
/// week's agenda and follow-ups. The clock is Wednesday 2026-11-18 10:00 +08:00.
final class VisitDialogueTests: XCTestCase {
    private func chatWithCustomers() throws -> Chat {
        let chat = try Chat()
        _ = try chat.say("添加客户 张伟 电话13800138001 杭州 经销商")
        _ = try chat.say("添加客户 李娜 电话13800138002 宁波")
        _ = try chat.say("添加客户 王强 电话13800138003 义乌")
        return chat
    }

    func testPlanningSaysWhenAndWhom() throws {
        let chat = try chatWithCustomers()
        XCTAssertEqual(try chat.say("明天下午三点拜访张伟"), ["已安排：明天 11月19日（周四） 15:00 拜访 张伟。"])
        _ = try chat.say("add customer Tom Wu, phone 13900002222")
        XCTAssertEqual(try chat.say("visit Tom Wu next Friday at 10am"), ["Planned: Fri 27 Nov 10:00: Tom Wu."])
        let visits = try chat.book.visits(from: "2026-11-16", to: "2026-11-29", statuses: [.planned], limit: 10).rows
        XCTAssertEqual(visits.map(\.start), ["2026-11-19T15:00", "2026-11-27T10:00"])
    }

    func testAVisitWithoutADayAsksForOneAndABareAnswerPlansIt() throws {
        let chat = try chatWithCustomers()
        XCTAssertEqual(try chat.keys("安排拜访王强"), ["visit.ask_when"])
        XCTAssertEqual(try chat.keys("后天上午十点"), ["visit.scheduled"])
        XCTAssertEqual(try chat.keys("下周去见李娜"), ["visit.ask_which_day"])
        XCTAssertEqual(try chat.keys("下周三"), ["visit.scheduled"])
        let visits = try chat.book.visits(from: "2026-11-16", to: "2026-11-29", statuses: [.planned], limit: 10).rows
        XCTAssertEqual(visits.map(\.start), ["2026-11-20T10:00", "2026-11-25"])
    }

    func testAVisitInThePastIsRefused() throws {
        let chat = try chatWithCustomers()
        XCTAssertEqual(try chat.keys("昨天拜访张伟"), ["visit.in_past"])
        XCTAssertEqual(try chat.keys("今天上午九点拜访张伟"), ["visit.in_past"])
        XCTAssertEqual(try chat.book.visits(from: "2026-01-01", to: "2027-01-01", statuses: [.planned], limit: 10).total, 0)
    }

    func testAClashIsPointedOutAndCanBeOverruled() throws {
        let chat = try chatWithCustomers()
        _ = try chat.say("明天下午三点拜访张伟")
        XCTAssertEqual(try chat.say("明天下午三点半拜访王强"), ["这个时间附近你已经约了：明天 11月19日（周四） 15:00 张伟。", "还要安排吗？（是 / 不）"])
        XCTAssertEqual(try chat.keys("不"), ["visit.not_planned"])
        _ = try chat.say("明天下午三点半拜访王强")
        XCTAssertEqual(try chat.keys("是"), ["visit.scheduled"])
        XCTAssertEqual(try chat.keys("明天上午拜访张伟"), ["visit.clash_same", "visit.clash_question"])
    }

    func testCancellingAndMoving() throws {
        let chat = try chatWithCustomers()
        _ = try chat.say("明天下午三点拜访张伟")
        XCTAssertEqual(try chat.say("把拜访张伟改到周五"), ["已改期：11月20日（周五） 15:00 拜访 张伟。"])
        XCTAssertEqual(try chat.say("取消和张伟的拜访"), ["已取消：11月20日（周五） 15:00 拜访 张伟。"])
        XCTAssertEqual(try chat.keys("取消拜访张伟"), ["visit.none_planned"])
        _ = try chat.say("撤销")
        XCTAssertEqual(try chat.book.visits(from: "2026-11-20", to: "2026-11-20", statuses: [.planned], limit: 10).total, 1)
        _ = try chat.say("下周一拜访张伟")
        XCTAssertEqual(try chat.keys("取消拜访张伟"), ["visit.which_to_cancel", "line", "line", "customer.choose_hint"])
        XCTAssertEqual(try chat.keys("2"), ["visit.cancelled"])
        XCTAssertEqual(try chat.book.visits(from: "2026-11-23", to: "2026-11-23", statuses: [.planned], limit: 10).total, 0)
    }

    func testLoggingMovesTheLastContactAndFulfilsThePlannedVisit() throws {
        let chat = try chatWithCustomers()
        _ = try chat.say("明天下午三点拜访张伟")
        chat.advance(days: 1, hours: 7)
        let replies = try chat.say("刚见了张伟，他说要考虑一下")
        XCTAssertEqual(replies.first, "已记录：今天 11月19日（周四） 拜访了 张伟——他说要考虑一下。上次联系已更新。")
        let card = try XCTUnwrap(try chat.card("张伟"))
        XCTAssertEqual(card.lastContact, "2026-11-19T17:00")
        XCTAssertEqual(card.contactCount, 1)
        let visits = try chat.book.visits(of: card.id, limit: 5)
        XCTAssertEqual(visits.map(\.status), [.done], "the planned visit is the one logged, not a second")
        XCTAssertEqual(visits.first?.outcome, "他说要考虑一下", "the note as typed, filler and all")
    }

    func testTheSameDayReadsAnewAsTheClockMoves() throws {
        let chat = try chatWithCustomers()
        _ = try chat.say("明天下午三点拜访张伟")
        XCTAssertTrue(try chat.say("查看张伟").contains { $0.contains("明天 11月19日（周四） 15:00") })
        chat.advance(days: 1)
        XCTAssertTrue(try chat.say("查看张伟").contains { $0.contains("今天 11月19日（周四） 15:00") })
        chat.advance(days: -2)
        XCTAssertTrue(try chat.say("查看张伟").contains { $0.contains("下次拜访") && !$0.contains("明天") && !$0.contains("今天") })
    }

    func testABareWeekdayInALogIsTheLastOne() throws {
        let chat = try chatWithCustomers()
        _ = try chat.say("周一见了李娜")
        XCTAssertEqual(try chat.card("李娜")?.lastContact?.prefix(10), "2026-11-16")
        XCTAssertEqual(try chat.keys("明天见了李娜"), ["visit.log_future"])
    }

    func testTheWeekListsPlannedVisitsBirthdaysAndDueCustomersEachWithWhy() throws {
        let chat = try Chat(now: "2026-11-02T09:00:00+08:00")
        _ = try chat.say("添加客户 张伟 电话13800138001")
        _ = try chat.say("张伟是A类客户")
        _ = try chat.say("添加客户 李娜 电话13800138002")
        _ = try chat.say("李娜生日是11月20日")
        _ = try chat.say("添加客户 刘芳 电话13800138004")
        _ = try chat.say("刘芳生日是农历十月十一")
        _ = try chat.say("添加客户 陈杰 电话13800138005")
        chat.advance(days: 16, hours: 1)   // Wednesday 18 November
        _ = try chat.say("明天下午三点拜访陈杰")
        chat.now -= 86_400 * 2             // a visit planned for Monday, never logged
        _ = try chat.say("明天上午十点拜访李娜")
        chat.now += 86_400 * 2
        let week = try chat.say("本周要拜访谁")
        XCTAssertEqual(week, [
            "11月16日（周一） 至 11月22日（周日） 要跟进的客户：",
            "【过期未记录】1 次已到期的拜访还没有记录结果：",
            "· 昨天 11月17日（周二） 10:00 拜访 李娜——见了吗？说“见了……”记录结果，或“取消……”",
            "【已约】1 项：",
            "· 明天 11月19日（周四） 15:00 拜访 陈杰",
            "【生日】",
            "· 刘芳：明天 11月19日（周四） 生日（农历十月十一）",
            "· 李娜：11月20日（周五） 生日（11月20日）",
            "生日是联络感情的好时机：带一份带公司标记的小礼物，或至少打个电话祝贺。",
            "【按节奏该联系】1 位：",
            "· 张伟 — A类每 7 天联系，建卡 16 天前，还没联系过，尽快第一次联系",
            "今日检视：A类客户共 1 位（A类每天过一遍，说“列出A类客户”查看）。",
        ])
        let english = try chat.say("who should I visit this week")
        XCTAssertEqual(english.first, "Whom to see, Mon 16 Nov to Sun 22 Nov:")
        XCTAssertTrue(english.contains("· 张伟 — card A, every 7 days, card created 16 days ago, never contacted, first contact due now"), english.joined(separator: "\n"))
    }

    func testFollowUpsAreWorstFirstAndCanAskForDays() throws {
        let chat = try Chat(now: "2026-10-01T09:00:00+08:00")
        _ = try chat.say("添加客户 甲一 电话13800138001")
        _ = try chat.say("甲一是A类客户")
        _ = try chat.say("添加客户 乙二 电话13800138002")
        _ = try chat.say("乙二是C类客户")
        chat.advance(days: 20)
        _ = try chat.say("添加客户 丙三 电话13800138003")
        chat.advance(days: 28)   // 18 November
        let due = try chat.say("哪些客户很久没联系了")
        XCTAssertEqual(due, [
            "该跟进的客户共 2 位（逾期最久的在前）：",
            // An A card nobody has contacted is due from the day it was made: the worst.
            "1. 甲一 — A类每 7 天联系，建卡 48 天前，还没联系过，尽快第一次联系",
            "2. 乙二 — C类每 30 天联系，建卡 48 天前，还没联系过，已逾期 18 天",
        ])
        XCTAssertEqual(try chat.say("哪些客户30天没联系了").first, "共 2 位客户（30 天没联系）：")
        _ = try chat.say("今天见了甲一")
        XCTAssertEqual(try chat.say("哪些客户很久没联系了").count, 2)
    }

    func testARegionTripSuggestsWhomToSee() throws {
        let chat = try chatWithCustomers()
        XCTAssertEqual(try chat.say("周一到周三跑一趟义乌"), ["在 义乌 有 1 位客户可以顺便拜访：", "· 王强 · 义乌 · 13800138003", "要安排哪位，就说“周一拜访王强”。"])
    }
}
