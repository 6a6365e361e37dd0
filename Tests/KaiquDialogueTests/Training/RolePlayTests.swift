import XCTest
import KaiquNLU
@testable import KaiquDialogue

/// The role-play as a state machine, the moves read from a rep's line, the scenarios as
/// data, and a role-play through the conversation with its record kept.
final class RolePlayTests: XCTestCase {
    // MARK: the meeting

    func testGoodMovesLeadThroughRefusalObjectionAndSignalToTheClose() {
        var play = RolePlay(scenario: "s")
        XCTAssertEqual(play.take([], line: "你好").says, ["refusal"])
        XCTAssertEqual(play.take([.acknowledge, .clarify], line: "理解，跟哪家比？").says, ["raise"])
        XCTAssertEqual(play.take([.fab, .numbers], line: "每瓶多赚2毛5").says, ["signal"])
        let close = play.take([.askOrder], line: "首批先进50箱")
        XCTAssertEqual(close.says, ["close"])
        XCTAssertEqual(close.ending, .closed)
        XCTAssertEqual(Scorecard(play).score, 10, "all but confirm: \(Scorecard(play).rows.filter { !$0.met })")
    }

    func testThreePoorMovesEndTheMeetingAndAMissedSignalIsOnlyForgivenOnce() {
        var play = RolePlay(scenario: "s")
        _ = play.take([], line: "你好")
        XCTAssertEqual(play.take([], line: "我们产品很好").says, ["hard"], "a line that does nothing hardens him")
        _ = play.take([.clarify], line: "哪方面？")
        XCTAssertEqual(play.take([.askOrder], line: "先进50箱吧").says, ["early"], "asking before answering")
        let last = play.take([.knock], line: "他们是杂牌")
        XCTAssertEqual(last.says, ["knock", "leave"])
        XCTAssertEqual(last.ending, .left)

        var missed = RolePlay(scenario: "s")
        for moves: Set<Move> in [[], [.acknowledge], [.numbers]] { _ = missed.take(moves, line: "x") }
        XCTAssertEqual(missed.stage, .signal)
        XCTAssertEqual(missed.take([.acknowledge], line: "嗯").says, ["nudge"])
        XCTAssertEqual(missed.poor, 0)
        XCTAssertEqual(missed.take([.acknowledge], line: "嗯").says, ["nudge"])
        XCTAssertEqual(missed.poor, 1)
        XCTAssertNil(Scorecard(missed).rows.first { $0.criterion == "signal" }!.line)
    }

    func testGivingInCountsAsASlipOnlyBeforeTheObjectionIsAnswered() {
        var early = RolePlay(scenario: "s")
        _ = early.take([], line: "你好")
        XCTAssertEqual(early.take([.concede], line: "给您打个九折").says, ["concede"])
        XCTAssertEqual(early.slips["concede"], "给您打个九折")

        var late = RolePlay(scenario: "s")
        for moves: Set<Move> in [[], [.clarify], [.numbers]] { _ = late.take(moves, line: "x") }
        XCTAssertEqual(late.take([.concede, .askOrder], line: "首批50箱给您返一个点").ending, .closed)
        XCTAssertNil(late.slips["concede"])
    }

    func testAMeetingThatGoesOnTooLongTimesOut() {
        var play = RolePlay(scenario: "s")
        _ = play.take([], line: "你好")
        _ = play.take([.acknowledge], line: "理解")
        var ending: RolePlay.Ending?
        var lines = 2
        while ending == nil && lines < 40 {
            ending = play.take([.acknowledge], line: "明白").ending
            lines += 1
        }
        XCTAssertEqual(ending, .timeout)
        XCTAssertEqual(lines, RolePlay.maxLines)
    }

    // MARK: moves

    private func moves(_ text: String) throws -> Set<Move> {
        let chat = try Chat()
        return MoveReader(data: Shipped.data.training, normalizer: Shipped.rules.normalizer).moves(in: chat.utterance(text, after: .zhHans), now: chat.context.stamp)
    }

