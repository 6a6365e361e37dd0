import XCTest
@testable import KaiquNLU

final class DataFileTests: XCTestCase {
    func testReadsBlocksKeysBareLinesAndContinuations() throws {
        let text = """
        # comment
        reply help
          zh: 第一行
            | 第二行
          en: one

        list visit
          拜访 | visit
        """
        let blocks = try DataFileParser.parse(text, file: "a.kaiqu", kinds: ["reply", "list"])
        XCTAssertEqual(blocks.map(\.kind), ["reply", "list"])
        XCTAssertEqual(blocks[0].values("zh").first?.value, "第一行\n第二行")
        XCTAssertEqual(blocks[0].values("en").first?.location.description, "a.kaiqu:5")
        XCTAssertEqual(blocks[1].lines.first?.key, nil)
        XCTAssertEqual(blocks[1].lines.first?.value, "拜访 | visit")
    }

    func testUnknownBlocksAndStrayLinesAreErrorsWithPositions() {
        let text = "  zh: orphan\nintnet help\n"
        XCTAssertThrowsError(try DataFileParser.parse(text, file: "b.kaiqu", kinds: ["intent"])) { error in
            let errors = (error as! DataErrors).errors
            XCTAssertEqual(errors.map(\.position), ["b.kaiqu:1:3", "b.kaiqu:2:1"])
            XCTAssertEqual(errors[0].problem, .lineOutsideBlock)
            XCTAssertEqual(errors[1].problem, .unknownBlock("intnet", known: ["intent"]))
        }
    }

    func testWindowsLineEndsTabsAndWideSpaces() throws {
        let text = "list visit\r\n\t拜访 | visit\u{3000}\r\n  # comment\r\nreply a.b\r\n  zh-Hant:\t\u{3000}第一行 \r\n    |  第二行\r\n"
        let blocks = try DataFileParser.parse(text, file: "c.kaiqu", kinds: ["reply", "list"])
        XCTAssertEqual(blocks.map(\.name), ["visit", "a.b"])
        XCTAssertEqual(blocks[0].lines.first?.value, "拜访 | visit", "U+3000 is trimmed like a space")
        XCTAssertEqual(blocks[0].lines.first?.location.column, 2, "a tab indents one column")
        XCTAssertEqual(blocks[1].lines.first?.key, "zh-Hant")
        XCTAssertEqual(blocks[1].lines.first?.value, "第一行\n第二行")
        XCTAssertEqual(blocks[1].lines.first?.location.column, 12, "the value starts after the key, the colon and the tab")
    }
}
