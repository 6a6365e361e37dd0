import XCTest
@testable import KaiquDialogue
import KaiquNLU

/// The six-step flow through the conversation: Kaiqu leads step by step, the checklist is
/// ticked by numbers or words, essentials hold the next step back unless the rep insists,
/// refusals are analysed, objections coached and attached, signals read from visit notes,
/// MAN and 5C recorded, deals won and lost.
final class FlowDialogueTests: XCTestCase {
    private func chat(_ name: String = "张三") throws -> Chat {
        let chat = try Chat()
        _ = try chat.say("添加客户 \(name) 电话13800138000")
        return chat
    }

    private func id(_ chat: Chat, _ name: String = "张三") throws -> CustomerID { try XCTUnwrap(try chat.card(name)).id }

    func testStartShowsStepOneAndItsChecklist() throws {
        let chat = try chat()
        let replies = try chat.say("开始开发张三")
        XCTAssertEqual(Array(replies.prefix(3)), ["开始开发 张三。我们一步一步来。", "【第1步 销售准备】张三", "出门前把人、工具、信息和计划都备好。开渠陪你过一遍清单。"])
        XCTAssertTrue(replies.contains("6. ○ 名片带了吗？（必需）"), replies.joined(separator: "\n"))
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 1)
        XCTAssertEqual(try chat.keys("开始开发张三").first, "flow.resumed", "a second start resumes")
    }

    func testEssentialsHoldTheNextStepBackUnlessTheRepInsists() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        XCTAssertEqual(try chat.say("1 2 6"), ["已打勾 3 项：1，2，6。", "这一步还差必需的：",
                                               "7. ○ 客户档案带了吗？", "10. ○ 最新价格表带了吗？", "16. ○ 准客户的资料够详细吗？", "23. ○ 这次拜访的目的明确了吗？"])
        XCTAssertEqual(try chat.say("最新价格表和客户档案都带了").first, "已打勾 2 项：7，10。")
        let held = try chat.keys("下一步")
        XCTAssertEqual(held.first, "flow.missing")
        XCTAssertEqual(held.last, "flow.insist_question")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 1)
        XCTAssertEqual(try chat.keys("确定").prefix(2), ["flow.insisted", "flow.title"])
        let flow = try XCTUnwrap(try chat.book.flow(of: id(chat)))
        XCTAssertEqual(flow.step, 2)
        XCTAssertEqual(flow.history.first?.detail, "insisted")
        XCTAssertEqual(try chat.keys("下一步").prefix(1), ["flow.needs_choice"], "step 2 needs an approach")
        _ = try chat.say("1")
        XCTAssertEqual(try chat.keys("下一步").prefix(2), ["flow.title", "step.3.intro"])
    }

    func testAClauseSayingSomethingIsNotDoneTicksNothing() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        XCTAssertEqual(try chat.say("名片带了，价格表忘了").first, "已打勾 1 项：6。")
        XCTAssertEqual(try chat.say("产品目录带了但是客户档案没带").first, "已打勾 1 项：2。")
        XCTAssertEqual(try chat.say("brought the calculator but forgot the map").first, "已打勾 1 项：8。")
        // 拜访目的 would otherwise be a visit to a customer called 目的.
        XCTAssertEqual(try chat.say("准客户资料查好了，但是拜访目的还没想清楚").first, "已打勾 1 项：16。")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.ticked.sorted(), ["1.calculator", "1.cards", "1.catalog", "1.prospect"])
        _ = try chat.say("去第3步")
        // The item's own words hold the negation: 没放弃 is persisting.
        XCTAssertEqual(try chat.say("没放弃，留了名片").first, "已打勾 1 项：3。")
        XCTAssertEqual(try chat.keys("2").first, "refusal.kind", "the refusal question is still open")
    }

    // Ticking by words looks for each word in the rep's text: a word inside another item's
    // word of the same step would tick both.
    func testNoChecklistWordIsInsideAnotherItemsWordOfTheSameStep() {
        let items = Shipped.data.flow.items
        for a in items {
            for b in items where b.step == a.step && b.id != a.id {
                for word in a.words {
                    XCTAssertFalse(b.words.contains { $0.contains(word) }, "\(a.id) \(word) is inside a word of \(b.id)")
                }
            }
        }
    }

    func testSayingNextStepAgainIsInsisting() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        XCTAssertEqual(try chat.keys("下一步").last, "flow.insist_question")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 1)
        XCTAssertEqual(try chat.keys("下一步").first, "flow.insisted")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 2)
    }

    func testARefusalIsAnalysedAndAnsweredAtStepThree() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        let asked = try chat.keys("张三拒绝了怎么办")
        XCTAssertEqual(asked.last, "refusal.ask_about")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 3)
        XCTAssertEqual(try chat.keys("2"), ["refusal.kind", "refusal.ask_form"])
        XCTAssertEqual(try chat.keys("1"), ["refusal.respond", "refusal.respond"])
        let flow = try XCTUnwrap(try chat.book.flow(of: id(chat)))
        XCTAssertEqual([flow.refusalAbout, flow.refusalForm], ["product", "indirect"])
        XCTAssertTrue(flow.ticked.contains("3.analyse"))
    }

    func testHowTheRefusalWasSaidMayComeFirst() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        _ = try chat.say("去第3步")
        XCTAssertEqual(try chat.keys("他说没时间，改天再约"), ["refusal.seen", "refusal.ask_about"])
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.refusalForm, "indirect")
        XCTAssertEqual(try chat.keys("2"), ["refusal.kind", "refusal.respond", "refusal.respond"], "the form is not asked again")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.refusalAbout, "product")
    }

    func testNumbersTickTheChecklistInContextAfterAnotherRequest() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        _ = try chat.say("客户说价格太高怎么办")
        XCTAssertEqual(try chat.say("2 6").first, "已打勾 2 项：2，6。")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.ticked.sorted(), ["1.cards", "1.catalog"])
        let fresh = try Chat()
        XCTAssertEqual(try fresh.keys("2 6"), ["nothing.to_pick"], "no list in context")
        XCTAssertEqual(try fresh.keys("13900001111").first, "fallback", "a phone number is not a pick")
    }

    func testAnObjectionNamingACustomerIsAttachedAndCoached() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        let replies = try chat.replies("张三嫌利润太薄")
        XCTAssertEqual(replies.first, Reply("coach.title_for", .zhHans, ["name": Shipped.data.catalogue.render("objection.low_margin", .zhHans), "customer": "张三"]))
        XCTAssertEqual(replies.filter { $0.key == "coach.answer" }.count, 2, "two model answers in Chinese")
        let flow = try XCTUnwrap(try chat.book.flow(of: id(chat)))
        XCTAssertEqual(flow.step, 5)
        XCTAssertEqual(flow.open.map(\.kind), ["low_margin"])
        XCTAssertTrue(try chat.book.notes(of: id(chat), limit: 1).first?.text.hasPrefix("异议“") ?? false)
        // Step 5 does not pass while it is open; resolving it moves on to closing.
        XCTAssertEqual(try chat.keys("下一步"), ["flow.objections_open", "flow.objections_resolved_question"])
        XCTAssertEqual(try chat.keys("是").prefix(1), ["flow.title"])
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 6)
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.open, [])
        // Undo takes back the resolution and the move, not the rest.
        _ = try chat.say("撤销")
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 5)
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.open.count, 1)
    }

    func testAnObjectionWithoutACustomerOnlyCoaches() throws {
        let chat = try Chat()
        let replies = try chat.replies("how do I handle a price objection")
        XCTAssertEqual(replies.first?.key, "coach.title")
        XCTAssertEqual(replies.filter { $0.key == "coach.answer" }.count, 1, "one model answer in English")
        XCTAssertFalse(replies.contains { $0.key == "coach.attached" }, "nobody to attach it to")
        XCTAssertEqual(try chat.book.customerNames(), [])
    }

    func testEveryObjectionHasItsPlaybookInEveryLanguage() throws {
        let ids = Shipped.rules.lookupWords["objection"].map { Array($0.keys) } ?? []
        XCTAssertGreaterThanOrEqual(ids.count, 19)
        for id in ["price", "no_time", "has_supplier", "think_it_over", "need_approval", "quality_doubt", "no_need", "payment_terms",
                   "low_margin", "brand_unknown", "after_sales", "bad_experience", "trial_risk", "stock_pressure", "territory_conflict",
                   "send_info_brushoff", "moq_too_high", "competitor_policy", "not_now"] {
            let playbook = try XCTUnwrap(Shipped.data.flow.objections[id], id)
            XCTAssertEqual(playbook.answers[.zhHans], 2, id)
            XCTAssertEqual(playbook.answers[.en], 1, id)
            for language in Language.allCases {
                XCTAssertNotEqual(Shipped.data.catalogue.render("objection.\(id).respond", language), "objection.\(id).respond")
            }
        }
    }

    // The loader compares data words with the rep's folded text as written: a word written in
    // traditional characters or capitals would never match.
    func testEveryCueWordIsWrittenFolded() {
        let flow = Shipped.data.flow
        let words = flow.items.flatMap(\.words) + (flow.refusals + flow.signals).flatMap(\.words)
        XCTAssertGreaterThan(words.count, 50)
        for word in words {
            XCTAssertEqual(Shipped.rules.normalizer.normalize(word).foldedText, word)
        }
    }

    func testVisitNotesShowSignalsObjectionsAndRefusals() throws {
        let chat = try chat()
        _ = try chat.say("添加客户 李四 电话13900001111")
        _ = try chat.say("添加客户 王五 电话13900002222")
        let signal = try chat.keys("刚见了张三，他问售后怎么弄")
        XCTAssertTrue(signal.contains("signal.seen"), "\(signal)")
        XCTAssertEqual(signal.last, "signal.suggest_step")
        XCTAssertEqual(try chat.keys("是").prefix(1), ["flow.title"])
        XCTAssertEqual(try chat.book.flow(of: id(chat))?.step, 6)
        _ = try chat.say("刚见了李四，他嫌利润太薄")
        XCTAssertEqual(try chat.book.flow(of: id(chat, "李四"))?.step, 5)
        XCTAssertEqual(try chat.book.flow(of: id(chat, "李四"))?.open.map(\.kind), ["low_margin"])
        _ = try chat.say("刚见了王五，他说要开会，改天再约")
        let flow = try XCTUnwrap(try chat.book.flow(of: id(chat, "王五")))
        XCTAssertEqual(flow.step, 3)
        XCTAssertEqual(flow.refusalForm, "indirect")
    }

    func testMANIsRecordedAndWhatIsMissingComesWithHowToAsk() throws {
        let chat = try chat()
        let replies = try chat.keys("张三有预算也能拍板")
        XCTAssertEqual(replies.prefix(2), ["man.status", "man.missing"])
        XCTAssertEqual(replies.filter { $0 == "man.how" }.count, 1)
        XCTAssertEqual(try chat.keys("张三有需求").prefix(2), ["man.status", "man.qualified"])
        let card = try XCTUnwrap(try chat.card("张三"))
        XCTAssertEqual([card.money, card.authority, card.need], [true, true, true])
        XCTAssertEqual(card.level, 3, "a need is a clear requirement: 三级")
    }

    func testTheFiveCCheckIsAShortDialogueAndItsGradeIsKept() throws {
        let chat = try chat()
        XCTAssertEqual(try chat.keys("评估一下张三的信用"), ["credit.intro", "credit.question"])
        XCTAssertEqual(try chat.keys("5"), ["credit.question"])
        XCTAssertEqual(try chat.keys("很好"), ["credit.question"])
        XCTAssertEqual(try chat.keys("九"), ["credit.bad_score", "credit.question"])
        _ = try chat.say("4")
        _ = try chat.say("3")
        let result = try chat.replies("4")
        XCTAssertEqual(result.first, Reply("credit.result", .zhHans, ["customer": "张三", "total": "21", "all": "25", "grade": "A",
                                                                      "name": Shipped.data.catalogue.render("credit-grade.A", .zhHans)]))
        let card = try XCTUnwrap(try chat.card("张三"))
        XCTAssertEqual(card.creditGrade, "A")
        XCTAssertEqual(card.creditScores, [5, 5, 4, 3, 4])
        XCTAssertTrue(try chat.say("查看张三").contains { $0.hasPrefix("信用：A") })
    }

    func testADealWonMovesOnToMaintenanceAndALostOneLeavesTheCadence() throws {
        let chat = try chat()
        _ = try chat.say("添加客户 李四 电话13900001111")
        _ = try chat.say("李四是A类客户")
        let won = try chat.keys("张三签了，5万")
        XCTAssertEqual(won.prefix(2), ["deal.won_amount", "flow.title_maintenance"])
        var card = try XCTUnwrap(try chat.card("张三"))
        XCTAssertEqual([card.status == .won, card.level == 1, card.dealAmount == 50_000], [true, true, true])
        XCTAssertEqual(try chat.book.flow(of: card.id)?.step, FlowState.maintenance)
        XCTAssertEqual(try chat.keys("李四不跟了"), ["deal.lost_ask"])
        XCTAssertEqual(try chat.keys("价格比别家高"), ["deal.lost"])
        card = try XCTUnwrap(try chat.card("李四"))
        XCTAssertEqual(card.status, .lost)
        XCTAssertEqual(card.lostReason, "价格比别家高")
        XCTAssertEqual([card.level, card.card == nil ? 0 : 1], [4, 0])
        XCTAssertFalse(try chat.book.due(onOrBefore: CivilDay(2027, 12, 31).ordinal, filter: CustomerFilter(), excluding: [], limit: 10)
            .rows.contains { $0.customer.name == "李四" }, "a lost customer leaves the cadence")
    }

    func testStatusGotoAndTheListByStep() throws {
        let chat = try chat()
        _ = try chat.say("开始开发张三")
        XCTAssertEqual(try chat.keys("跳到第四步").prefix(1), ["flow.title"])
        let status = try chat.say("张三到哪一步了")
        XCTAssertTrue(status.first?.hasPrefix("张三：第4步 销售说服") ?? false, status.joined(separator: "\n"))
        XCTAssertTrue(status.contains { $0.contains("第1步 → 第4步") })
        XCTAssertEqual(try chat.say("在销售说服阶段的客户").first, "共 1 位客户（第4步 销售说服）：")
    }
}
