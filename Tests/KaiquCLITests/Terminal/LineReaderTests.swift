import Foundation
import XCTest
@testable import KaiquCLI

final class LineReaderTests: XCTestCase {
    private func lines(_ data: Data, limit: Int = 16) -> [LineReader.Line] {
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(data)
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        var reader = LineReader(fd: pipe.fileHandleForReading.fileDescriptor, limit: limit)
        var all: [LineReader.Line] = []
        while let line = reader.next() { all.append(line) }
        return all
    }

    func testSplitsOnNewlinesAndDropsCarriageReturns() {
        XCTAssertEqual(lines(Data("a\r\nb\n\nc".utf8)), [.bytes(Array("a".utf8)), .bytes(Array("b".utf8)), .bytes([]), .bytes(Array("c".utf8))])
    }

    func testLongLinesAreCutAndReportedThenReadingGoesOn() {
        var data = Data(repeating: 0x78, count: 200_000)
        data.append(Data("\nok\n".utf8))
        let result = lines(data)
        XCTAssertEqual(result.count, 2)
        XCTAssertEqual(result[0], .tooLong(prefix: Array(repeating: 0x78, count: 16)))
        XCTAssertEqual(result[1], .bytes(Array("ok".utf8)))
    }

    func testNothingAtAllIsNoLine() {
        XCTAssertEqual(lines(Data()), [])
    }
}
