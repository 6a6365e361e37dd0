import XCTest
@testable import KaiquDialogue
import KaiquNLU

/// Customer cards through the conversation: add, update, show, list, delete, note, and the
/// ways a rep points at a customer.
final class CustomerDialogueTests: XCTestCase {
    func testAddAsksOnlyForTheNameThenThePhoneAndABareAnswerFillsIt() throws {
        let chat = try Chat()
        XCTAssertEqual(try chat.keys("添加客户"), ["customer.ask_name"])
        XCTAssertEqual(try chat.keys("孙丽"), ["customer.ask_phone"])
        XCTAssertEqual(try chat.keys("13900001111"), ["customer.added_details", "customer.added_next"])
        let card = try XCTUnwrap(try chat.card("孙丽"))
        XCTAssertEqual(card.phones, ["13900001111"])
        XCTAssertEqual(card.level, 4, "a new card with nothing specific is suggested 四级")
        XCTAssertFalse(card.levelSetByRep)
    }

    func testEverythingInOneSentenceAsksNothing() throws {
        let chat = try Chat()
        let replies = try chat.say("新增一个经销商，王总，电话13900001111")
        XCTAssertEqual(replies.first, "已添加客户 王总（电话：13900001111，经销商）。")
        XCTAssertEqual(try chat.card("王总")?.role, "dealer")
    }

    func testAnEnglishCardTakesItsRegionAndRoleAndNamesTheRegionInEnglish() throws {
        let chat = try Chat()
        XCTAssertEqual(try chat.say("add customer David Chen phone 13900002222 Ningbo dealer").first,
                       "Added David Chen (phone: 13900002222, dealer, Ningbo).")
        let card = try XCTUnwrap(try chat.card("David Chen"))
        XCTAssertEqual([card.region, card.role], ["宁波", "dealer"], "stored as the contract's values")
    }

