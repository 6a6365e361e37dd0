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
}
