import Foundation
import XCTest
@testable import KaiquCLI
import KaiquNLU

/// `Lookahead` hands `kaiqu serve` its requests in the order they were read, prepared on a
/// second thread when they were read behind the one in hand.
final class LookaheadTests: XCTestCase {
    private func preparer() throws -> RequestPreparer {
        let options = try Options(["serve"])
        let data = try LoadedData(.embedded, checkingExamples: false)
        return RequestPreparer(parser: data.parser, parses: ParseCache(), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!, clock: { Date(timeIntervalSince1970: 1_795_000_000) }, options: options.serve)
    }

    func testRequestsComeInOrderWhetherPreparedAheadOrNot() throws {
        let preparer = try preparer()
        // Every sender's customers known, so each request read behind another is parsed ahead.
        for user in 0..<3 { preparer.publish(Gazetteer(), CustomersStamp(conversation: user, learned: 0), for: "u\(user)") }
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        // More than the worker compacts at, and keep-alive lines between, all in the pipe at once.
        var text = ""
        for i in 0..<2_000 { text += "{\"id\":\(i),\"user\":\"u\(i % 3)\",\"chat\":\"dm\",\"text\":\"本周要拜访谁\"}\n" + (i % 7 == 0 ? "  \n" : "") }
        let bytes = Array(text.utf8)
        let writeEnd = fds[1]
        DispatchQueue.global().async {
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                written += n
            }
            close(writeEnd)
        }
        var reader = LineReader(fd: fds[0], limit: Bridge.requestLimit)
        let ahead = Lookahead(preparer: preparer)
        var ids: [String] = []
        var parsedAhead = 0
        while let request = ahead.next(from: &reader) {
            guard case .success(let read)? = request.request else { return XCTFail("a request not read") }
            ids.append(read.id)
            if let parsed = request.parsed {
                parsedAhead += 1
                XCTAssertEqual(parsed.analysis.result.intent, "visit.list")
            }
        }
        close(fds[0])
        XCTAssertEqual(ids, (0..<2_000).map(String.init))
        XCTAssertEqual(parsedAhead, 2_000, "every request is parsed, ahead or when taken")
    }
}
