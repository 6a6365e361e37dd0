import KaiquDialogue
import XCTest
@testable import KaiquNLU

/// Start-up compiles intents/ on both cores: the helpers give what running in turn would.
final class ConcurrentlyTests: XCTestCase {
    func testAConcurrentMapKeepsTheItemsOrder() {
        let items = Array(0..<1_000)
        XCTAssertEqual(concurrentMap(items) { $0 * $0 }, items.map { $0 * $0 })
        XCTAssertEqual(concurrentMap([Int]()) { $0 }, [])
    }

    func testBothResultsComeBackAndTheFirstErrorsWin() throws {
        let (a, b) = try concurrently({ () throws(DataErrors) in "here" }, { () throws(DataErrors) in 42 })
        XCTAssertEqual(a, "here")
        XCTAssertEqual(b, 42)
        let first = DataErrors([DataError(file: "a.kaiqu", line: 1, column: 1, problem: .keyedLineInList)])
        let second = DataErrors([DataError(file: "b.kaiqu", line: 2, column: 1, problem: .keyedLineInList)])
        do {
            _ = try concurrently({ () throws(DataErrors) -> Int in throw first }, { () throws(DataErrors) -> Int in throw second })
            XCTFail("both failed")
        } catch {
            XCTAssertEqual(error.errors.map(\.file), ["a.kaiqu"], "as run in turn, the first failure is the one reported")
        }
        do {
            _ = try concurrently({ () throws(DataErrors) in 1 }, { () throws(DataErrors) -> Int in throw second })
            XCTFail("the second failed")
        } catch {
            XCTAssertEqual(error.errors.map(\.file), ["b.kaiqu"])
        }
    }

    func testADeferredValueIsWaitedFor() {
        let slow = Deferred { () -> Int in
            usleep(20_000)
            return 7
        }
        XCTAssertEqual(slow.value, 7)
        XCTAssertEqual(slow.value, 7, "read again, made once")
        XCTAssertEqual(Deferred(ready: "now").value, "now")
    }

    func testTheShippedRulesLoadTheSameEveryTime() throws {
        // The cue layer on its own thread is given the entity types the patterns end up with.
        let rules = TestData.rules
        let again = try RuleSet.load(files: TestData.files(), otherKinds: DialogueData.kinds)
        XCTAssertEqual(again.patterns.count, rules.patterns.count)
        XCTAssertEqual(again.lexicon.words, rules.lexicon.words)
        XCTAssertEqual(again.cues.wordCount, rules.cues.wordCount)
        XCTAssertFalse(again.spelling.isEmpty)
        let blocks = TestData.files().filter { $0.path.hasSuffix(".kaiqu") }.flatMap {
            (try? DataFileParser.parse($0.text, file: $0.path, kinds: RuleSet.kinds.union(DialogueData.kinds))) ?? []
        }
        XCTAssertEqual(RuleCompiler.entityTypes(of: blocks), Set(rules.entityTypes))
    }
}
