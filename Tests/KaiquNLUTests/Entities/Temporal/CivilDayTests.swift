import XCTest
@testable import KaiquNLU

/// `CivilDay.iso` reads the store's dates: a day, or the day of a stamp, and nothing that is
/// no real day.
final class CivilDayTests: XCTestCase {
    func testDaysAndStampsRead() {
        XCTAssertEqual(CivilDay.iso("2026-11-18"), CivilDay(2026, 11, 18))
        XCTAssertEqual(CivilDay.iso("2026-11-18T10:00"), CivilDay(2026, 11, 18))
        XCTAssertEqual(CivilDay.iso("2028-02-29"), CivilDay(2028, 2, 29))
        XCTAssertEqual(CivilDay.iso("2026-1-5"), CivilDay(2026, 1, 5))
        XCTAssertEqual(CivilDay.iso("2026-11-18"[...]), CivilDay(2026, 11, 18))
    }

    func testNoDayFromWhatIsNone() {
        for text in ["", "2026", "2026-11", "2027-02-29", "2026-13-01", "2026-11-31", "2026/11/18", "abcd-ef-gh", "２０２６-11-18", "99999999999-1-1"] {
            XCTAssertNil(CivilDay.iso(text), text)
        }
    }
}
