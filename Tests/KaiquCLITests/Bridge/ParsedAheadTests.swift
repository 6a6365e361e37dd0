import Foundation
import XCTest
@testable import KaiquCLI

/// `kaiqu serve` parses a request's text ahead, on a second thread, with the customers the
/// sender's conversation knew then. These tests prepare requests before the ones ahead of
/// them are answered, as that thread does when it runs ahead.
final class ParsedAheadTests: XCTestCase {
    private var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-ahead-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func makeBridge(_ store: String = "team.db") throws -> Bridge {
        let options = try Options(["serve", "--store", folder.appendingPathComponent(store).path, "--open-registration", "--now", "2026-11-18T10:00:00+08:00"])
        let session = try Session(options: options, environment: ["HOME": folder.path], store: .write)
        return Bridge(session: session, store: try XCTUnwrap(session.store), options: options.serve)
    }

    // A request read with nothing behind it: prepared on the spot, as `Lookahead` does then.
    private func answer(_ bridge: Bridge, _ line: LineReader.Line) -> String {
        bridge.respondLine(to: bridge.preparer.prepare(line))
    }

    private func line(_ id: Int, _ text: String) -> LineReader.Line {
        .bytes(Array("{\"id\":\(id),\"user\":\"wecom:li\",\"chat\":\"dm\",\"text\":\"\(text)\"}".utf8))
    }

    func testAParseMadeWithCustomersSinceGrownIsMadeAgain() throws {
        let bridge = try makeBridge()
        // The sender's customers become known to the preparer after a first request.
        _ = answer(bridge, line(1, "你好"))
        XCTAssertNil(bridge.settle())
        // Both read before the first is answered: the second is parsed knowing no 王小明.
        let add = bridge.preparer.prepare(line(2, "添加客户 王小明 电话13800138000"))
        // A bare name is read as a customer only when known: 王小明喜欢钓鱼 is a note then.
        let note = bridge.preparer.prepare(line(3, "王小明喜欢钓鱼"))
        XCTAssertNotNil(note.parsed, "the preparer knew this sender's customers")
        XCTAssertEqual(note.parsed?.analysis.result.intent, "fallback", "王小明 was not a customer yet when it was parsed")
        _ = bridge.respondLine(to: add)
        _ = bridge.respondLine(to: note)
        let card = answer(bridge, line(4, "查看王小明"))
        XCTAssertNil(bridge.settle())
        XCTAssertTrue(card.contains("钓鱼"), card)
    }

    func testAParseMadeWithTheCustomersKnownNowIsTheOneAParseOnTheSpotGives() throws {
        let bridge = try makeBridge()
        _ = answer(bridge, line(1, "添加客户 王小明 电话13800138000"))
        XCTAssertNil(bridge.settle())
        let ahead = bridge.preparer.prepare(line(2, "明天下午三点拜访王小明"))
        XCTAssertEqual(ahead.parsed?.analysis.result.slots["customer"], "王小明")
        let answered = bridge.respondLine(to: ahead)
        // The same text answered by a bridge that parses on the spot.
        let other = try makeBridge("other.db")
        _ = answer(other, line(1, "添加客户 王小明 电话13800138000"))
        XCTAssertNil(other.settle())
        let onTheSpot = other.respondLine(to: PreparedRequest(line: line(2, "明天下午三点拜访王小明"), request: nil, parsed: nil))
        XCTAssertEqual(answered, onTheSpot)
        XCTAssertTrue(answered.contains("王小明"), answered)
    }
}

extension Bridge {
    /// The response line to a request, as a string.
    func respondLine(to prepared: PreparedRequest) -> String {
        var line: [UInt8] = []
        var shaper = ResponseShaper(options: ServeOptions(), clock: Date.init)
        shaper.write(respond(to: prepared), into: &line)
        return String(decoding: line, as: UTF8.self)
    }
}
