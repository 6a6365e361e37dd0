import XCTest
@testable import KaiquDialogue
import KaiquNLU

/// Answers to numbered questions are checked against the list they pick from: a number off
/// the list is said so and the question stays open; a range is capped by the list. Each of
/// these once crashed the chat (index out of range, an 80 GB array).
final class AnswerBoundsTests: XCTestCase {
    private func twoWangs() throws -> Chat {
        let chat = try Chat()
        _ = try chat.say("添加客户 王建国 电话13800138001")
        _ = try chat.say("添加客户 王芳 电话13800138002")
        XCTAssertEqual(try chat.keys("查看王总").first, "customer.choose")
        return chat
    }

    func testANumberOffTheListIsSaidSoAndTheQuestionStays() throws {
        for answer in ["3", "12", "0", "99999999999999999999", "第五个"] {
            let chat = try twoWangs()
            XCTAssertEqual(try chat.keys(answer), ["choice.out_of_range"], answer)
            XCTAssertTrue(try chat.say(answer).first?.contains("1 到 2") ?? false, answer)
            // Still open: a number on the list now picks.
            XCTAssertEqual(try chat.say("2").first, "【王芳】", answer)
        }
    }

    func testAPhoneOnTheListPicksItsCustomerAndAnotherPhoneDoesNot() throws {
        let chat = try twoWangs()
        XCTAssertEqual(try chat.say("13800138002").first, "【王芳】")
        let other = try twoWangs()
        XCTAssertEqual(try other.keys("13900000000"), ["choice.out_of_range"])
    }

    func testTheLastPicksTheLast() throws {
        let chat = try twoWangs()
        XCTAssertEqual(try chat.say("最后一个").first, "【王芳】")
    }

    func testAHugeRangeTicksTheWholeChecklistOnce() throws {
        for range in ["1-9999999999", "1-199999999", "1到99999999999999999999999"] {
            let chat = try Chat()
            _ = try chat.say("添加客户 张伟 电话13800138001")
            _ = try chat.say("开始开发张伟")
            _ = try chat.say(range)
            let id = try XCTUnwrap(try chat.card("张伟")).id
            let ticked = try XCTUnwrap(try chat.book.flow(of: id)).ticked
            XCTAssertEqual(ticked.count, Shipped.dialogue.data.flow.items(of: 1).count, range)
        }
    }

    func testARangeStartingPastTheListTicksNothing() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张伟 电话13800138001")
        _ = try chat.say("开始开发张伟")
        XCTAssertEqual(try chat.keys("500-9999999999"), ["flow.nothing_ticked"])
    }

    func testAnImpossiblePhoneWhileAChecklistIsOpenIsRefusedNotTicked() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张伟 电话13800138001")
        _ = try chat.say("开始开发张伟")
        XCTAssertEqual(try chat.keys("把张伟的电话改成1390000-99999999999"), ["customer.bad_phone"])
        let id = try XCTUnwrap(try chat.card("张伟")).id
        XCTAssertEqual(try chat.book.flow(of: id)?.ticked, [])
    }

    func testAHugeShareInA5CAnswerIsNoScore() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张伟 电话13800138001")
        XCTAssertEqual(try chat.keys("评估张伟的信用").last, "credit.question")
        // Character and capacity first; capital (the debt ratio) is read as a share.
        _ = try chat.say("4")
        _ = try chat.say("4")
        for answer in ["99999999999999999999%", "9999999999999999999成", "百分之99999999999999999999"] {
            XCTAssertEqual(try chat.keys(answer).last, "credit.question", answer)
        }
        XCTAssertTrue(try chat.say("大概30%").last?.hasPrefix("4/5") ?? false, "an ordinary share still scores and the next question follows")
    }
}
