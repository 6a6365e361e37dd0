import Foundation
import XCTest
@testable import KaiquNLU

/// A value the rep takes back in the same message gives way to the one after it (see
/// `Corrections` and `words correction` in cues.kaiqu). At the fixture's clock, Wednesday
/// 2026-11-18 10:00.
final class CorrectionsTests: XCTestCase {
    private func slots(_ text: String) -> [String: String] {
        let context = ParseContext(now: TestData.context.now, timeZone: TestData.context.timeZone,
                                   customers: TestData.rules.gazetteer(["张三", "王建国", "Tom Wu"]))
        return TestData.parser.parse(text, context: context).slots
    }

    func testTheValueAfterTheSlipIsTheOneKept() {
        XCTAssertEqual(slots("帮我约张三周四见，哦不是，周五")["date"], "2026-11-20")
        XCTAssertEqual(slots("周四去了趟张三店里，不对是周一")["date"], "2026-11-16")
        XCTAssertEqual(slots("王建国签了，3万，哦不，3万5")["amount"], "35000")
        XCTAssertEqual(slots("添加客户 李雷 电话13655170428，不对，13655170482")["phone"], "13655170482")
        XCTAssertEqual(slots("把张三的卡改成B，哦不对，改成A")["value"], "A")
        XCTAssertEqual(slots("张三生日不是4月21，是4月12")["value"], "04-12")
        XCTAssertEqual(slots("张三的地址改成杭州文三路，不对，是文二路")["value"], "文二路")
    }

    func testSpokenSelfCorrections() {
        // Voice dictation: 不对不对, 我是说, 说岔了 take back what came before.
        XCTAssertEqual(slots("约张三下周一，不对不对，下周二上午十点")["date"], "2026-11-24")
        XCTAssertEqual(slots("王建国签了，八万，不对不对，我是说八万五")["amount"], "85000")
        XCTAssertEqual(slots("添加客户 李雷，做代理的，不对，他是做批发的，我说岔了")["role"], "wholesaler")
        XCTAssertEqual(slots("客户说要考虑考虑，不对不对，是说已经有供应商了，咋办")["objection"], "has_supplier")
    }

    func testAClockTimeAloneCorrectsOnlyTheTime() {
        let day = slots("后天下午三点约张三，不对，是四点")
        XCTAssertEqual(day["date"], "2026-11-20")
        XCTAssertEqual(day["time"], "16:00")
        let english = slots("book Tom Wu on Friday at 3, sorry, make that 4pm")
        XCTAssertEqual(english["date"], "2026-11-20")
        XCTAssertEqual(english["time"], "16:00")
    }

    func testWordsThatTakeNothingBackChangeNothing() {
        // 不对外营业 is 'closed to the public'; 说价格不对 reports what the dealer said.
        XCTAssertEqual(slots("周四不对外营业，周五拜访张三")["date"].map { ["2026-11-19", "2026-11-20"].contains($0) }, true)
        XCTAssertEqual(slots("明天下午三点拜访张三")["time"], "15:00")
        XCTAssertEqual(slots("王建国签了，3万")["amount"], "30000")
        let said = slots("昨天拜访了张三，他说价格不对，下周再谈")
        XCTAssertEqual(said["date"], "2026-11-17")
    }
}
