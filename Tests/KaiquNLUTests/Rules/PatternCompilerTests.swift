import XCTest
@testable import KaiquNLU

/// What patterns compile to: the ops the matcher steps through, and the words and entity types
/// a sentence must hold before a pattern is tried at all.
final class PatternCompilerTests: XCTestCase {
    private func pattern(_ source: String) throws -> (Pattern, RuleSet) {
        let rules = try TestData.rules(with: [("t.kaiqu", "intent demo.one\n  zh: \(source)\n")])
        return (try XCTUnwrap(rules.patterns.first { $0.intent == "demo.one" }), rules)
    }

    private func word(_ text: String, _ rules: RuleSet) -> Int32 { Int32(rules.lexicon.id(of: text)) }

    func testAChoiceIsFollowedByItsAlternativesEachJumpingPastIt() throws {
        let (p, rules) = try pattern("[去] ~visit {customer}")
        let customerType = Int32(try XCTUnwrap(rules.entityTypes.firstIndex(of: "customer")))
        let customerSlot = Int32(try XCTUnwrap(rules.slotNames.firstIndex(of: "customer")))
        XCTAssertEqual(p.program, [
            .choice(optional: true, end: 4),
            .alternative(next: -1, first: word("去", rules)),
            .word(word("去", rules)),
            .jump(4),
            .list(Int32(try XCTUnwrap(rules.listIndices["visit"]))),
            .customer(type: customerType, slot: customerSlot),
        ])
    }

    func testAlternativeHeadersChainAndKnowTheirFirstWord() throws {
        let (p, rules) = try pattern("(查 看|{role}|看)")
        XCTAssertEqual(p.program.count, 11)
        XCTAssertEqual(p.program[0], .choice(optional: false, end: 11))
        XCTAssertEqual(p.program[1], .alternative(next: 5, first: word("查", rules)))
        XCTAssertEqual(p.program[5], .alternative(next: 8, first: -1), "a slot comes first: the alternative is always tried")
        XCTAssertEqual(p.program[8], .alternative(next: -1, first: word("看", rules)))
        XCTAssertEqual(p.program[4], .jump(11))
    }

    func testAWildcardKnowsTheWordAfterItThroughJumps() throws {
        let (p, rules) = try pattern("{customer} [的 *] 怎么样")
        guard let wildcard = p.program.first(where: { if case .wildcard = $0 { true } else { false } }) else {
            return XCTFail("no wildcard in \(p.program)")
        }
        XCTAssertEqual(wildcard, .wildcard(next: word("怎", rules)))
        let (last, _) = try pattern("记 *")
        XCTAssertEqual(last.program.last, .wildcard(next: -1), "nothing must follow a wildcard that ends the pattern")
    }

    func testRequiredWordsAndTypes() throws {
        let (p, rules) = try pattern("(查|看) [马上] {role} 的 的 [{card}] *")
        XCTAssertEqual(p.required, [[Int(word("查", rules)), Int(word("看", rules))].sorted(), [Int(word("的", rules))]],
                       "an optional part requires nothing, and a word once")
        let role = try XCTUnwrap(rules.entityTypes.firstIndex(of: "role"))
        XCTAssertEqual(p.requiredTypes, [[role]])
        let (when, whenRules) = try pattern("{when} ({card}|{level}) 拜访")
        let temporal = TemporalExtractor.types.compactMap { whenRules.entityTypes.firstIndex(of: $0) }
        let card = try XCTUnwrap(whenRules.entityTypes.firstIndex(of: "card"))
        let level = try XCTUnwrap(whenRules.entityTypes.firstIndex(of: "level"))
        XCTAssertEqual(when.requiredTypes, [temporal, [card, level]])
        XCTAssertEqual(when.required.count, 2, "拜 and 访")
    }

    func testAChoiceWithAnAlternativeThatNeedsNothingRequiresNothing() throws {
        let (p, _) = try pattern("({customer}|查) {text}")
        XCTAssertEqual(p.required, [])
        XCTAssertEqual(p.requiredTypes, [])
    }

    func testErrorColumnsCountScalarsNotBytes() {
        XCTAssertThrowsError(try TestData.rules(with: [("t.kaiqu", "intent demo.one\n  zh: 张三 ~nolist\n")])) { error in
            XCTAssertEqual((error as? DataErrors)?.errors.map(\.position), ["t.kaiqu:2:10"])
        }
    }
}
