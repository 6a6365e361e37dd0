import XCTest
@testable import KaiquDialogue
import KaiquNLU

final class BirthdayTests: XCTestCase {
    func testReadsWhatRepsType() {
        let cases: [(String, String?)] = [
            ("5月3日", "05-03"), ("5月3号", "05-03"), ("1985年5月3日", "1985-05-03"), ("1985-05-03", "1985-05-03"), ("05-03", "05-03"),
            ("5/3", "05-03"), ("May 3", "05-03"), ("3 May", "05-03"), ("2月29日", "02-29"),
            ("农历八月十五", "L08-15"), ("農曆八月十五", "L08-15"), ("农历八月初五", "L08-05"), ("阴历腊月廿三", "L12-23"),
            ("农历正月初一", "L01-01"), ("农历闰四月初五", "L*04-05"), ("lunar 8/15", "L08-15"), ("农历08-15", "L08-15"),
            ("2月30日", nil), ("13月1日", nil), ("1985年2月29日", nil), ("明天", nil), ("", nil), ("农历八月三十五", nil),
        ]
        for (text, stored) in cases { XCTAssertEqual(Birthday.read(text)?.description, stored, text) }
    }

    func testStoredFormRoundTripsAndKeysFindIt() {
        for stored in ["05-03", "1985-05-03", "L08-15", "L*04-05"] {
            XCTAssertEqual(Birthday(stored: stored)?.description, stored)
        }
        XCTAssertEqual(Birthday(stored: "1985-05-03")?.monthDayKey, "05-03")
        XCTAssertEqual(Birthday(stored: "L*04-05")?.monthDayKey, "L*04-05")
        XCTAssertNil(Birthday(stored: "05-32"))
    }

    func testLunarDaysLandOnTheRightSolarDay() {
        // 2026: 中秋 (八月十五) is 25 September; 春节 2027 is 6 February.
        XCTAssertEqual(LunarBirthdays.next(.lunar, month: 8, day: 15, from: CivilDay(2026, 9, 1)), CivilDay(2026, 9, 25))
        XCTAssertEqual(LunarBirthdays.next(.lunar, month: 1, day: 1, from: CivilDay(2026, 11, 18)), CivilDay(2027, 2, 6))
        XCTAssertTrue(LunarBirthdays.keys(on: CivilDay(2026, 9, 25)).contains("L08-15"))
        // 2月29日 birthdays are remembered on 28 February in other years.
        XCTAssertTrue(LunarBirthdays.keys(on: CivilDay(2027, 2, 28)).contains("02-29"))
        XCTAssertFalse(LunarBirthdays.keys(on: CivilDay(2028, 2, 28)).contains("02-29"))
    }

    func testBirthdayKeysAreSortedOnceAndCutInRunsOfOneKindAndTwoMonths() {
        func runs(_ keys: [String]) -> [[String]] { BirthdayKeys(keys: keys).runs.map { [$0.first, $0.last] } }
        XCTAssertEqual(runs(["01-01", "01-02", "12-30", "12-31"]), [["01-01", "01-02"], ["12-30", "12-31"]])
        XCTAssertEqual(runs(["12-31", "01-02", "12-30", "01-01", "12-31"]), [["01-01", "01-02"], ["12-30", "12-31"]])
        XCTAssertEqual(runs(["11-29", "11-30", "12-01", "L*04-02", "L10-29", "L11-01"]), [["11-29", "12-01"], ["L*04-02", "L*04-02"], ["L10-29", "L11-01"]])
        XCTAssertEqual(runs([]).count, 0)
        let keys: BirthdayKeys = ["L10-11", "11-21", "11-21", "11-20"]
        XCTAssertEqual(keys.keys, ["11-20", "11-21", "L10-11"])
        XCTAssertTrue(keys.contains("L10-11") && keys.contains("11-20") && keys.contains("11-21"))
        XCTAssertFalse(keys.contains("11-2") || keys.contains("L10-1") || keys.contains("11-22") || keys.contains(""))
    }

    func testAPeriodsKeysAreTheDaysItCovers() {
        let from = CivilDay(2026, 12, 30), to = CivilDay(2027, 1, 2)
        let keys = LunarBirthdays.keys(from: from, to: to)
        for key in ["12-30", "12-31", "01-01", "01-02"] { XCTAssertTrue(keys.contains(key), key) }
        XCTAssertEqual(keys.runs.filter { !$0.first.hasPrefix("L") }.map { [$0.first, $0.last] }, [["01-01", "01-02"], ["12-30", "12-31"]])
        XCTAssertEqual(keys.days["01-01"], CivilDay(2027, 1, 1))
    }
}
