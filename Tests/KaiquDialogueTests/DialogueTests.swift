import Foundation
import XCTest
@testable import KaiquDialogue
import KaiquNLU

final class DialogueTests: XCTestCase {
    static let catalogue: ReplyCatalogue = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try! String(contentsOf: root.appendingPathComponent("intents/replies.kaiqu"), encoding: .utf8)
        let blocks = try! DataFileParser.parse(text, file: "replies.kaiqu", kinds: ["reply"])
        return try! ReplyCatalogue(blocks: blocks)
    }()

    let dialogue = Dialogue(catalogue: DialogueTests.catalogue)

    private func utterance(_ intent: String, _ language: Language?, slots: [String: String] = [:]) -> DialogueEvent {
        .utterance(ParseResult(text: "", intent: intent, confidence: 0.9, slots: slots, language: language), suggestions: [])
    }

    func testRepliesFollowTheLanguageOfTheLastLineWithLetters() {
        var state = DialogueState()
        XCTAssertEqual(dialogue.handle(utterance("help", .en), in: &state), [.say(Reply("help", .en))])
        XCTAssertEqual(state.language, .en)
        // A line with no letters (a bare phone number) keeps the conversation's language.
        _ = dialogue.handle(utterance("fallback", nil), in: &state)
        XCTAssertEqual(state.language, .en)
        XCTAssertEqual(dialogue.handle(utterance("greet", .zhHant, slots: ["kind": "thanks"]), in: &state), [.say(Reply("thanks", .zhHant))])
    }

    func testSlotsReadWhoThenWhenAndLookupValuesInWords() {
        let labelled = Dialogue(catalogue: DialogueTests.catalogue,
                                valueLabels: ["objection": ["price": [.zhHans: "太贵", .en: "too expensive"]]])
        var state = DialogueState()
        let effects = labelled.handle(utterance("objection.handle", .zhHans, slots: ["to": "2026-11-22", "objection": "price", "customer": "张三", "from": "2026-11-16"]), in: &state)
        let shown = effects.compactMap { effect -> String? in
            if case .say(let reply) = effect, reply.key == "understood.slot" { return reply.parameters["value"] }
            return nil
        }
        XCTAssertEqual(shown, ["张三", "2026-11-16", "2026-11-22", "太贵"])
    }

    func testQuitSaysGoodbyeThenEnds() {
        var state = DialogueState()
        XCTAssertEqual(dialogue.handle(utterance("quit", .zhHans), in: &state), [.say(Reply("goodbye", .zhHans)), .end])
    }

    func testFallbackOffersSuggestionsAndChangesNothing() {
        var state = DialogueState()
        let event = DialogueEvent.utterance(ParseResult(text: "?", intent: "fallback", confidence: 0, slots: [:], language: .zhHans),
                                            suggestions: ["查看张三", "本周要拜访谁"])
        XCTAssertEqual(dialogue.handle(event, in: &state), [
            .say(Reply("fallback", .zhHans)),
            .say(Reply("fallback.suggestion", .zhHans, ["example": "查看张三"])),
            .say(Reply("fallback.suggestion", .zhHans, ["example": "本周要拜访谁"])),
        ])
    }

    func testUnderstoodIntentsSayPlainlyThatNothingWasDone() {
        var state = DialogueState()
        let effects = dialogue.handle(utterance("visit.schedule", .zhHans, slots: ["customer": "张三"]), in: &state)
        XCTAssertEqual(effects, [
            .say(Reply("understood", .zhHans, ["intent": "安排拜访"])),
            .say(Reply("understood.slot", .zhHans, ["slot": "客户", "value": "张三"])),
        ])
        XCTAssertEqual(Self.catalogue.render(Reply("understood", .en, ["intent": "schedule a visit"])),
                       "Understood: schedule a visit. This feature is still being built, so nothing was done yet.")
    }

    func testBadInputGetsAMessageInTheCurrentLanguage() {
        var state = DialogueState()
        state.language = .en
        XCTAssertEqual(dialogue.handle(.unreadable, in: &state), [.say(Reply("input.unreadable", .en))])
        XCTAssertEqual(dialogue.handle(.tooLong(limit: 4096, language: .zhHans), in: &state),
                       [.say(Reply("input.too_long", .zhHans, ["limit": "4096"]))])
    }

    func testCatalogueRendersPlaceholdersAndFallsBackToSimplified() throws {
        let blocks = try DataFileParser.parse("reply x\n  zh: 你好，{name}！{missing}\n  en: Hi {name}\n", file: "r.kaiqu", kinds: ["reply"])
        XCTAssertThrowsError(try ReplyCatalogue(blocks: blocks), "required replies are missing")
        let full = try DataFileParser.parse(
            ReplyCatalogue.requiredKeys.map { "reply \($0)\n  zh: z\n  en: e\n" }.joined() + "reply x\n  zh: 你好，{name}！{missing}\n  en: Hi {name}\n",
            file: "r.kaiqu", kinds: ["reply"])
        let catalogue = try ReplyCatalogue(blocks: full)
        XCTAssertEqual(catalogue.render("x", .zhHant, ["name": "張三"]), "你好，張三！{missing}")
        XCTAssertEqual(catalogue.render("x", .en, ["name": "Li"]), "Hi Li")
        XCTAssertEqual(catalogue.missingTraditional.count, ReplyCatalogue.requiredKeys.count + 1)
    }

    func testEveryShippedReplyHasAllThreeLanguages() {
        XCTAssertEqual(Self.catalogue.missingTraditional, [])
    }

    func testDisplayWidthCountsChineseAsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("张三"), 4)
        XCTAssertEqual(DisplayWidth.of("Li Ming"), 7)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
    }
}
