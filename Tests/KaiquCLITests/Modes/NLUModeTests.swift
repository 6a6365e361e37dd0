import Foundation
import XCTest
@testable import KaiquCLI

final class NLUModeTests: XCTestCase {
    func testConfidencesAreWrittenAsPrintfWouldWriteThem() {
        for hundredths in 0...100 {
            let confidence = Double(hundredths) / 100
            XCTAssertEqual(NLUMode.twoDecimals(confidence), String(format: "%.2f", confidence))
        }
        // Every value the parser gives: 0.5 + 0.49 × explained / tokens, rounded to hundredths.
        for tokens in 1...40 {
            for explained in 0...tokens {
                let confidence = ((0.5 + 0.49 * Double(explained) / Double(tokens)) * 100).rounded() / 100
                XCTAssertEqual(NLUMode.twoDecimals(confidence), String(format: "%.2f", confidence))
            }
        }
    }
}
