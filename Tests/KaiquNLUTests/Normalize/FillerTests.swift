import XCTest
@testable import KaiquNLU

final class FillerTests: XCTestCase {
    private func kept(_ text: String) -> String {
        TestData.parser.analyze(text, context: TestData.context).tokens.map(\.text).joined(separator: " ")
    }

    func testParticlesGoOnlyAtClauseEdges() {
        XCTAssertEqual(kept("查看张三吧"), "查 看 张 三")
        XCTAssertEqual(kept("吧台"), "吧 台")
        XCTAssertEqual(kept("要请示"), "要 请 示")
    }

    func testPolitenessGoesOnlyWhereAClauseStarts() {
        XCTAssertEqual(kept("请帮我查看一下张三"), "查 看 张 三")
        XCTAssertEqual(kept("张三，请看"), "张 三 看")
        XCTAssertEqual(kept("what can you do"), "what can you do")
        XCTAssertEqual(kept("can you help"), "help")
    }

    func testEntitiesKeepTheirWords() {
        // 一下 is padding, but not inside a customer's name.
        let rules = TestData.rules
        let context = ParseContext(now: TestData.context.now, timeZone: TestData.context.timeZone,
                                   customers: Gazetteer(names: ["王一下"], normalizer: rules.normalizer))
        XCTAssertEqual(TestData.parser.analyze("查看王一下", context: context).tokens.map(\.text), ["查", "看", "王", "一", "下"])
    }
}
