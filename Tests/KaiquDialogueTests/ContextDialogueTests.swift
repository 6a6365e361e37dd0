import XCTest
@testable import KaiquDialogue
import KaiquNLU

/// Context without surprises: a pending question takes a line only when it reads as an
/// answer; a line that is a request of its own is that request; numbers inside dates never
/// tick; a coaching question writes nothing onto the last customer's card.
final class ContextDialogueTests: XCTestCase {
    private func chat() throws -> Chat {
        let chat = try Chat()
        _ = try chat.say("添加客户 张三 电话13800138000")
        _ = try chat.say("添加客户 李四 电话13800138001")
        return chat
    }

    func testFiveCAnswersInWords() throws {
        let chat = try chat()
        _ = try chat.say("评估一下张三的信用")
        for answer in ["付款一直都很准时", "生意还不错", "负债率大概40%", "只能押一部分", "商圈在走下坡"] {
            _ = try chat.say(answer)
        }
        let card = try XCTUnwrap(try chat.card("张三"))
        XCTAssertEqual(card.creditScores, [5, 4, 4, 3, 1])
    }

    func testARequestDuringTheFiveCQuestionsIsThatRequest() throws {
        let chat = try chat()
        _ = try chat.say("评估一下张三的信用")
        let keys = try chat.keys("约李四后天下午4点吃饭")
        XCTAssertEqual(keys.first, "pending.dropped", "the 4 of 4点 is no score")
        XCTAssertTrue(keys.contains("visit.scheduled"), "\(keys)")
        XCTAssertNil(try chat.card("张三")?.creditGrade)
        _ = try chat.say("评估一下张三的信用")
        XCTAssertEqual(try chat.keys("第3步的客户有哪些").first, "pending.dropped", "the 3 of 第3步 is no score")
    }

    func testNumbersInADateTickNothing() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        let id = try XCTUnwrap(try chat.card("张三")).id
        _ = try chat.say("王五生日4月6号")
        XCTAssertEqual(try chat.book.flow(of: id)?.ticked ?? [], [])
        XCTAssertEqual(try chat.say("1 3").first, "已打勾 2 项：1，3。", "a reply of numbers still ticks")
    }

    func testACoachingQuestionWritesNothingOntoTheLastCustomer() throws {
        let chat = try chat()
        _ = try chat.say("查看李四")
        let id = try XCTUnwrap(try chat.card("李四")).id
        let keys = try chat.keys("他老嫌我们价格高，怎么破")
        XCTAssertEqual(keys.first, "coach.title", "the playbook, for nobody in particular")
        XCTAssertNil(try chat.book.flow(of: id), "no objection on 李四's flow")
        XCTAssertEqual(try chat.book.notes(of: id, limit: 10).count, 0, "no note on 李四's card")
        // A statement about the customer in context is about him.
        XCTAssertEqual(try chat.keys("他说太贵了").first, "coach.title_for")
    }

    func testACorrectionThatOverrulesASureReadingIsAskedAbout() throws {
        let chat = try chat()
        _ = try chat.say("周五拜访李四")
        let id = try XCTUnwrap(try chat.card("李四")).id
        XCTAssertEqual(try chat.book.visits(of: id, limit: 10).filter { $0.status == .planned }.count, 1)
        // 取宵 is read as 取消 only after the typo pass: the visit is not called off unasked.
        let asked = try chat.say("周五跟李四的拜访取宵")
        XCTAssertEqual(asked.count, 1)
        XCTAssertTrue(asked[0].contains("取消"), "\(asked)")
        XCTAssertEqual(try chat.book.visits(of: id, limit: 10).filter { $0.status == .planned }.count, 1, "nothing cancelled before the rep says yes")
        _ = try chat.say("是")
        XCTAssertEqual(try chat.book.visits(of: id, limit: 10).filter { $0.status == .planned }.count, 0)
    }

    func testALooseReadingIsAskedAboutBeforeItChangesAnything() throws {
        let chat = try chat()
        XCTAssertEqual(try chat.say("添加客护 赵敏"), ["你是要添加客户 赵敏吗？（是 / 不）"], "read only once 客护 was taken for 客户")
        XCTAssertNil(try chat.card("赵敏"), "nothing is written before the rep says yes")
        XCTAssertEqual(try chat.keys("是").first, "customer.ask_phone")
        _ = try chat.say("跳过")
        XCTAssertNotNil(try chat.card("赵敏"))
        _ = try chat.say("添加客护 钱七")
        XCTAssertEqual(try chat.keys("不"), ["guess.dropped"])
        XCTAssertNil(try chat.card("钱七"))
        XCTAssertEqual(try chat.keys("添加客户 孙八 电话13900001234").first, "customer.added_details", "a sure reading acts at once")
    }

    func testAskingAboutTermsIsASignalNotAnObjection() throws {
        let chat = try chat()
        let keys = try chat.keys("刚见了张三，他挺有兴趣，问了账期和最少进多少")
        XCTAssertEqual(keys.first, "visit.logged_outcome")
        XCTAssertTrue(keys.contains("signal.seen"), "a buying signal: \(keys)")
        XCTAssertFalse(keys.contains("coach.attached"), "\(keys)")
        let flow = try chat.book.flow(of: XCTUnwrap(try chat.card("张三")).id)
        XCTAssertEqual(flow?.objections.map(\.kind) ?? [], [], "no objection recorded")
        XCTAssertNotEqual(flow?.step, 5, "not moved to handling objections")
    }
}
