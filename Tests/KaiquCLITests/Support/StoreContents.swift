import Foundation
import KaiquStore
import XCTest

/// What a store holds, read back through `kaiqu export` as a rep's tools would.
enum StoreContents {
    /// The names on the cards in `store`, in the export's order; a failed export fails the test.
    static func names(_ store: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let run = try Binary.run(["export", "--store", store], timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderr, "", file: file, line: line)
        // Rows end in CRLF, one Character in Swift. The names written here have no commas or
        // quotes: the first field is the name.
        return run.text.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }
    }

    /// The notes on one rep's cards named `customer`, read from the store itself (a bridge
    /// user's cards are not the terminal account's, which `kaiqu export` shows).
    static func notes(_ store: String, owner: String, customer: String) throws -> [String] {
        let book = try Store(path: store).book(of: owner)
        return try book.customers(nameKey: customer).flatMap { try book.notes(of: $0.id, limit: 100_000).map(\.text) }
    }
}
