import XCTest
@testable import KaiquNLU

/// `BytesKey` keys a dictionary by a string's UTF-8 bytes: equal bytes meet, anything else
/// does not (not even the same text written with another normalization).
final class BytesKeyTests: XCTestCase {
    func testEqualBytesAreOneKeyAndOthersAreNot() {
        let long = String(repeating: "王建国", count: 10)
        let texts = ["", "王", "王建国", "欧阳", "chen", "Chen", long, long + "。", "e\u{301}", "\u{E9}"]
        var keys: [BytesKey: Int] = [:]
        for (index, text) in texts.enumerated() { keys[BytesKey(text)] = index }
        XCTAssertEqual(keys.count, texts.count, "é written two ways stays two keys")
        for (index, text) in texts.enumerated() {
            // Built anew, small or on the heap: found by its bytes alone.
            let rebuilt = String(decoding: Array(text.utf8), as: UTF8.self)
            XCTAssertEqual(keys[BytesKey(rebuilt)], index, text)
            XCTAssertEqual(BytesKey(rebuilt).hashValue, BytesKey(text).hashValue, text)
        }
        XCTAssertNil(keys[BytesKey("王建")])
        XCTAssertNotEqual(BytesKey("王建国"), BytesKey("王建图"))
    }

    func testASurnameIsFoundByItsBytes() {
        let gazetteer = TestData.rules.gazetteer(["王建国", "王建国", "欧阳明", "Li Ming"])
        XCTAssertTrue(gazetteer.hasSurname("王"))
        XCTAssertEqual(gazetteer.soleName(withSurname: String(decoding: Array("王".utf8), as: UTF8.self)), "王建国")
        XCTAssertTrue(gazetteer.hasSurname("li"))
        XCTAssertFalse(gazetteer.hasSurname("张"))
    }
}
