import XCTest
@testable import KaiquNLU

final class TokenTrieTests: XCTestCase {
    func testLongestAndShortestEntries() {
        var trie = TokenTrie()
        trie.insert([1, 2], value: "ab")
        trie.insert([1, 2, 3], value: "abc")
        trie.insert([200], value: "far")
        XCTAssertEqual(trie.longest(in: [1, 2, 3, 4], from: 0, id: { $0 })?.end, 3)
        XCTAssertEqual(trie.longest(in: [1, 2, 3, 4], from: 0, id: { $0 })?.value, "abc")
        XCTAssertEqual(trie.shortest(in: [1, 2, 3, 4], from: 0, id: { $0 }), 2)
        XCTAssertNil(trie.longest(in: [1, 4], from: 0, id: { $0 }), "a prefix of an entry is no entry")
        XCTAssertEqual(trie.longest(in: [7, 200], from: 1, id: { $0 })?.value, "far", "first words past the first 64 ids")
        XCTAssertNil(trie.next(TokenTrie.root, -1), "a word no pattern uses starts nothing")
        XCTAssertNil(trie.next(TokenTrie.root, 5_000))
    }

    func testAConflictKeepsTheFirstValue() {
        var trie = TokenTrie()
        XCTAssertNil(trie.insert([4, 5], value: "dealer"))
        XCTAssertNil(trie.insert([4, 5], value: "dealer"), "the same value again is no conflict")
        XCTAssertEqual(trie.insert([4, 5], value: "agent"), "dealer")
        XCTAssertEqual(trie.longest(in: [4, 5], from: 0, id: { $0 })?.value, "dealer")
        XCTAssertTrue(TokenTrie().isEmpty)
        XCTAssertFalse(trie.isEmpty)
    }
}
