import Foundation
import XCTest
@testable import KaiquNLU

/// Runs every corpus in Corpora/: one file per extractor, named after it. Each line is
///
///     text => type=value; type=value      the entities the extractor must find, no more
///     text => -                           it must find none
///
/// The fixture's customers are known, so the customer corpus can name them.
final class EntityCorpusTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpora")

    func testEveryCorpus() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".examples") }.sorted()
        XCTAssertEqual(names, ["amount.examples", "customer.examples", "email.examples", "lookup.examples", "number.examples", "phone.examples", "time.examples", "wechat.examples"])
        for name in names {
            let extractor = String(name.dropLast(".examples".count))
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            var count = 0
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard !line.isEmpty, !line.hasPrefix("#") else { continue }
                let parts = line.components(separatedBy: " => ")
                XCTAssertEqual(parts.count, 2, "\(name):\(index + 1): expected “text => entities”")
                guard parts.count == 2 else { continue }
                count += 1
                let expected = parts[1] == "-" ? [] : parts[1].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.sorted()
                let found = entities(parts[0], extractor: extractor).sorted()
                XCTAssertEqual(found, expected, "\(name):\(index + 1): “\(parts[0])”")
            }
            XCTAssertGreaterThanOrEqual(count, 10, "\(name) holds too few examples")
        }
    }

    // What this extractor found ("lookup" covers every lookup list).
    private func entities(_ text: String, extractor: String) -> [String] {
        TestData.parser.analyze(text, context: TestData.context).entities
            .filter { $0.source == extractor || $0.source.hasPrefix(extractor + " ") }
            .map { "\($0.type)=\($0.value)" }
    }
}
