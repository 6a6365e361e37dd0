import Foundation
import XCTest
@testable import KaiquNLU

final class NormalizerTests: XCTestCase {
    let normalizer = TestData.normalizer

    func testFoldsWidthCaseAndTraditionalOneForOne() {
        let text = normalizer.normalize("ＡＢＣ１２３　拜訪張三，VISIT")
        XCTAssertEqual(text.foldedText, "abc123 拜访张三,visit")
        XCTAssertEqual(text.original.count, text.scalars.count)
        // Ranges of the folded text quote what was typed.
        XCTAssertEqual(text.typed(9..<11), "張三")
    }

    func testTableAgreesWithICU() throws {
        // The table was made from ICU's Hant-Hans transform; if a pair drifts, folding would
        // silently disagree with what Foundation does.
        var disagreements: [String] = []
        for (traditional, simplified) in normalizer.traditionalToSimplified {
            let icu = String(Character(traditional)).applyingTransform(StringTransform("Hant-Hans"), reverse: false)
            if icu != String(Character(simplified)) { disagreements.append("\(traditional)→\(simplified) (ICU: \(icu ?? "nil"))") }
        }
        XCTAssertGreaterThan(normalizer.traditionalToSimplified.count, 2_500)
        XCTAssertEqual(disagreements.prefix(10), [])
    }

    func testTableErrorsNameTheirPlace() {
        XCTAssertThrowsError(try Normalizer.parseTable("# comment\n個个 亂\n", file: "t.table")) { error in
            let e = error as! DataError
            XCTAssertEqual(e.position, "t.table:2:4")
            XCTAssertEqual(e.problem, .notACharacterPair("亂"))
        }
    }

    func testDetectsLanguage() {
        XCTAssertEqual(Language.detect("拜访张三", normalizer: normalizer), .zhHans)
        XCTAssertEqual(Language.detect("拜訪張三", normalizer: normalizer), .zhHant)
        XCTAssertEqual(Language.detect("visit Li Ming", normalizer: normalizer), .en)
        XCTAssertNil(Language.detect("13800138000", normalizer: normalizer))
    }

    func testTokenizesHanByCharacterAndLatinByWord() {
        let tokens = Tokenizer.tokens(of: normalizer.normalize("拜访 Li Ming，3点!"), lexicon: TestData.rules.lexicon)
        XCTAssertEqual(tokens.map(\.text), ["拜", "访", "li", "ming", "3", "点"])
    }

    func testTrimmingSpaces() {
        XCTAssertEqual("  拜访 \t".trimmingSpaces(), "拜访")
        XCTAssertEqual("\u{3000}拜访\u{00A0}".trimmingSpaces(), "拜访")
        XCTAssertEqual("\u{2003} a b \u{205F}".trimmingSpaces(), "a b")
        XCTAssertEqual(" \u{3000} ".trimmingSpaces(), "")
        XCTAssertEqual("".trimmingSpaces(), "")
        XCTAssertEqual("訪", "訪".trimmingSpaces(), "a last byte that also ends spaces is no space")
        XCTAssertEqual(String(trimmingSpaces: Array("  李四 | ".utf8)[...]), "李四 |")
    }

    func testPairsOutsideTheCJKBlocksFoldToo() {
        let normalizer = Normalizer(traditionalToSimplified: ["個": "个", "\u{2F81A}": "冬", "Ⅻ": "x"])
        XCTAssertEqual(normalizer.fold("個"), "个")
        XCTAssertEqual(normalizer.fold("\u{2F81A}"), "冬")
        XCTAssertEqual(normalizer.simplified("Ⅻ"), "x")
        XCTAssertNil(normalizer.simplified("个"))
        XCTAssertEqual(normalizer.traditionalToSimplified, ["個": "个", "\u{2F81A}": "冬", "Ⅻ": "x"])
    }
}
