import XCTest
@testable import KaiquCLI

final class OptionsTests: XCTestCase {
    func testModesOptionsAndArguments() throws {
        let o = try Options(["nlu", "--json", "--now=2026-11-18T10:00:00+08:00", "--store", "/tmp/x.db", "拜访张三"])
        XCTAssertEqual(o.mode, .nlu)
        XCTAssertTrue(o.json)
        XCTAssertEqual(o.now, "2026-11-18T10:00:00+08:00")
        XCTAssertEqual(o.store, "/tmp/x.db")
        XCTAssertEqual(o.arguments, ["拜访张三"])
        XCTAssertEqual(try Options([]).mode, .chat)
        XCTAssertEqual(try Options(["-h"]).mode, .help)
    }

    func testMistakes() {
        XCTAssertThrowsError(try Options(["--bogus"])) { XCTAssertEqual($0 as? Options.Problem, .unknownOption("--bogus")) }
        XCTAssertThrowsError(try Options(["--now"])) { XCTAssertEqual($0 as? Options.Problem, .missingValue("--now")) }
        XCTAssertThrowsError(try Options(["hello"])) { XCTAssertEqual($0 as? Options.Problem, .tooManyArguments("hello")) }
        XCTAssertThrowsError(try Options(["--explain"])) { XCTAssertEqual($0 as? Options.Problem, .notForMode(option: "--explain", mode: "chat")) }
    }
}
