import Foundation
import XCTest
@testable import KaiquCLI

final class LineReaderTests: XCTestCase {
    private func lines(_ data: Data, limit: Int = 16, chunk: Int = 65_536) -> [LineReader.Line] {
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(data)
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        var reader = LineReader(fd: pipe.fileHandleForReading.fileDescriptor, limit: limit, chunk: chunk)
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

    // The buffer is read into again and again: a short read must not bring back bytes of a
    // longer one before it, and a line or a "\r\n" may end in the next read.
    func testLinesOverManyReadsComeOutWhole() {
        let text = "第一行很长很长很长\r\nb\n\nccccccccccccccc\r\nd"
        let expected = lines(Data(text.utf8), limit: 1_000)
        XCTAssertEqual(expected.count, 5)
        for chunk in [1, 2, 3, 5, 7, 64] {
            XCTAssertEqual(lines(Data(text.utf8), limit: 1_000, chunk: chunk), expected, "chunk \(chunk)")
        }
        XCTAssertEqual(lines(Data(text.utf8), limit: 6, chunk: 4)[0], .tooLong(prefix: Array("第一".utf8)))
    }

    func testHasLineReadyOnlyForAWholeLine() {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("one\ntw".utf8))
        var reader = LineReader(fd: pipe.fileHandleForReading.fileDescriptor, limit: 100, chunk: 64)
        XCTAssertFalse(reader.hasLineReady, "nothing is read before the first line is asked for")
        XCTAssertEqual(reader.next(), .bytes(Array("one".utf8)))
        XCTAssertFalse(reader.hasLineReady, "half a line is not a line")
        pipe.fileHandleForWriting.write(Data("o\n".utf8))
        try? pipe.fileHandleForWriting.close()
        XCTAssertEqual(reader.next(), .bytes(Array("two".utf8)))
        XCTAssertNil(reader.next())
    }

    func testAPipeIsWidenedAndAFileIsLeftAlone() throws {
        #if os(Linux)
        let allowed = (try? String(contentsOfFile: "/proc/sys/fs/pipe-max-size", encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        try XCTSkipIf(allowed < Int(PipeSize.wide), "this system lets a pipe grow to \(allowed) bytes only")
        let pipe = Pipe()
        let fd = pipe.fileHandleForReading.fileDescriptor
        XCTAssertEqual(PipeSize.size(fd), 65_536)
        PipeSize.widen(fd)
        XCTAssertEqual(PipeSize.size(fd), Int(PipeSize.wide))
        let file = FileHandle(forReadingAtPath: "/proc/self/stat")
        XCTAssertNotNil(file)
        PipeSize.widen(file!.fileDescriptor)
        XCTAssertNil(PipeSize.size(file!.fileDescriptor))
        #endif
    }
}
