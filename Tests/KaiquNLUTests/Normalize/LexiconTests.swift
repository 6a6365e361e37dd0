import XCTest
@testable import KaiquNLU

final class LexiconTests: XCTestCase {
    func testWordsAreSplitAsTheTokenizerSplitsThemAndNumberedOnce() {
        var lexicon = Lexicon()
        let normalizer = Normalizer(traditionalToSimplified: ["訪": "访"])
        var ids: [Int] = []
        lexicon.intern(wordsOf: "拜訪 Li Ming3 㐀a", folding: normalizer, into: &ids)
        XCTAssertEqual(ids.map(lexicon.word), ["拜", "访", "li", "ming", "3", "㐀", "a"])
        XCTAssertEqual(lexicon.id(of: "访"), ids[1], "a CJK character, kept by code point")
        XCTAssertEqual(lexicon.id(of: "㐀"), ids[5], "a character outside that block, kept by scalar")
        XCTAssertEqual(lexicon.id(of: "ming"), ids[3])
        XCTAssertEqual(lexicon.id(of: "訪"), -1, "only folded words are numbered")
        var again: [Int] = []
        lexicon.intern(wordsOf: "ming 访", folding: normalizer, into: &again)
        XCTAssertEqual(again, [ids[3], ids[1]])
        XCTAssertEqual(lexicon.words.count, 7)
    }
}
