import XCTest
@testable import KaiquCLI

final class ReplyShapingTests: XCTestCase {
    func testPhonesAreMaskedAndOtherNumbersKept() {
        XCTAssertEqual(ReplyShaping.maskPhones("电话：13800138000"), "电话：138****8000")
        XCTAssertEqual(ReplyShaping.maskPhones("138-0013-8003 和 138 0013 8003"), "138-****-8003 和 138 **** 8003")
        XCTAssertEqual(ReplyShaping.maskPhones("座机 021-12345678"), "座机 021-****5678")
        XCTAssertEqual(ReplyShaping.maskPhones("+86 13800138000"), "+86 1******8000")
        // Dates, times, amounts and short numbers stay as they are.
        for kept in ["2026-11-18 15:00", "成交 300000 元", "第 5 步", "1,380,013 元", "v1.2.3"] {
            XCTAssertEqual(ReplyShaping.maskPhones(kept), kept)
        }
        // A phone followed by a date keeps the date.
        XCTAssertEqual(ReplyShaping.maskPhones("13800138000 2026-11-18"), "138****8000 2026-11-18")
    }

    func testSplitKeepsLinesWholeAndFitsTheLimit() {
        let lines = (1...40).map { "第 \($0) 行：王建国 · 四级 · 杭州" }
        let text = lines.joined(separator: "\n")
        let parts = ReplyShaping.split(text, limit: 200)
        XCTAssertGreaterThan(parts.count, 1)
        XCTAssertTrue(parts.allSatisfy { $0.utf8.count <= 200 })
        XCTAssertEqual(parts.joined(separator: "\n"), text, "nothing is lost or reordered")
        // A single line longer than the limit is cut between characters.
        let long = String(repeating: "渠", count: 100)
        let cut = ReplyShaping.split(long, limit: 64)
        XCTAssertTrue(cut.allSatisfy { $0.utf8.count <= 64 })
        XCTAssertEqual(cut.joined(), long)
        XCTAssertEqual(ReplyShaping.split("短", limit: 64), ["短"])
        // An empty line stays inside a part; none opens one.
        XCTAssertEqual(ReplyShaping.split("aaa\n\nbbb", limit: 4), ["aaa\n", "bbb"])
        XCTAssertEqual(ReplyShaping.split("aaa\n\n\nbbbb", limit: 4), ["aaa\n", "bbbb"])
        XCTAssertEqual(ReplyShaping.split("渠渠\n道道道", limit: 7), ["渠渠", "道道", "道"])
        // Newlines at the ends, and a long line after short ones.
        XCTAssertEqual(ReplyShaping.split("aaaa\n", limit: 4), ["aaaa"])
        XCTAssertEqual(ReplyShaping.split("\naaaa", limit: 4), ["aaaa"])
        XCTAssertEqual(ReplyShaping.split("ab\ncd\n渠渠渠", limit: 6), ["ab\ncd", "渠渠", "渠"])
    }

    func testOnlyMessagesAddressedToTheBotAreForIt() {
        XCTAssertEqual(ReplyShaping.addressed("@开渠 本周要拜访谁", botName: "开渠", prefix: nil), "本周要拜访谁")
        XCTAssertEqual(ReplyShaping.addressed("本周要拜访谁 @开渠", botName: "开渠", prefix: nil), "本周要拜访谁")
        XCTAssertEqual(ReplyShaping.addressed("＠开渠 帮助", botName: "开渠", prefix: nil), "帮助")
        XCTAssertEqual(ReplyShaping.addressed("kq 列出客户", botName: "开渠", prefix: "kq "), "列出客户")
        XCTAssertNil(ReplyShaping.addressed("大家好，今天开会", botName: "开渠", prefix: nil))
        XCTAssertNil(ReplyShaping.addressed("我跟@开渠说过了吗 不对", botName: "开渠", prefix: nil))
    }

    func testCoalescingGathersTheLaterReplies() {
        XCTAssertEqual(ReplyShaping.coalesce(["a", "b", "c"], into: 2, limit: 100), ["a", "b\n\nc"])
        XCTAssertEqual(ReplyShaping.coalesce(["a", "b"], into: 5, limit: 100), ["a", "b"])
        XCTAssertEqual(ReplyShaping.coalesce(["a", "b", "c"], into: 1, limit: 100), ["a\n\nb\n\nc"])
    }

    func testAGroupOverItsRateWaits() {
        var rate = GroupRate(perMinute: 3)
        XCTAssertEqual(rate.room("g", now: 0), 3)
        XCTAssertEqual(rate.send(2, chat: "g", now: 0), 0)
        XCTAssertEqual(rate.room("g", now: 1), 1, "one message left in the minute")
        XCTAssertEqual(rate.send(1, chat: "g", now: 1), 0)
        XCTAssertEqual(rate.room("g", now: 2), 1, "a full group still gets its answer, later")
        XCTAssertEqual(rate.send(1, chat: "g", now: 2), 58_000, "waits until the first message of the minute ages out")
        XCTAssertEqual(rate.send(2, chat: "g", now: 3), 58_000, "two more wait for the minute's second and third to age out")
        XCTAssertEqual(rate.room("other", now: 3), 3, "each group has its own rate")
        XCTAssertEqual(rate.send(1, chat: "g", now: 300), 0, "a quiet minute later the group may post at once")
    }

    func testRequestsAreReadStrictly() throws {
        func parse(_ text: String) -> Result<BridgeRequest, BridgeRequest.Problem> { BridgeRequest.parse(Array(text.utf8)) }
        let ok = try parse(#"{"id":"a1","user":"wecom:zw","chat":"dm","text":"你好"}"#).get()
        XCTAssertEqual(ok.id, #""a1""#)
        XCTAssertFalse(ok.isGroup)
        XCTAssertEqual(try parse(#"{"id":7,"user":"u","chat":"g1","text":"x"}"#).get().id, "7")
        XCTAssertEqual(parse("not json"), .failure(.badJSON("not JSON")))
        XCTAssertEqual(parse("[1,2]"), .failure(.badJSON("not an object")))
        XCTAssertEqual(parse(#"{"id":"a","chat":"dm","text":"x"}"#), .failure(.missingField("user", id: #""a""#)))
        XCTAssertEqual(parse(#"{"id":"a","user":"u","chat":"dm","text":5}"#), .failure(.missingField("text", id: #""a""#)))
        XCTAssertEqual(parse(#"{"user":"u","chat":"dm","text":"x"}"#), .failure(.missingField("id", id: "null")))
        XCTAssertEqual(Bridge.leadingID(Array(#"{"id":"long-1","user":"u","text":"渠渠"#.utf8)), #""long-1""#)
        XCTAssertEqual(Bridge.leadingID(Array(#"{ "id" : 42, "text":"#.utf8)), "42")
        XCTAssertEqual(Bridge.leadingID(Array(#"{"text":"渠渠"#.utf8)), "null")
    }
}
