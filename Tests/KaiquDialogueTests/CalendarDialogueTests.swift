import XCTest
@testable import KaiquDialogue
import KaiquNLU

/// Planning around the calendar through the conversation: a visit on a day off asks first, a
/// 调休 Saturday is a working day, the agenda shows festivals, breaks and the festival visits
/// due, and calls, WeChat and samples are contacts of their own kind (a planned one is a
/// reminder). The clock starts on Monday 2026-09-21, the week of 中秋, before 国庆.
final class CalendarDialogueTests: XCTestCase {
    private func chat() throws -> Chat {
        let chat = try Chat(now: "2026-09-01T09:00:00+08:00")
        _ = try chat.say("添加客户 李娜 电话13800138002 宁波 代理商")
        _ = try chat.say("李娜是A类客户")
        _ = try chat.say("添加客户 王建国 电话13800138004 温州 批发商")
        _ = try chat.say("王建国是B类客户")
        _ = try chat.say("添加客户 张伟 电话13800138001 杭州 经销商")
        chat.advance(days: 20)
        return chat
    }

    private func planned(_ chat: Chat) throws -> [Visit] {
        try chat.book.visits(from: "2026-09-01", to: "2026-12-31", statuses: [.planned], limit: 20).rows
    }

    func testAVisitOnADayOffAsksFirst() throws {
        let chat = try chat()
        XCTAssertEqual(try chat.say("10月3日拜访张伟"), ["10月3日（周六）是国庆节假期，客户多半不在店里，还约吗？（是/不）"])
        XCTAssertEqual(try chat.keys("不"), ["visit.not_planned"])
        XCTAssertEqual(try planned(chat), [])
        XCTAssertEqual(try chat.keys("10月3日拜访张伟"), ["visit.day_off"])
        XCTAssertEqual(try chat.keys("是"), ["visit.scheduled"])
        XCTAssertEqual(try planned(chat).map(\.day), ["2026-10-03"])
    }

    func testACallOnADayOffIsSetWithoutAsking() throws {
        let chat = try chat()
        XCTAssertEqual(try chat.say("提醒我10月3日给张伟打电话"), ["好的，到时提醒你：10月3日（周六） 给 张伟 打电话。"])
        XCTAssertEqual(try planned(chat).map(\.kind), [.call])
    }

    func testAWorkingSaturdayIsSaidWhenPlanned() throws {
        let chat = try chat()
        XCTAssertEqual(try chat.say("10月10日上午十点拜访王建国"),
                       ["已安排：10月10日（周六） 10:00 拜访 王建国。", "提醒：10月10日（周六）是国庆节调休的上班日。"])
        XCTAssertEqual(try chat.say("10月11日上午十点拜访李娜"), ["已安排：10月11日（周日） 10:00 拜访 李娜。"])
    }

    func testAFestivalWordIsADayToPlan() throws {
        let chat = try chat()
        XCTAssertEqual(try chat.keys("国庆节前拜访李娜"), ["visit.ask_which_day"])
        XCTAssertEqual(try chat.keys("9月29日上午十点"), ["visit.scheduled"])
        XCTAssertEqual(try planned(chat).map(\.start), ["2026-09-29T10:00"])
    }

    func testTheAgendaShowsFestivalsBreaksAndFestivalVisits() throws {
        let chat = try chat()
        let week = try chat.say("本周要拜访谁")
        XCTAssertTrue(week.contains("【节日】9月25日（周五） 中秋节：给重点客户（0 位）送上祝福或节礼。"), "\(week)")
        XCTAssertTrue(week.contains("【放假】9月25日（周五） 至 9月27日（周日） 中秋节假期：客户多半不在店里，拜访放到假前或假后。"), "\(week)")
        XCTAssertTrue(week.contains("【节前拜访】9月25日（周五） 中秋节前，还有 2 位 A、B 类客户没走访："), "\(week)")
        XCTAssertTrue(week.contains("· 李娜（A）") && week.contains("· 王建国（B）") && !week.contains("· 张伟"), "\(week)")
        XCTAssertTrue(week.contains { $0.hasPrefix("节前走一趟：带上印有公司标志的节礼") }, "\(week)")
        // Once seen, a customer is off the festival list.
        _ = try chat.say("刚见了李娜，她说节后补货")
        let after = try chat.say("本周要拜访谁")
        XCTAssertTrue(after.contains("【节前拜访】9月25日（周五） 中秋节前，还有 1 位 A、B 类客户没走访："), "\(after)")
        XCTAssertFalse(after.contains("· 李娜（A）"), "\(after)")
        // The 国庆 break is shown whole, and a 调休 Saturday as a working day.
        let october = try chat.say("10月5日到10月11日要拜访谁")
        XCTAssertTrue(october.contains("【放假】10月1日（周四） 至 10月7日（周三） 国庆节假期：客户多半不在店里，拜访放到假前或假后。"), "\(october)")
        XCTAssertTrue(october.contains("【调休上班】10月10日（周六） 是工作日，可以安排拜访。"), "\(october)")
    }

    func testCallsWeChatAndSamplesAreContactsOfTheirKind() throws {
        let chat = try chat()
        XCTAssertEqual(try chat.keys("提醒我周五给张伟打电话"), ["visit.reminder_set"])
        XCTAssertEqual(try chat.keys("周四下午拜访张伟"), ["visit.scheduled"])
        XCTAssertEqual(try chat.keys("下周一提醒我给王建国寄样品"), ["visit.reminder_set"])
        // A call logged that day closes the planned call, not the planned visit.
        chat.advance(days: 4, hours: 7)
        XCTAssertEqual(try chat.say("给张伟打了个电话，他说下周再谈").first, "已记录：今天 9月25日（周五） 给 张伟 打了电话——他说下周再谈。上次联系已更新。")
        let visits = try chat.book.visits(of: try XCTUnwrap(try chat.card("张伟")).id, limit: 10)
        XCTAssertEqual(visits.map { "\($0.kind.rawValue) \($0.status.rawValue)" }.sorted(), ["call done", "visit planned"])
        XCTAssertEqual(try chat.card("张伟")?.lastContact, "2026-09-25T16:00")
        XCTAssertEqual(try chat.keys("微信跟李娜聊了，她说下个月再说").first, "visit.logged_wechat_outcome")
        // Reminders show in the agenda in their own words.
        XCTAssertTrue(try chat.say("下周要拜访谁").contains("· 9月28日（周一） 给 王建国 寄样品"))
    }

    func testAConversationSavedBeforeKindsStillReads() throws {
        let saved = #"{"customer":3,"day":"2026-11-20","time":"10:00"}"#
        let plan = try JSONDecoder().decode(VisitPlan.self, from: Data(saved.utf8))
        XCTAssertNil(plan.kind)
        XCTAssertEqual(VisitPlan(customer: 3, day: "2026-11-20", kind: .visit).kind, nil)
    }
}
