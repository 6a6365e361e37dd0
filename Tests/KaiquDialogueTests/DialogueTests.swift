import Foundation
import XCTest
@testable import KaiquDialogue
import KaiquNLU

/// The conversation engine itself: languages, fallback, leaving, bad input, the catalogue.
final class DialogueTests: XCTestCase {
    func testRepliesFollowTheLanguageOfTheLastLineWithLetters() throws {
        let chat = try Chat()
        XCTAssertEqual(try chat.replies("help").first, Reply("help", .en))
        // A line with no letters (a bare number) keeps the conversation's language.
        _ = try chat.replies("12345")
        XCTAssertEqual(chat.state.language, .en)
        XCTAssertEqual(try chat.replies("謝謝"), [Reply("thanks", .zhHant)])
        // A line both scripts write alike keeps traditional.
        XCTAssertEqual(try chat.replies("退出").first?.language, .zhHant)
    }

    func testQuitSaysGoodbyeThenEnds() throws {
        var state = DialogueState()
        let chat = try Chat()
        let quit = Utterance(result: ParseResult(text: "退出", intent: "quit", confidence: 1, slots: [:], language: .zhHans))
        XCTAssertEqual(try Shipped.dialogue.handle(.utterance(quit), in: &state, context: chat.context, records: chat.book),
                       [.say(Reply("goodbye", .zhHans)), .end])
    }

    func testFallbackOffersSuggestionsAndChangesNothing() throws {
        let chat = try Chat()
        XCTAssertEqual(try chat.keys("今天天气不错"), ["fallback", "fallback.suggestion"])
        XCTAssertEqual(try chat.book.customerNames(), [])
    }

    func testUnderstoodIntentsNotYetActedOnSayPlainlyThatNothingWasDone() throws {
        // Every intent the contract names has a handler now; one a manager adds in intents/
        // before any code acts on it is still answered plainly, with what was understood.
        let chat = try Chat()
        var utterance = chat.utterance("看看这个月的销售漏斗", after: .zhHans)
        utterance.result.intent = "forecast.add"
        var state = DialogueState()
        let effects = try Shipped.dialogue.handle(.utterance(utterance), in: &state, context: chat.context, records: chat.book)
        guard case .say(let first) = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(first.key, "understood")
        XCTAssertEqual(first.parameters["intent"], "add")
        XCTAssertTrue(effects.dropFirst().contains { if case .say(let reply) = $0 { reply.key == "understood.slot" } else { false } },
                      "the period it understood is said: \(effects)")
    }

    func testBadInputGetsAMessageInTheCurrentLanguage() throws {
        var state = DialogueState()
        state.language = .en
        let chat = try Chat()
        XCTAssertEqual(try Shipped.dialogue.handle(.unreadable, in: &state, context: chat.context, records: chat.book),
                       [.say(Reply("input.unreadable", .en))])
        XCTAssertEqual(try Shipped.dialogue.handle(.tooLong(limit: 4096, language: .zhHans), in: &state, context: chat.context, records: chat.book),
                       [.say(Reply("input.too_long", .zhHans, ["limit": "4096"]))])
    }

    func testConfirmDenyCancelWithNothingPending() throws {
        let chat = try Chat()
        for text in ["是", "no", "算了"] { XCTAssertEqual(try chat.keys(text), ["nothing.pending"], text) }
        XCTAssertEqual(try chat.keys("撤销"), ["nothing.to_undo"])
    }

    func testCatalogueRendersPlaceholdersAndNeedsEveryKeyTheCodeSays() throws {
        let blocks = try DataFileParser.parse("reply x\n  zh: 你好，{name}！{missing}\n  en: Hi {name}\n", file: "r.kaiqu", kinds: ["reply"])
        XCTAssertThrowsError(try ReplyCatalogue(blocks: blocks), "required replies are missing")
        let full = try DataFileParser.parse(
            ReplyKeys.required.map { "reply \($0)\n  zh: z\n  en: e\n" }.joined() + "reply x\n  zh: 你好，{name}！{missing}\n  en: Hi {name}\n",
            file: "r.kaiqu", kinds: ["reply"])
        let catalogue = try ReplyCatalogue(blocks: full)
        XCTAssertEqual(catalogue.render("x", .zhHant, ["name": "張三"]), "你好，張三！{missing}")
        XCTAssertEqual(catalogue.render("x", .en, ["name": "Li"]), "Hi Li")
        let filled = catalogue.filledTraditional { $0.map { $0 == "你好，{name}！{missing}" ? "妳好，{name}！{missing}" : $0 } }
        XCTAssertEqual(filled.render("x", .zhHant, ["name": "張三"]), "妳好，張三！{missing}")
    }

    /// Every key the sources say is in `ReplyKeys.required`, and the shipped data has them all.
    func testReplyKeysListWhatTheSourcesSay() throws {
        let folder = Shipped.root.appendingPathComponent("Sources/KaiquDialogue")
        var used = Set<String>()
        let call = try NSRegularExpression(pattern: #"(?:say|text|labelOf|Reply)\(([^()]*)"#)
        let literal = try NSRegularExpression(pattern: #""([a-z_]+(?:\.[a-z_0-9]+)*)""#)
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let source = try String(contentsOf: url, encoding: .utf8)
            for match in call.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                let arguments = String(source[Range(match.range(at: 1), in: source)!])
                // Only the first argument (and both sides of a ternary there) is a key.
                let first = arguments.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
                for key in literal.matches(in: first, range: NSRange(first.startIndex..., in: first)) {
                    used.insert(String(first[Range(key.range(at: 1), in: first)!]))
                }
            }
        }
        XCTAssertGreaterThan(used.count, 100)
        XCTAssertEqual(used.subtracting(ReplyKeys.required).sorted(), [])
        for key in ReplyKeys.required { XCTAssertTrue(Shipped.data.catalogue.has(key), key) }
    }

    func testDisplayWidthCountsChineseAsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("张三"), 4)
        XCTAssertEqual(DisplayWidth.of("Li Ming"), 7)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
    }

    func testTablesAlignChineseAndLatinByDisplayWidth() {
        let lines = Table.lines([["#", "姓名", "地区"], ["1", "欧阳娜娜", "杭州"], ["2", "Li Ming", "Shanghai"]])
        let starts = lines.map { line -> Int in
            let prefix = line.prefix { $0 != "杭" && $0 != "S" && $0 != "地" }
            return DisplayWidth.of(String(prefix))
        }
        XCTAssertEqual(Set(starts).count, 1, lines.joined(separator: "\n"))
        XCTAssertEqual(Table.truncated("一二三四五六七八九十"), "一二三四五六七…")
    }
}