    func testCancelAtAnyPointKeepsNothing() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 孙丽")
        XCTAssertEqual(try chat.keys("算了"), ["cancelled"])
        XCTAssertEqual(try chat.book.customerNames(), [])
        XCTAssertEqual(try chat.keys("13900001111").first, "fallback", "the question is gone")
    }

    func testThePhoneCanBeSkippedAndABadOneIsExplained() throws {
        let chat = try Chat()
        _ = try chat.say("add customer Tom Wu")
        XCTAssertEqual(try chat.keys("1380013800"), ["customer.bad_phone", "customer.ask_phone"])
        XCTAssertEqual(try chat.keys("skip"), ["customer.added", "customer.added_next"])
        XCTAssertEqual(try chat.card("Tom Wu")?.phones, [])
    }

    func testADuplicateByPhoneIsShownAndUpdatedInstead() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 孙丽 电话13900001111")
        let replies = try chat.say("添加客户 孙莉 电话13900001111 杭州")
        XCTAssertEqual(replies, ["已经有一张很像的卡，可能就是 孙莉：", "孙丽 · 13900001111",
                                 "把这次的信息更新到这张卡上吗？（是：更新这张；不是：另建一张新卡；算了：都不做）"])
        XCTAssertEqual(try chat.keys("是"), ["customer.updated"])
        XCTAssertEqual(try chat.book.customerNames(), ["孙丽"])
        XCTAssertEqual(try chat.card("孙丽")?.region, "杭州")
    }

    func testASameNameAtAnotherCompanyIsNoDuplicateButWithoutCompanyIsAsked() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张伟 电话13900001111")
        _ = try chat.say("添加客户 张伟")
        XCTAssertEqual(chat.state.pending.map { if case .newCustomer = $0 { "phone" } else { "other" } }, "phone")
        XCTAssertEqual(try chat.keys("13900002222"), ["customer.duplicate", "line", "customer.duplicate_question"])
        XCTAssertEqual(try chat.keys("不是"), ["customer.added_details"], "the tip is given once")
        XCTAssertEqual(try chat.book.customerNames(), ["张伟", "张伟"])
    }

    func testTwoCardsOfOneNameOnAListAreToldApartByCompanyElseThePhonesEnd() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张伟 电话13900001111")
        _ = try chat.say("添加客户 张伟 电话13900002222")
        _ = try chat.say("不是")
        _ = try chat.say("添加客户 李娜 电话13900003333")
        let lines = try chat.say("列出客户")
        XCTAssertTrue(lines.contains { $0.contains("张伟（尾号1111）") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("张伟（尾号2222）") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.contains("李娜（") }, "a name alone on the page has no hint")
    }

    func testNamesWithSQLOrShellCharactersAreStoredLiterally() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户")
        let name = "Bob'); DROP TABLE customer;--$(rm -rf ~)"
        _ = try chat.say(name)
        _ = try chat.say("跳过")
        XCTAssertEqual(try chat.book.customerNames(), [name])
        XCTAssertEqual(chat.state.language, .zhHans, "a Latin answer keeps the conversation's language")
    }

    func testUpdatesCheckTheirValues() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 李四 电话13900001111")
        XCTAssertEqual(try chat.say("把李四的电话改成13800138000").first, "已更新 李四：电话 → 13800138000。")
        XCTAssertEqual(try chat.card("李四")?.phones, ["13800138000", "13900001111"])
        XCTAssertEqual(try chat.keys("李四生日是2月30日"), ["customer.bad_birthday"])
        XCTAssertEqual(try chat.keys("李四生日是农历八月十五"), ["customer.updated"])
        XCTAssertEqual(try chat.card("李四")?.birthday, Birthday(calendar: .lunar, month: 8, day: 15))
        XCTAssertEqual(try chat.keys("李四的邮箱是 not-an-email"), ["customer.bad_email"])
        XCTAssertEqual(try chat.keys("李四是A类客户"), ["customer.updated"])
        let card = try XCTUnwrap(try chat.card("李四"))
        XCTAssertEqual(card.card, "A")
        XCTAssertTrue(card.cardSetByRep)
        XCTAssertEqual(try chat.keys("把李四改成二级客户"), ["customer.updated"])
        XCTAssertEqual(try chat.card("李四")?.level, 2)
    }

    func testTheCardShowsProfilesAndWhatIsMissing() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 孙丽 电话13900001111 杭州")
        _ = try chat.say("记一下，孙丽喜欢钓鱼")
        let card = try chat.say("查看孙丽")
        XCTAssertEqual(card.first, "【孙丽 · 杭州】")
        XCTAssertTrue(card.contains("电话：13900001111"))
        XCTAssertTrue(card.contains { $0.hasPrefix("软件资料（1/9）：爱好 钓鱼｜还空着：工作状况，家庭状况") }, card.joined(separator: "\n"))
        XCTAssertTrue(card.contains("MAN：预算 ? · 决策权 ? · 需求 ?"))
        XCTAssertTrue(card.contains { $0.hasPrefix("· 2026-11-18 喜欢钓鱼") })
    }

    func testANoteFillsTheSoftwareProfile() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 王建国 电话13900001111")
        let replies = try chat.say("给王建国加个备注，他老婆姓刘，喜欢打高尔夫")
        XCTAssertEqual(replies.first, "已记下（王建国）：他老婆姓刘，喜欢打高尔夫")
        let card = try XCTUnwrap(try chat.card("王建国"))
        XCTAssertEqual(card.profile["family"], "他老婆姓刘")
        XCTAssertEqual(card.profile["hobbies"], "打高尔夫")
    }

    func testListsFilterPageAndAlign() throws {
        let chat = try Chat()
        for i in 1...12 { _ = try chat.say("添加客户 客\(["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑"][i - 1])人 电话139000011\(String(format: "%02d", i))") }
        _ = try chat.say("添加客户 Li Ming 电话13800138000")
        _ = try chat.say("Li Ming is an A customer")
        let a = try chat.say("列出所有A类客户")
        XCTAssertEqual(a.first, "共 1 位客户（A类）：")
        XCTAssertEqual(a.count, 3)
        let all = try chat.say("客户列表")
        XCTAssertEqual(all.first, "共 13 位客户：")
        XCTAssertEqual(all.last, "还有 3 位，说“更多”看下一页。")
        XCTAssertTrue(all[2].hasPrefix("1 ") && all[2].contains("Li Ming"), "A cards first: \(all[2])")
        let widths = Set(all[1...11].map { line in DisplayWidth.of(String(line.prefix { $0 != "四" && $0 != "-" && $0 != "级" })) })
        XCTAssertEqual(widths.count, 1, all.joined(separator: "\n"))
        let more = try chat.say("更多")
        XCTAssertEqual(more.count, 4)
        XCTAssertEqual(try chat.keys("更多"), ["list.nothing_more"])
    }

    func testABigBookCountsToAThousandAndSaysMore() throws {
        let chat = try Chat()
        let cards = (0...countLimit).map { CustomerCard(id: 0, name: "客户\($0)", createdAt: "2026-11-18T09:00", updatedAt: "2026-11-18T09:00") }
        _ = try chat.book.apply(cards.map { .addCustomer($0) }, kind: "import", subject: "big", at: "2026-11-18T09:00")
        let list = try chat.say("客户列表")
        XCTAssertEqual(list.first, "共 1000+ 位客户：")
        XCTAssertEqual(list.last, "还有 990+ 位，说“更多”看下一页。")
        _ = try chat.book.apply(.undo, at: "2026-11-18T09:00")
        _ = try chat.book.apply(cards.dropLast().map { .addCustomer($0) }, kind: "import", subject: "big", at: "2026-11-18T09:00")
        XCTAssertEqual(try chat.say("客户列表").first, "共 1000 位客户：")
    }

    func testDeleteIsConfirmedAndUndoRestoresIt() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张三 电话13900001111")
        XCTAssertEqual(try chat.keys("删除张三"), ["customer.delete_confirm"])
        XCTAssertEqual(try chat.keys("不"), ["customer.delete_kept"])
        XCTAssertEqual(try chat.book.customerNames(), ["张三"])
        _ = try chat.say("删除张三")
        XCTAssertEqual(try chat.say("是"), ["已删除 张三。说“撤销”可以恢复。"])
        XCTAssertEqual(try chat.book.customerNames(), [])
        XCTAssertEqual(try chat.say("撤销"), ["已撤销：删除客户（张三）。"])
        XCTAssertEqual(try chat.card("张三")?.phones, ["13900001111"])
    }

    func testUndoRevertsTheLastChangeAndThenTheOneBefore() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张三 电话13900001111")
        _ = try chat.say("张三是B类客户")
        _ = try chat.say("撤销")
        XCTAssertEqual(try chat.card("张三")?.card, nil)
        _ = try chat.say("撤销")
        XCTAssertEqual(try chat.book.customerNames(), [])
        XCTAssertEqual(try chat.keys("撤销"), ["nothing.to_undo"])
    }

    func testAnEditSaidAgainChangesNothingAndLeavesNothingToUndo() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张三 电话13900001111")
        XCTAssertEqual(try chat.keys("把张三的地址改成杭州市西湖区文三路"), ["customer.updated"])
        let before = try XCTUnwrap(try chat.card("张三"))
        XCTAssertEqual(try chat.say("把张三的地址改成杭州市西湖区文三路"), ["张三 的地址已经是 杭州市西湖区文三路，不用改。"])
        XCTAssertEqual(try chat.card("张三")?.updatedAt, before.updatedAt, "nothing written")
        // A card the method suggested becomes the rep's own choice: that is a change.
        XCTAssertEqual(try chat.keys("张三是A类客户"), ["customer.updated"])
        XCTAssertEqual(try chat.keys("张三是A类客户"), ["customer.unchanged"])
        XCTAssertEqual(try chat.keys("把张三的电话改成13900001111"), ["customer.unchanged"], "the first phone already")
        _ = try chat.say("撤销")
        XCTAssertEqual(try chat.card("张三")?.card, nil, "the undo undoes the A card, not a repeat")
        _ = try chat.say("撤销")
        XCTAssertNil(try chat.card("张三")?.address)
    }

    func testHeAndThisCustomerMeanTheLastOneMentioned() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 孙丽 电话13900001111")
        _ = try chat.say("添加客户 王建国 电话13900002222")
        _ = try chat.say("查看孙丽")
        XCTAssertEqual(try chat.say("查看他").first, "【孙丽】")
        XCTAssertEqual(try chat.keys("明天拜访他"), ["visit.scheduled"])
        XCTAssertEqual(try chat.book.visits(of: try XCTUnwrap(chat.card("孙丽")).id, limit: 5).count, 1)
    }

    func testAnHonorificThatFitsSeveralAsksWhichAndANumberAnswers() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 王大明 电话13900001111")
        _ = try chat.say("添加客户 王小红 电话13900002222")
        let asked = try chat.say("查看王总")
        XCTAssertEqual(asked, ["有 2 位客户对得上“王总”，是哪一位？", "1. 王大明 · 13900001111", "2. 王小红 · 13900002222", "回复序号即可，或说“算了”。"])
        XCTAssertEqual(try chat.say("2").first, "【王小红】")
        _ = try chat.say("查看王总")
        XCTAssertEqual(try chat.say("第一个").first, "【王大明】")
    }

    func testAnUnknownCustomerCanBeAddedAndTheRequestGoesOn() throws {
        let chat = try Chat()
        XCTAssertEqual(try chat.keys("明天下午三点拜访孙丽"), ["customer.not_found"])
        XCTAssertEqual(try chat.keys("好的"), ["customer.ask_phone"])
        XCTAssertEqual(try chat.keys("13900001111"), ["customer.added_details", "visit.scheduled"])
        let visits = try chat.book.visits(of: try XCTUnwrap(chat.card("孙丽")).id, limit: 5)
        XCTAssertEqual(visits.map(\.start), ["2026-11-19T15:00"])
    }

    func testTraditionalAndEnglishConversations() throws {
        let chat = try Chat()
        XCTAssertEqual(try chat.say("新增客戶 孫麗 電話13900001111").first, "已添加客戶 孫麗（電話：13900001111）。")
        XCTAssertEqual(try chat.say("查看孫麗").first, "【孫麗】")
        XCTAssertEqual(try chat.say("add customer Li Ming, phone 13800138000").first, "Added Li Ming (phone: 13800138000).")
        XCTAssertEqual(try chat.say("delete Li Ming").first, "Delete Li Ming? (yes / no) You can say \"undo\" afterwards to bring the card back.")
        XCTAssertEqual(try chat.say("yes").first, "Deleted Li Ming. Say \"undo\" to bring the card back.")
    }

    func testANewRequestDropsAPendingQuestionAndSaysSo() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 张三 电话13900001111")
        _ = try chat.say("删除张三")
        XCTAssertEqual(try chat.keys("客户列表").first, "pending.dropped")
        XCTAssertEqual(try chat.book.customerNames(), ["张三"])
        _ = try chat.say("删除张三")
        XCTAssertEqual(try chat.keys("今天天气不错"), ["answer.unclear", "customer.delete_confirm"])
    }
}