    func testMovesAreReadFromTheCueWordsWithNegationAndTargetsRespected() throws {
        XCTAssertTrue(try moves("理解，您是跟哪个牌子比？").isSuperset(of: [.acknowledge, .clarify]))
        XCTAssertTrue(try moves("每瓶多赚2毛5").contains(.numbers))
        XCTAssertFalse(try moves("每瓶多赚一点").contains(.numbers), "a unit without a figure is no number")
        XCTAssertTrue(try moves("周三上午10点我带样品过来").contains(.nextStep))
        XCTAssertTrue(try moves("首批先进50箱吧").contains(.askOrder))
        XCTAssertTrue(try moves("那给您打个九折").contains(.concede))
        XCTAssertFalse(try moves("我们不降价，但每瓶您多赚2毛5").contains(.concede), "a negated concession is none")
        XCTAssertTrue(try moves("他们那个牌子就是杂牌").contains(.knock))
        XCTAssertFalse(try moves("今天这路堵得，真是垃圾天气").contains(.knock), "a put-down needs the competitor named")
        XCTAssertTrue(try moves(String(repeating: "我们的产品特别好。", count: 12)).contains(.monologue))
        XCTAssertTrue(try moves("I understand. Which brand are you comparing us with?").isSuperset(of: [.acknowledge, .clarify]))
        XCTAssertTrue(try moves("Let's start with 100 locks, delivered Thursday").isSuperset(of: [.askOrder, .nextStep]))
    }

    // MARK: data

    func testShippedScenariosCoverTheLanguagesAndEveryLineKind() {
        let scenarios = Shipped.data.training.scenarios
        XCTAssertGreaterThanOrEqual(scenarios.filter { $0.language == .zhHans }.count, 8)
        XCTAssertGreaterThanOrEqual(scenarios.filter { $0.language == .zhHant }.count, 2)
        XCTAssertGreaterThanOrEqual(scenarios.filter { $0.language == .en }.count, 2)
        XCTAssertEqual(Set(scenarios.filter { $0.step == 3 }.map(\.objection)).isEmpty, false, "step 3 has its scenarios")
        for scenario in scenarios {
            for kind in Scenario.lineKinds { XCTAssertFalse(scenario.line(kind, 0).isEmpty, "\(scenario.id) \(kind)") }
            XCTAssertNotNil(Shipped.data.flow.objections[scenario.objection], scenario.id)
        }
    }

    func testAScenarioMissingALineOrWithAnUnknownObjectionStopsStartUpWithFileAndLine() throws {
        let text = """
            scenario broken
              language: zh-Hans
              title: 坏的
              speaker: 王总
              objection: nonsense
              scene: 场景
              opening: 嗯？
            """
        let block = try DataFileParser.parse(text, file: "intents/broken.kaiqu", kinds: TrainingData.kinds)
        XCTAssertThrowsError(try TrainingData(blocks: block, objectionIDs: ["price"])) { error in
            let errors = (error as? DataErrors)?.errors ?? []
            XCTAssertTrue(errors.allSatisfy { $0.file == "intents/broken.kaiqu" && $0.line == 1 }, "\(errors)")
            XCTAssertTrue(errors.contains { $0.problem == .missingKey("refusal", block: "scenario broken") }, "\(errors)")
            XCTAssertTrue(errors.contains { if case .unknownKey("nonsense", _, _) = $0.problem { true } else { false } }, "\(errors)")
        }
    }

    // MARK: in the conversation

    func testARolePlayInChatEndsWithAScorecardThatIsKeptAndShownInTheRecord() throws {
        let chat = try Chat()
        let start = try chat.say("陪我练一下客户嫌贵")
        XCTAssertTrue(start.first?.hasPrefix("【角色扮演】") == true, start.joined(separator: "\n"))
        XCTAssertNotNil(chat.state.rolePlay)
        _ = try chat.say("李总好，我是小王")
        // A request in a role-play is said to the dealer, not acted on.
        XCTAssertEqual(try chat.keys("添加客户 张三"), ["roleplay.dealer"])
        XCTAssertNil(try chat.card("张三"))
        let end = try chat.say("算了")
        XCTAssertNil(chat.state.rolePlay)
        XCTAssertTrue(end.contains { $0.contains("/11") }, end.joined(separator: "\n"))
        XCTAssertEqual(try chat.book.trainings(limit: 5).map(\.ending), [.quit])
        XCTAssertEqual(try chat.keys("撤销"), ["nothing.to_undo"], "a training result is not undone")
        let history = try chat.say("我的培训记录")
        XCTAssertTrue(history.joined().contains("宁波五金批发部的李总"), history.joined(separator: "\n"))
    }
}
