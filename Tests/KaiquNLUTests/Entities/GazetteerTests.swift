import XCTest
@testable import KaiquNLU

final class GazetteerTests: XCTestCase {
    let normalizer = TestData.normalizer

    private func names(_ gazetteer: Gazetteer, _ text: String) -> [[String]] {
        let tokens = Tokenizer.tokens(of: normalizer.normalize(text), lexicon: TestData.rules.lexicon)
        return gazetteer.matches(in: tokens).map(\.names)
    }

    func testLongestAndAllMatchesAreReported() {
        let g = Gazetteer(names: ["张三", "张三丰", "Li Ming"], normalizer: normalizer)
        XCTAssertEqual(names(g, "拜访张三丰"), [["张三"], ["张三丰"]])
        XCTAssertEqual(names(g, "see li ming now"), [["Li Ming"]])
    }

    func testTraditionalAndSimplifiedSpellingsAreOneCustomer() {
        let g = Gazetteer(names: ["張偉"], normalizer: normalizer)
        XCTAssertEqual(names(g, "拜访张伟"), [["張偉"]])
        XCTAssertEqual(names(g, "拜訪張偉"), [["張偉"]])
    }

    func testSameNameTwiceIsReturnedTwice() {
        let g = Gazetteer(names: ["王芳", "王芳"], normalizer: normalizer)
        XCTAssertEqual(names(g, "王芳"), [["王芳", "王芳"]])
    }

    func testAHundredThousandCustomersAreFoundByHashNotScan() {
        var all: [String] = []
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰")
        for i in 0..<100_000 {
            all.append(String(surnames[i % surnames.count]) + String(given[(i / 20) % given.count]) + String(given[(i / (surnames.count * given.count)) % given.count]) + (i >= surnames.count * given.count * given.count ? "\(i)" : ""))
        }
        all.append("Zhang Wei")
        let g = Gazetteer(names: all, normalizer: normalizer)
        XCTAssertEqual(g.count, 100_001)
        XCTAssertEqual(names(g, "call zhang wei"), [["Zhang Wei"]])
        XCTAssertEqual(names(g, "拜访王伟伟").first, ["王伟伟"])
    }
}

final class CustomerExtractorTests: XCTestCase {
    private func customers(_ text: String, known: [String]) -> [String] {
        let rules = TestData.rules
        let context = ParseContext(now: TestData.context.now, timeZone: TestData.context.timeZone, customers: rules.gazetteer(known))
        return TestData.parser.analyze(text, context: context).entities.filter { $0.type == "customer" }.map(\.value)
    }

    func testASharedSurnameIsKeptAsTypedSoTheDialogueCanAsk() {
        XCTAssertEqual(customers("王总说要考虑", known: ["王芳", "王强", "李四"]), ["王总"])
        XCTAssertEqual(customers("王总说要考虑", known: ["王芳", "李四"]), ["王芳"])
    }

    func testTwoCustomersWithOneNameAreKeptAsTyped() {
        XCTAssertEqual(customers("拜访王芳", known: ["王芳", "王芳"]), ["王芳"])
    }

    func testCompoundSurnames() {
        XCTAssertEqual(customers("欧阳总", known: ["欧阳娜娜", "欧文"]), ["欧阳娜娜"])
        XCTAssertEqual(customers("欧总", known: ["欧阳娜娜", "欧文"]), ["欧文"])
    }

    func testAFullNameIsNotAlsoReadAsAnHonorific() {
        XCTAssertEqual(customers("王总", known: ["王总", "王强"]), ["王总"])
    }
}
