import XCTest
@testable import KaiquNLU

/// The examples written in intents/ are the parser's main test: each positive must give its
/// intent and exactly its slots, each negative must not give its intent.
final class IntentExamplesTests: XCTestCase {
    func testEveryExampleInIntents() {
        let outcomes = ExampleRunner(parser: TestData.parser).run()
        XCTAssertGreaterThan(outcomes.count, 80)
        for outcome in outcomes where !outcome.passed {
            XCTFail("\(outcome.example.location) “\(outcome.example.text)”: got \(outcome.result.intent) \(outcome.result.slots), expected \(outcome.example.positive ? "" : "not ")\(outcome.intent) \(outcome.example.slots)")
        }
    }

    func testNoExampleIsDecidedByFileOrderAlone() {
        for outcome in ExampleRunner(parser: TestData.parser).run() where outcome.tiedWith != nil && outcome.example.positive {
            XCTFail("\(outcome.example.location) “\(outcome.example.text)” ties \(outcome.result.intent) with \(outcome.tiedWith!)")
        }
    }

    func testEveryContractIntentIsCovered() {
        for item in ExampleRunner(parser: TestData.parser).coverage() where ContractIntents.ids.contains(item.intent) {
            XCTAssertTrue(item.sufficient, "\(item.intent): \(item.positives) positives, \(item.negatives) negatives, defined \(item.defined)")
        }
    }
}
