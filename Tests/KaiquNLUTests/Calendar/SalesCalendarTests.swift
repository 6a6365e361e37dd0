import XCTest
@testable import KaiquNLU

/// The calendar of intents/calendar.kaiqu: festival days by their rules, the official
/// schedules' days off and 调休 working days, and data errors that name file and line.
final class SalesCalendarTests: XCTestCase {
    let calendar = TestData.rules.calendar

    private func day(_ id: String, _ year: Int) -> String? { calendar.festival(id)?.day(in: year)?.description }

    func testEachKindOfRuleFindsItsDay() {
        // Western Easter (computus) and the days counted from it.
        XCTAssertEqual(["2025", "2026", "2027", "2028"].compactMap { day("easter", Int($0)!) }, ["2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16"])
        XCTAssertEqual(day("good-friday", 2026), "2026-04-03")
        XCTAssertEqual(day("easter-monday", 2026), "2026-04-06")
        // Nth weekday of a month.
        XCTAssertEqual(day("mothers-day", 2026), "2026-05-10")
        XCTAssertEqual(day("fathers-day", 2026), "2026-06-21")
        XCTAssertEqual(day("thanksgiving", 2026), "2026-11-26")
        // Solar terms.
        XCTAssertEqual(day("qingming", 2026), "2026-04-05")
        XCTAssertEqual(day("winter-solstice", 2021), "2021-12-21")
        XCTAssertEqual(day("winter-solstice", 2026), "2026-12-22")
        // Lunar days, 除夕 and a 腊月 day that falls in the next Gregorian year.
        XCTAssertEqual(day("spring-festival", 2027), "2027-02-06")
        XCTAssertEqual(day("lunar-new-years-eve", 2027), "2027-02-05")
        XCTAssertEqual(day("mid-autumn", 2025), "2025-10-06")
        XCTAssertEqual(day("laba", 2027), "2027-01-15")
        // A solar day.
        XCTAssertEqual(day("singles-day", 2026), "2026-11-11")
    }

    func testAFestivalThatLastsSpansItsDays() throws {
        let goods = try XCTUnwrap(calendar.festival("new-year-goods"))
        let first = try XCTUnwrap(goods.day(in: 2027))
        XCTAssertEqual(first.description, "2027-01-08")
        XCTAssertEqual(goods.span(from: first).1.description, "2027-02-05")
    }

    func testDaysOffAndWorkingWeekendsComeFromTheSchedule() {
        XCTAssertEqual(calendar.kind(of: CivilDay(2026, 10, 3)), .dayOff("national-day"))
        XCTAssertEqual(calendar.kind(of: CivilDay(2026, 10, 10)), .madeUpWorkday("national-day"))
        XCTAssertTrue(calendar.kind(of: CivilDay(2026, 10, 10)).isWorkday)
        XCTAssertEqual(calendar.kind(of: CivilDay(2026, 10, 11)), .weekend)
        XCTAssertEqual(calendar.kind(of: CivilDay(2026, 10, 12)), .workday)
        XCTAssertEqual(calendar.kind(of: CivilDay(2026, 2, 14)), .madeUpWorkday("spring-festival"))
        // 2025's 国庆 and 中秋 share one break: the first named holds it.
        XCTAssertEqual(calendar.kind(of: CivilDay(2025, 10, 6)), .dayOff("national-day"))
        // A year with no schedule knows its statutory days off (除夕 to 初三) and weekends.
        XCTAssertEqual(calendar.kind(of: CivilDay(2028, 1, 25)), .dayOff("spring-festival"))
        XCTAssertEqual(calendar.kind(of: CivilDay(2028, 1, 28)), .dayOff("spring-festival"))
        XCTAssertEqual(calendar.kind(of: CivilDay(2028, 1, 29)), .weekend)
    }

    func testCoverageSaysWhatEachYearHas() {
        XCTAssertEqual(calendar.coverage(of: 2026), .official)
        XCTAssertEqual(calendar.coverage(of: 2027), .statutory)
        XCTAssertEqual(calendar.coverage(of: 2031), .missing)
        XCTAssertEqual(calendar.schedules[2026]?.source, "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")
    }

    func testFestivalVisitWindowsOpenTheirLeadBefore() {
        // 中秋 2026-09-25: its window opens on 09-11.
        XCTAssertEqual(calendar.festivalVisits(from: CivilDay(2026, 9, 14), to: CivilDay(2026, 9, 20)).map(\.festival.id), ["mid-autumn"])
        XCTAssertEqual(calendar.festivalVisits(from: CivilDay(2026, 9, 1), to: CivilDay(2026, 9, 10)).map(\.festival.id), [])
        XCTAssertEqual(calendar.festivalVisits(from: CivilDay(2026, 9, 1), to: CivilDay(2026, 9, 11)).map(\.opens.description), ["2026-09-11"])
        XCTAssertEqual(calendar.festivalVisits(from: CivilDay(2027, 1, 25), to: CivilDay(2027, 1, 31)).map { $0.day.description }, ["2027-02-06"])
    }

    func testALunarDayLateInTheYearIsFoundInDecemberToo() throws {
        // 腊月初一 falls in January 2027 and again in December 2027 (春节 2028 is 01-26).
        let goods = try XCTUnwrap(calendar.festival("new-year-goods"))
        XCTAssertEqual(goods.rule.days(in: 2027).count, 2)
        let index = try XCTUnwrap(calendar.festivals.firstIndex { $0.id == "new-year-goods" })
        XCTAssertEqual(calendar.nextDays(from: CivilDay(2027, 12, 1))[index]?.year, 2027)
    }

    /// The days worked out once a year are each festival's own next day (its first day this year
    /// or next on or after the day, by its rule), on any day of four years.
    func testNextDaysAreEachFestivalsNextDay() {
        let festivals = calendar.festivals
        XCTAssertGreaterThan(festivals.count, 20)
        func next(_ festival: Festival, _ day: CivilDay) -> CivilDay? {
            festival.rule.days(in: day.year).first { $0 >= day } ?? festival.rule.days(in: day.year + 1).first { $0 >= day }
        }
        var day = CivilDay(2025, 1, 1)
        while day < CivilDay(2029, 1, 1) {
            XCTAssertEqual(calendar.nextDays(from: day), festivals.map { next($0, day) }, day.description)
            day = day.adding(days: 3)
        }
    }

    func testMistakesNameTheFileAndLine() {
        let text = """
            festival harvest
              date: lunar 13-1
              names: 丰收节
            festival moon
              kind: sometimes
              date: lunar 8-15
              names: 月节
            holidays 2030
              moon: off 09-31..10-02 | rest 10-08
            """
        XCTAssertThrowsError(try TestData.rules(with: [("calendar-bad.kaiqu", text)])) { error in
            let places = (error as? DataErrors)?.errors.map(\.position) ?? []
            XCTAssertTrue(places.contains { $0.hasPrefix("calendar-bad.kaiqu:2:") }, "\(places)")
            XCTAssertTrue(places.contains { $0.hasPrefix("calendar-bad.kaiqu:5:") }, "\(places)")
            XCTAssertTrue(places.contains { $0.hasPrefix("calendar-bad.kaiqu:9:") }, "\(places)")
            XCTAssertTrue(places.contains { $0.hasPrefix("calendar-bad.kaiqu:8:") }, "no source: \(places)")
        }
    }
}