/// The answer to "what is the new customer's name?" gives the name alone.
final class NameAnswerTests: XCTestCase {
    private func answer(_ text: String) throws -> (Chat, [String]) {
        let chat = try Chat()
        XCTAssertEqual(try chat.keys("添加客户 电话13800000012").last, "customer.ask_name")
        return (chat, try chat.say(text))
    }

    func testAPhoneSaidWithTheNameIsThePhone() throws {
        let (chat, replies) = try answer("张伟 13800138001")
        XCTAssertEqual(replies.first, "已添加客户 张伟（电话：13800138001）。")
        XCTAssertEqual(try chat.card("张伟")?.phones, ["13800138001"])
    }

    func testTheWordsLeadingTheNameInAreNotTheName() throws {
        XCTAssertEqual(try answer("叫张伟").1.first, "已添加客户 张伟（电话：13800000012）。")
        XCTAssertEqual(try answer("名字是 Tom Wu").1.first, "已添加客户 Tom Wu（电话：13800000012）。")
    }

    func testANewAddRequestIsNotAName() throws {
        let (chat, replies) = try answer("添加客户 王芳 电话13800000007")
        XCTAssertEqual(replies.first, "（上一个问题先放下了，那件事没有保存。）")
        XCTAssertNotNil(try chat.card("王芳"))
        XCTAssertNil(try chat.card("添加客户 王芳 电话13800000007"))
    }

    func testAPhoneAloneIsNoName() throws {
        XCTAssertEqual(try answer("13800138001").1.first, "“13800138001”像是号码，不像名字。请告诉我客户的名字。")
    }

    func testRepeatedNamesAreFoundByTheirBytes() {
        XCTAssertEqual(Turn.repeated(["张三丰", "李四", "张三丰", "张三"]), [0, 2])
        // Alike in length and their first eight bytes, different after.
        XCTAssertEqual(Turn.repeated(["欧阳建国A", "欧阳建国B", "欧阳建国A"]), [0, 2])
        XCTAssertEqual(Turn.repeated(["a", "b", "c"]), [])
        XCTAssertEqual(Turn.repeated([]), [])
    }
}
