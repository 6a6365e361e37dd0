import Foundation
import XCTest
@testable import KaiquDialogue
import KaiquNLU
@testable import KaiquCLI

/// The state JSON written without `JSONEncoder` must read back as the state it was.
final class StateJSONTests: XCTestCase {
    private func roundTrip(_ state: DialogueState) throws -> DialogueState {
        let json = try StateJSON.encode(state, with: JSONEncoder())
        return try JSONDecoder().decode(DialogueState.self, from: Data(json.utf8))
    }

    func testSimpleStatesReadBackAsTheyWere() throws {
        var state = DialogueState()
        XCTAssertEqual(try roundTrip(state), state)
        state.language = .zhHant
        state.lastCustomer = 3_001
        state.tipsGiven = ["customer.added_next", "a \"quoted\" tip\n"]
        XCTAssertEqual(try roundTrip(state), state)
        state.language = .en
        state.lastCustomer = nil
        XCTAssertEqual(try roundTrip(state), state)
    }

    func testOtherStatesGoThroughTheEncoder() throws {
        var state = DialogueState()
        state.pending = .delete(7, name: "王建国")
        state.listing = Listing(kind: .customers, filter: CustomerFilter(card: "A"), offset: 10, dueBy: nil)
        XCTAssertEqual(try roundTrip(state), state)
        let json = try StateJSON.encode(state, with: JSONEncoder())
        XCTAssertTrue(json.contains(#""pending":{"delete""#) && json.contains(#""listing":"#), json)
    }

    // A property added to the state must be written by the fast path too, or make it step aside.
    func testTheFastPathKnowsEveryPropertyOfTheState() {
        let names = Mirror(reflecting: DialogueState()).children.compactMap(\.label).sorted()
        XCTAssertEqual(names, ["language", "lastCustomer", "listing", "pending", "resume", "rolePlay", "tipsGiven"])
    }
}
