import Foundation
import XCTest
@testable import KaiquCLI

/// The binary carries a copy of intents/; it must be the folder's current content.
final class EmbeddedIntentsTests: XCTestCase {
    func testTheBuiltInCopyMatchesIntents() throws {
        let root = Binary.packageRoot.appendingPathComponent("intents")
        var onDisk: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            if relative.hasPrefix(".") { continue }
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        let embedded = Dictionary(embeddedIntentFiles.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        let stale = Set(onDisk.keys).union(embedded.keys).filter { onDisk[$0] != embedded[$0] }.sorted()
        XCTAssertEqual(stale, [], "the binary's copy of intents/ is stale: run `swift run kaiqu-embed` from the package root")
    }
}
