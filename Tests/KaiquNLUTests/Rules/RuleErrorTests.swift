import XCTest
@testable import KaiquNLU

/// Every mistake a sales manager can make in a pattern or block stops loading with its place.
final class RuleErrorTests: XCTestCase {
    private func problems(_ text: String) -> [String: DataProblem] {
        do {
            _ = try TestData.rules(with: [("x.kaiqu", text)])
            XCTFail("expected errors")
            return [:]
        } catch {
            return Dictionary(error.errors.map { ($0.position, $0.problem) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func testPatternMistakes() {
        let found = problems("""
        intent demo.one
          zh: 查看 (张三|李四
          zh: 查看 {custmer}
          en: see ~nolist
          en: see ) now
          zh: 看 (|张三)
        """)
        XCTAssertEqual(found["x.kaiqu:2:10"], .unclosed("("))
        if case .unknownSlotType("custmer", let known)? = found["x.kaiqu:3:10"] { XCTAssertTrue(known.contains("customer")) } else {
            XCTFail("unknown slot type not reported at 3:10: \(found)")
        }
        XCTAssertEqual(found["x.kaiqu:4:11"], .unknownList("nolist"))
        XCTAssertEqual(found["x.kaiqu:5:11"], .strayCharacter(")"))
        XCTAssertEqual(found["x.kaiqu:6:9"], .emptyAlternative)
    }

    func testBlockMistakes() {
        let found = problems("""
        intent help
          zh: 帮助
        intent help
          zh: 救命
          say: hi
        lookup channel
          dealer: 代理商
          agent: 代理商
          代理 | 代理商
        intent demo.two
          example: 你好 => customer
        """)
        XCTAssertEqual(found["x.kaiqu:3:1"], .duplicateBlock("intent help", firstAt: "x.kaiqu:1"))
        XCTAssertEqual(found["x.kaiqu:5:8"], .unknownKey("say", block: "intent", expected: ["zh", "en", "example", "not"]))
        XCTAssertEqual(found["x.kaiqu:8:10"], .synonymConflict("代理商", means: "dealer", lookup: "channel"))
        XCTAssertEqual(found["x.kaiqu:9:3"], .synonymConflict("代理商", means: "dealer", lookup: "channel"),
                       "a line without a value means its first synonym, 代理, which conflicts too")
        XCTAssertEqual(found["x.kaiqu:11:18"], .badSlotPair("customer"))
    }

    func testExampleMistakesAreReportedOnlyWhenExamplesAreChecked() throws {
        let text = "intent demo.three\n  zh: 演示\n  example: 演示 => customer\n  example: 演示\n  not: 演示 => a=b\n"
        let files = TestData.files().filter { $0.path == RuleSet.tableFile } + [("x.kaiqu", text)]
        XCTAssertThrowsError(try RuleSet.load(files: files, otherKinds: [])) { error in
            XCTAssertEqual((error as? DataErrors)?.errors.map(\.position), ["x.kaiqu:3:18", "x.kaiqu:5:8"])
        }
        let rules = try RuleSet.load(files: files, otherKinds: [], checkingExamples: false)
        XCTAssertEqual(rules.intent("demo.three")?.examples.map(\.text), ["演示"], "a line that does not parse is left out")
    }
}
