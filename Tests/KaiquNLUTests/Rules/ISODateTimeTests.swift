import Foundation
import XCTest
import KaiquNLU

final class ISODateTimeTests: XCTestCase {
    let utc = TimeZone(identifier: "UTC")!

    func testOffsetsAndPlainWallClockTimes() throws {
        let pinned = try XCTUnwrap(ISODateTime.parse("2026-11-18T10:00:00+08:00", defaultZone: utc))
        XCTAssertEqual(pinned.date.timeIntervalSince1970, 1_794_967_200)
        XCTAssertEqual(pinned.zone.secondsFromGMT(), 8 * 3600)
        XCTAssertEqual(ISODateTime.parse("2026-11-18T02:00Z", defaultZone: utc)?.date, pinned.date)
        XCTAssertEqual(ISODateTime.parse("2026-11-18T02:00", defaultZone: utc)?.date, pinned.date)
        XCTAssertEqual(ISODateTime.parse("2026-11-18", defaultZone: utc)?.date.timeIntervalSince1970, 1_794_960_000)
    }

    func testImpossibleOrForeignTextIsRefused() {
        for text in ["2026-02-30", "2026-13-01", "tomorrow", "2026-11-18T25:00", "2026-11-18T10:00+8", ""] {
            XCTAssertNil(ISODateTime.parse(text, defaultZone: utc), text)
        }
    }
}
