import Foundation
import XCTest
@testable import KaiquCLI

/// `kaiqu serve` writes its responses on a thread of its own: in order, and never more than
/// a few batches behind the serving thread.
final class ResponseWriterTests: XCTestCase {
    func testBatchesAreWrittenInOrderAndABlockedOutputStopsTheServingThread() {
        let output = Locked<[String]>([])
        let gate = DispatchSemaphore(value: 0)
        let writer = ResponseWriter(shaper: ResponseShaper(options: ServeOptions(), clock: Date.init)) { bytes in
            gate.wait()
            output.update { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }
        let handed = Locked(0)
        let done = DispatchSemaphore(value: 0)
        let serving = Thread {
            for index in 0..<(ResponseWriter.queued + 3) {
                writer.write([.line("{\"id\":\(index)}")])
                handed.update { $0 += 1 }
            }
            done.signal()
        }
        serving.start()
        // The output takes nothing: one batch is being written, `queued` wait, the next waits
        // to be handed over.
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(handed.get(), ResponseWriter.queued + 1)
        for _ in 0..<(ResponseWriter.queued + 3) { gate.signal() }
        done.wait()
        writer.finish()
        XCTAssertEqual(handed.get(), ResponseWriter.queued + 3)
        XCTAssertEqual(output.get(), (0..<(ResponseWriter.queued + 3)).map { "{\"id\":\($0)}\n" })
    }
}
