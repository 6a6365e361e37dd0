import XCTest
@testable import KaiquCLI

final class InputCleanerTests: XCTestCase {
    func testEscapeSequencesAndControlsAreRemoved() {
        XCTAssertEqual(InputCleaner.clean(Array("\u{1B}[1;31m帮助\u{1B}[0m".utf8)), .text("帮助"))
        XCTAssertEqual(InputCleaner.clean(Array("\u{1B}]0;title\u{07}hi\u{1B}]8;;x\u{1B}\\there".utf8)), .text("hithere"))
        XCTAssertEqual(InputCleaner.clean(Array("a\u{0}b\u{7F}c\u{9B}d".utf8)), .text("abcd"))
        XCTAssertEqual(InputCleaner.clean(Array("\u{202E}evil\u{202C}".utf8)), .text("evil"))
        XCTAssertEqual(InputCleaner.clean(Array("\tvisit\tZhang ".utf8)), .text("visit Zhang"))
    }

    func testEmptyAndUnreadableLinesAreTold() {
        XCTAssertEqual(InputCleaner.clean(Array("  \u{3000} ".utf8)), .empty)
        XCTAssertEqual(InputCleaner.clean([0xC3, 0x28]), .unreadable)
        XCTAssertEqual(InputCleaner.clean(Array("\u{1B}[".utf8)), .empty)
    }
}
