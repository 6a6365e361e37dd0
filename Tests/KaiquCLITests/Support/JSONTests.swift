import Foundation
import XCTest
@testable import KaiquCLI

/// The JSON `kaiqu serve` writes, read back by a real JSON reader; and what a reply line may hold.
final class JSONTests: XCTestCase {
    func testStringsReadBackAsWritten() throws {
        let texts = ["", "张伟", "a\"b\\c", "行一\n行二\r\t", "\u{0}\u{1}\u{1F}\u{7F}", "\u{2028}\u{2029}", "e\u{301} 🙂 ¥", "\u{E2}\u{80}"]
        for text in texts {
            let line = JSON.object([("text", JSON.string(text))])
            XCTAssertFalse(line.contains("\n"), "one line: \(line)")
            XCTAssertFalse(line.contains("\u{2028}"), "no JavaScript line break: \(line)")
            let read = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            XCTAssertEqual(read["text"], text)
        }
    }

    /// A direct message's replies are escaped one by one with an escaped newline between them
    /// (`ResponseShaper`): the same bytes as the joined text escaped whole.
    func testRepliesEscapedApartEqualTheirJoinedTextEscaped() throws {
        let replies = ["【王建国】", "电话：138\"0013\\8000", "", "行\t一\r", "\u{1}…€\u{2028}¥·", "\u{E2}\u{80}\u{A8}x\u{2029}", "e\u{301} 🙂"]
        for count in 1...replies.count {
            let some = Array(replies.prefix(count))
            var apart: [UInt8] = [0x22]
            for (index, reply) in some.enumerated() {
                if index > 0 { apart += Array(#"\n"#.utf8) }
                JSON.appendEscaped(reply, to: &apart)
            }
            apart.append(0x22)
            var whole: [UInt8] = []
            JSON.append(some.joined(separator: "\n"), to: &whole)
            XCTAssertEqual(String(decoding: apart, as: UTF8.self), String(decoding: whole, as: UTF8.self))
            let read = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(apart), options: .fragmentsAllowed) as? String)
            XCTAssertEqual(read, some.joined(separator: "\n"))
        }
    }

    func testControlsLeaveAReplyAndNothingElseDoes() {
        XCTAssertEqual(Conversation.safe("已添加\u{1B}[31m 张伟\u{7}\n电话\u{9B}2J：1\u{7F}38"), "已添加[31m 张伟\n电话2J：138")
        let clean = "【王建国】\n电话：13800138000 · ¥50,000 · é"
        XCTAssertEqual(Conversation.safe(clean), clean)
    }
}
