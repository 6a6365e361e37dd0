import Foundation
import XCTest
import KaiquNLU

/// What the parser does with text no rep types but anyone can: counts too large for any
/// calendar, and long runs of number-like text. Each once crashed (an Int from a Double out of
/// range) or took a second (reading the rest of the line from every place).
final class BoundsTests: XCTestCase {
    private func entities(_ text: String) -> [Entity] {
        TestData.parser.analyze(text, context: TestData.context).entities
    }

    func testAHugeCountOfTimeIsNoTime() {
        for text in ["in 99999999999999999999 days", "in 99999999999999999999 hours", "next 99999999999999999999 years",
                     "99999999999999999999 fridays from now", "for 99999999999999999999 minutes", "99999999999999999999天后",
                     "in 1e308 days"] {
            // ("from now" alone may still be read as now.)
            XCTAssertFalse(entities(text).contains { TemporalExtractor.types.contains($0.type) && $0.range.lowerBound < 10 }, text)
        }
        // Ordinary counts still are.
        XCTAssertEqual(entities("in 3 days").first { $0.type == "date" }?.value, "2026-11-21")
        XCTAssertEqual(entities("三天后").first { $0.type == "date" }?.value, "2026-11-21")
    }

    func testOnALongRunOfNumberLikeTextNoExpressionIsLongerThanTheWindow() {
        // The speed itself is kaiqu-bench's to show (a 4 KB line of 9千9千… in well under 100 ms).
        for unit in ["9千", "1-", "x1", "Q1", "1,", "1."] {
            let text = String(repeating: unit, count: 1_000)
            let found = entities(text)
            XCTAssertTrue(found.allSatisfy { $0.range.count <= TemporalExtractor.window }, unit)
        }
    }

    func testAWindowDoesNotCutADateOnALongLine() {
        let text = String(repeating: "好", count: 200) + " 明天下午三点拜访王建国 " + String(repeating: "好", count: 200)
        XCTAssertEqual(entities(text).first { $0.type == "datetime" }?.value, "2026-11-19T15:00")
    }

    /// Found by kaiqu-fuzz: a figure with a comma two characters before the end of the line.
    func testAFigureWhoseThousandsAreCutShortByTheEndOfTheLine() {
        for text in ["张三签了1381380013800１，万５", "张三签了12,34", "张三签了12,3", "张三签了12,"] {
            _ = TestData.parser.analyze(text, context: TestData.context)
        }
        XCTAssertEqual(TestData.parser.analyze("张三签了，金额120,000", context: TestData.context).result.slots["amount"], "120000")
    }
}
