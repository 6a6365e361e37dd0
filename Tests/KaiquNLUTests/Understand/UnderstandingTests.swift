import XCTest
@testable import KaiquNLU

/// The layer under the patterns: cues, slots from anywhere, rewrites and the typo pass. The
/// mechanism on small rule sets written here; the behaviour on the shipped intents/ with
/// sentences written for these tests (never taken from the development corpus).
final class UnderstandingTests: XCTestCase {
    private func parse(_ parser: Parser, _ text: String, customers: [String] = ["张三", "王建国", "Li Ming"],
                       now: Date = TestData.context.now) -> ParseResult {
        let context = ParseContext(now: now, timeZone: TestData.context.timeZone, customers: parser.rules.gazetteer(customers))
        return parser.parse(text, context: context)
    }

    private func shipped(_ text: String, customers: [String] = ["张三", "王建国", "Li Ming"]) -> ParseResult {
        parse(TestData.parser, text, customers: customers)
    }

    /// The shipped parser reads `text` as `intent` with (at least) these slot values.
    private func assertReading(_ text: String, _ intent: String, _ slots: [String: String],
                               file: StaticString = #filePath, line: UInt = #line) {
        let r = shipped(text)
        XCTAssertEqual(r.intent, intent, text, file: file, line: line)
        for (name, value) in slots { XCTAssertEqual(r.slots[name], value, "\(name) of \(text)", file: file, line: line) }
    }

    // MARK: the mechanism

    func testCueLinesAddUpAndNeedTheirWordsInOrder() throws {
        let p = Parser(rules: try TestData.rules(with: [("t.kaiqu", """
        intent deal.won
          zh: 成交 {customer}
        words won
          签了 | 拿下
        cue deal.won
          slots: customer amount
          3: ~won
          2: {customer} ~won
          -9: 没 ~won
        """)]))
        let signed = parse(p, "跟了半年，张三今天总算签了，八万")
        XCTAssertEqual(signed.intent, "deal.won", "3 + 2 is past the threshold of 4")
        XCTAssertEqual(signed.slots, ["customer": "张三", "amount": "80000"], "slots come from anywhere in the sentence")
        XCTAssertEqual(parse(p, "签了").intent, "fallback", "one cue of weight 3 alone is not enough")
        XCTAssertEqual(parse(p, "张三还没签了").intent, "fallback", "negative lines count")
        XCTAssertEqual(parse(p, "拿下张三").intent, "deal.won", "entities may stand anywhere")
    }

    func testANegativeCueOutweighsAPattern() throws {
        let p = Parser(rules: try TestData.rules(with: [("t.kaiqu", """
        intent customer.delete
          zh: 删除 [*]
        words ui
          按钮 | 在哪
        cue customer.delete
          -10: ~ui
        """)]))
        XCTAssertEqual(parse(p, "删除张三").intent, "customer.delete")
        XCTAssertEqual(parse(p, "删除按钮在哪").intent, "fallback")
    }

    func testALiteralGroupMayHoldPhrasesWithSpaces() throws {
        let p = Parser(rules: try TestData.rules(with: [("t.kaiqu", """
        intent visit.schedule
          en: see {customer}
        words go
          visit | go
        cue visit.schedule
          slots: customer
          5: ~go
          -9: (board room|team meeting|例会) !{customer}
        """)]))
        XCTAssertEqual(parse(p, "go to the shop").intent, "visit.schedule")
        XCTAssertEqual(parse(p, "go to the team meeting").intent, "fallback", "the phrase inside the parentheses is one word")
        XCTAssertEqual(parse(p, "go to the board room").intent, "fallback")
        XCTAssertEqual(parse(p, "go to the 例会").intent, "fallback", "Han and Latin words in one group")
    }

    func testMalformedCuesAndRewritesStopLoadingWithTheirPlace() {
        XCTAssertThrowsError(try TestData.rules(with: [("t.kaiqu", "cue no.such.intent\n  4: 你好\n")]))
        XCTAssertThrowsError(try TestData.rules(with: [("t.kaiqu", "intent greet\n  zh: 你好\ncue greet\n  4: ~nothing\n")])) { error in
            XCTAssertEqual((error as? DataErrors)?.errors.first?.position, "t.kaiqu:4:6")
        }
        XCTAssertThrowsError(try TestData.rules(with: [("t.kaiqu", "rewrite x\n  邊個 -> 谁\n")])) { error in
            XCTAssertEqual((error as? DataErrors)?.errors.first?.problem, .rewriteLength("邊個 -> 谁"), "sides of different lengths")
        }
    }

    func testRewritesKeepWhatWasTypedInSlots() throws {
        let p = Parser(rules: try TestData.rules(with: [("t.kaiqu", """
        rewrite t
          佢 -> 他 | 諗 -> 想
        intent visit.log
          zh: 见了 {customer} {note:text}
        """)]))
        let r = parse(p, "见了张三 佢要諗下")
        XCTAssertEqual(r.intent, "visit.log")
        XCTAssertEqual(r.slots["note"], "佢要諗下", "the note quotes the rep, not the rewritten text")
    }

    func testAPatternWrittenInCantoneseStillMatchesOnceRewritten() throws {
        let p = Parser(rules: try TestData.rules(with: [("t.kaiqu", """
        rewrite t
          唔 -> 不
        intent deny
          zh: 唔係
        """)]))
        XCTAssertEqual(parse(p, "唔係").intent, "deny")
    }

    func testANameHoldingARewrittenCharacterIsStillKnown() {
        XCTAssertEqual(shipped("明天下午三点拜访李仲明", customers: ["李仲明"]).slots["customer"], "李仲明")
    }

    func testWithinOneEdit() {
        func edit(_ a: String, _ b: String) -> Bool { CueScorer.withinOneEdit(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        XCTAssertTrue(edit("custmer", "customer"))
        XCTAssertTrue(edit("shedule", "schedule"))
        XCTAssertTrue(edit("hlep", "help"), "neighbours swapped")
        XCTAssertTrue(edit("delet", "delete"))
        XCTAssertFalse(edit("custmr", "customer"))
        XCTAssertFalse(edit("cat", "dog"))
    }

    // MARK: the shipped cues

    func testALongMessageWithAsidesIsUnderstood() {
        let r = shipped("今天跑了一上午，累死了，不过碰到一个开超市的老板挺有意向，帮我建个档：刘德强，电话13911112222，义乌的")
        XCTAssertEqual(r.intent, "customer.add")
        XCTAssertEqual(r.slots["name"], "刘德强")
        XCTAssertEqual(r.slots["phone"], "13911112222")
        XCTAssertEqual(r.slots["region"], "义乌")
    }

    func testAPlaceAndARoleAreNoCompany() {
        for text in ["加个客户 周海，绍兴的批发商，13822223333", "加一个准客户 周海 绍兴的门店"] {
            let r = shipped(text)
            XCTAssertEqual(r.intent, "customer.add", text)
            XCTAssertNil(r.slots["company"], text)
            XCTAssertEqual(r.slots["region"], "绍兴", text)
            XCTAssertNotNil(r.slots["role"], text)
        }
    }

    func testAnInferLineGivesAValueSaidInOtherWords() throws {
        let p = Parser(rules: try TestData.rules(with: [("t.kaiqu", """
        intent objection.handle
          zh: {objection} 怎么办
        lookup objection
          price: 太贵
        words thing
          价格 | 报价
        words dear
          高 | 一截
        words coach
          怎么办
        cue objection.handle
          slots: objection customer
          5: {objection} ~coach
        infer objection
          price: ~thing ~dear
        """)]))
        let r = parse(p, "张三说我们报价比同行高一截，怎么办")
        XCTAssertEqual(r.intent, "objection.handle")
        XCTAssertEqual(r.slots["objection"], "price", "the words of one clause, in order")
        XCTAssertEqual(parse(p, "张三说一截绳子的价格，怎么办").slots["objection"], nil, "out of order")
        XCTAssertEqual(parse(p, "价格呢，高不高，怎么办").slots["objection"], nil, "in two clauses")
        XCTAssertThrowsError(try TestData.rules(with: [("t.kaiqu", "infer nothing\n  x: 高\n")]), "an unknown type stops loading")
    }

    func testTheCompanyIsNotTheRegion() {
        let r = shipped("新增经销商 周海 宁波海天五金 13822223333")
        XCTAssertEqual(r.intent, "customer.add")
        XCTAssertEqual(r.slots["company"], "宁波海天五金")
        XCTAssertNil(r.slots["region"], "宁波 inside the company's name is not where the customer is")
    }

    func testCompanyInsideItsOwnEndingIsNoMarker() {
        let r = shipped("新增客户 周海，海天实业有限公司，经销商")
        XCTAssertEqual(r.slots["company"], "海天实业有限公司", "公司 inside 有限公司 marks nothing after it")
        XCTAssertEqual(r.slots["role"], "dealer")
        XCTAssertEqual(shipped("add customer Amy Lin, Lin Trading Co., phone 13900001111").slots["company"], "Lin Trading Co.")
    }

    func testTheValueAfterTheChangeWordNamesTheField() {
        let r = shipped("王建国昨天打电话来催报价，帮我把他调成B卡")
        XCTAssertEqual(r.intent, "customer.update")
        XCTAssertEqual(r.slots["field"], "card")
        XCTAssertEqual(r.slots["value"], "B")
    }

    func testTheRequestClauseOutweighsTheReason() {
        let r = shipped("下周要去杭州出差，想顺便拜访一圈，你先帮我把杭州的经销商都列出来")
        XCTAssertEqual(r.intent, "customer.list")
        XCTAssertEqual(r.slots["region"], "杭州")
        XCTAssertEqual(r.slots["role"], "dealer")
    }

    func testPersonalNotesAndScreenQuestionsAreNoActions() {
        XCTAssertEqual(shipped("记一下：明天去银行办卡").intent, "fallback")
        XCTAssertEqual(shipped("note to self: call the plumber").intent, "fallback")
        XCTAssertEqual(shipped("删除的按钮在哪里").intent, "fallback")
    }

    func testACoachingQuestionIsGeneralAndAStatementIsAboutTheCustomer() {
        let question = shipped("他老说我们的利润太薄，这种情况咋整")
        XCTAssertEqual(question.intent, "objection.handle")
        XCTAssertEqual(question.slots["objection"], "low_margin")
        XCTAssertNil(question.slots["customer"], "a coaching question binds no pronoun")
        XCTAssertEqual(shipped("王建国说利润太薄").slots["customer"], "王建国")
    }

    func testAskingAboutTermsIsNoObjection() {
        let r = shipped("刚见了王建国，他问了账期和首批要多少")
        XCTAssertEqual(r.intent, "visit.log")
        XCTAssertNil(r.slots["objection"])
    }

    func testLaterTodayIsAPlanNotARecord() {
        // 10:00 in the fixture: the afternoon has not happened yet.
        let r = shipped("下午见完张三再去趟王建国那")
        XCTAssertEqual(r.intent, "visit.schedule")
        XCTAssertEqual(r.slots["customer"], "王建国", "the customer gone to next")
    }

    func testABareWeekdayInARecordIsTheLastOne() {
        // Wednesday 2026-11-18: 周一 in a record is the Monday just past.
        XCTAssertEqual(shipped("周一见了张三，聊得不错").slots["date"], "2026-11-16")
        XCTAssertEqual(shipped("called Li Ming: wants the price list by Friday").slots["date"], nil, "a deadline is not the call's date")
    }

    func testUpdatesGiveTheValueInItsFieldsFormat() {
        let birthday = shipped("张三的生日改成8月9号")
        XCTAssertEqual(birthday.slots["field"], "birthday")
        XCTAssertEqual(birthday.slots["value"], "08-09")
        let phone = shipped("王建国的手机改了，+86 139 1111 2222")
        XCTAssertEqual(phone.slots["value"], "13911112222")
    }

    func testCantoneseIsFolded() {
        let r = shipped("聽日朝早十點去搵王建國傾下")
        XCTAssertEqual(r.intent, "visit.schedule")
        XCTAssertEqual(r.slots["customer"], "王建国")
        XCTAssertEqual(r.slots["date"], "2026-11-19")
        XCTAssertEqual(r.slots["time"], "10:00")
    }

    // MARK: typos

    func testHomophoneSlipsAreCorrectedOnlyWhenTheTextAsTypedFalls() throws {
        let analysis = TestData.parser.analyze("明添上午十点拜仿王建国", context: TestData.context)
        XCTAssertEqual(analysis.result.intent, "visit.schedule")
        XCTAssertEqual(analysis.result.slots["date"], "2026-11-19", "明添 is read as 明天")
        XCTAssertEqual(analysis.result.slots["time"], "10:00")
        XCTAssertTrue([Reading.typoPattern, .typoCues].contains(analysis.result.reading), "\(analysis.result.reading)")
        XCTAssertTrue(analysis.typos.contains { $0.from == "明添" && $0.to == "明天" }, "\(analysis.typos)")
        XCTAssertEqual(shipped("添加客户 张伟").reading, .pattern, "a sentence read as typed is not corrected")
        XCTAssertEqual(shipped("note to self: call the plumber").reading, .none, "a known word (note) is no slip for another (nope)")
    }

    func testAFuzzyIMESyllableIsASlipToo() {
        // 模糊音: back and front nasals, curled and flat initials, n and l.
        XCTAssertEqual(HomophoneIndex.fuzzyKey("ying"), HomophoneIndex.fuzzyKey("yin"))
        XCTAssertEqual(HomophoneIndex.fuzzyKey("zhang"), HomophoneIndex.fuzzyKey("zan"))
        XCTAssertEqual(HomophoneIndex.fuzzyKey("niu"), HomophoneIndex.fuzzyKey("liu"))
        XCTAssertNotEqual(HomophoneIndex.fuzzyKey("yong"), HomophoneIndex.fuzzyKey("yon"), "ong has no front-nasal twin")
        XCTAssertNotEqual(HomophoneIndex.fuzzyKey("ba"), HomophoneIndex.fuzzyKey("pa"))
        // 供因商 (ying typed yin) is 供应商: an objection, not a sentence not understood.
        let r = shipped("客户说已经有供因商了怎么办")
        XCTAssertEqual(r.intent, "objection.handle")
        XCTAssertEqual(r.slots["objection"], "has_supplier")
    }

    func testACorrectionKeepsKnownWordsAndValues() {
        // 哪下 sounds like 拿下 (a deal won), but it sits inside 从哪下手, typed as it should be.
        XCTAssertNotEqual(shipped("张三之前被别家坑过，我该从哪下手打消他的顾虑").intent, "deal.won")
        // 级得 sounds like 记得 (a note), but 四级 was read as a level.
        let r = shipped("王建国没啥意向了，降成四级得了")
        XCTAssertEqual(r.intent, "customer.update")
        XCTAssertEqual(r.slots["value"], "4")
        // A pattern over the corrected sentence outweighs cues that read around the slips.
        let visit = shipped("作天拜仿了张三，他说价格太高")
        XCTAssertEqual(visit.intent, "visit.log")
        XCTAssertEqual(visit.slots["customer"], "张三")
    }

    func testASlipInsideASureReadingIsStillSeen() {
        // 拜访张三 alone reads surely as a visit planned; 取宵 (取消) makes it a cancellation.
        let r = shipped("周五跟张三的拜访取宵")
        XCTAssertEqual(r.intent, "visit.cancel")
        XCTAssertEqual(r.reading, .typoPattern, "a guess, which the chat confirms before it acts")
        XCTAssertEqual(shipped("周五拜访张三").reading, .pattern, "a sure reading with no slip is left alone")
    }

    func testATypoNeverInventsACustomer() {
        XCTAssertEqual(shipped("周末去健身房练练腿").intent == "visit.schedule", false)
        XCTAssertNil(shipped("周末去健身房练练腿").slots["customer"])
    }

    func testEnglishMisspellingsOneEditAway() {
        let r = shipped("pls delet Li Ming")
        XCTAssertEqual(r.intent, "customer.delete")
        XCTAssertEqual(r.slots["customer"], "Li Ming")
    }

    func testEnglishSlipsAreSpelledAsMeantButWordsStay() {
        // A dropped letter (custmer), swapped ones (paymnet) and a weekday typed fast.
        let r = shipped("custmer wants longer paymnet terms, how to respnd")
        XCTAssertEqual(r.intent, "objection.handle")
        XCTAssertEqual(r.slots["objection"], "payment_terms")
        let moved = shipped("move Li Ming to next Wendesday 3pm")
        XCTAssertEqual(moved.slots["date"], "2026-11-25", "Wendesday is Wednesday")
        // A real English word one edit from a known one is no slip: soon is not noon.
        let note = shipped("Li Ming visit done, samples arriving soon")
        XCTAssertNil(note.slots["time"], "\(note.slots)")
        XCTAssertTrue(note.slots["note"]?.hasSuffix("soon") ?? false, "\(note.slots)")
        // A slip of the same length keeps the rep's spelling in a note.
        let kept = shipped("met Li Ming today, he siad the shelf is full")
        XCTAssertTrue(kept.slots["note"]?.contains("siad") ?? false, "\(kept.slots)")
    }

    func testOfTwoNeighboursTheOneKeepingTheFirstLetterAndAnEnglishOneIsMeant() throws {
        // vist is one edit from visit and from list; shcedule from schedule and from the slip
        // shedule written into the data. The first letter stays, and English beats a slip.
        var index = SpellingIndex(words: try EnglishWords.parse("list\nschedule\nvisit\n", file: "english.table"))
        for word in ["list", "visit", "schedule", "shedule", "vist", "haven't", "havent"] { index.add(word) }
        func spelled(_ text: String) -> [String] {
            let scalars = Array(text.unicodeScalars)
            return index.correct(NormalizedText(original: scalars, scalars: scalars)) { _ in false }.changes.map { "\($0.from)→\($0.to)" }
        }
        XCTAssertEqual(spelled("shcedule a vizit"), ["shcedule→schedule", "vizit→visit"])
        // A slip written into the data (log vist) is still spelled as the English word meant…
        XCTAssertEqual(spelled("log vist"), ["vist→visit"])
        // …but a word written without its apostrophe on purpose is no slip for a shorter one.
        XCTAssertEqual(spelled("havent seen him"), [])
        XCTAssertEqual(shipped("any retailers i havent folowed up with?").intent, "followup.due")
    }

    func testTheRoleANewCustomerWillHaveAndNoPlaceForAName() {
        // The shop he runs now is a kind of business; the role asked for is what he will be.
        let r = shipped("ran into a man at the fair who owns a shop in town and wants to become our agent, add him please: Tom Baker, 13912345678")
        XCTAssertEqual(r.intent, "customer.add")
        XCTAssertEqual(r.slots["role"], "agent", "\(r.slots)")
        XCTAssertEqual(r.slots["name"], "Tom Baker", "\(r.slots)")
        // A capitalized place after the role is no name.
        let listed = shipped("add new customer Amy Wong, retailer, Qingdao")
        XCTAssertEqual(listed.slots["name"], "Amy Wong", "\(listed.slots)")
        XCTAssertEqual(listed.slots["region"], "青岛", "\(listed.slots)")
    }

    func testASlipJustAfterADateMayGrowIt() {
        // 下周 was read; 山 after it sounds like 三: 下周三. Inside the date nothing changes.
        // (Only on the typo pass: here 拜仿 sends the sentence there; a sentence a pattern
        // explains whole is not read again.)
        let r = shipped("下周山上午十点拜仿张三")
        XCTAssertEqual(r.intent, "visit.schedule")
        XCTAssertEqual(r.slots["date"], "2026-11-25", "\(r.slots)")
        XCTAssertEqual(r.slots["time"], "10:00", "\(r.slots)")
    }

    func testADayWithARangeOfHoursIsASpan() {
        let r = shipped("set me up with Li Ming tomorrow between 10 and 12")
        XCTAssertEqual(r.intent, "visit.schedule")
        XCTAssertEqual(r.slots["from"], "2026-11-19T10:00", "\(r.slots)")
        XCTAssertEqual(r.slots["to"], "2026-11-19T12:00", "\(r.slots)")
    }

    func testTheEnglishWordListIsCheckedOnLoading() throws {
        let words = try EnglishWords.parse("# header\nabout\nrange\nsoon\n", file: "english.table")
        XCTAssertTrue(words.contains(Array("range".unicodeScalars)))
        XCTAssertFalse(words.contains(Array("rang".unicodeScalars)))
        XCTAssertFalse(words.contains(Array("zzz".unicodeScalars)))
        XCTAssertThrowsError(try EnglishWords.parse("soon\nrange\n", file: "english.table"), "out of order") { error in
            XCTAssertEqual((error as? DataError)?.line, 2)
        }
        XCTAssertThrowsError(try EnglishWords.parse("Range\n", file: "english.table"), "not lower case")
    }

    func testANearSoundNeverMakesADeletion() {
        // 直接上 (go straight to) sounds near 直接删 (delete): a step asked for, never a card deleted.
        let r = shipped("王建国那边直接上促进签约")
        XCTAssertNotEqual(r.intent, "customer.delete")
        XCTAssertEqual(r.intent, "flow.goto")
        XCTAssertEqual(r.slots["step"], "6")
        // The very same sound still is one: 删出 is 删除.
        XCTAssertEqual(shipped("删出客户王建国").intent, "customer.delete")
    }

    func testADayWithItsPartIsTheDay() {
        // 3月16号上午: the digits name the day, not an hour.
        let r = shipped("帮我约一下12月16号上午去拜访王建国")
        XCTAssertEqual(r.slots["date"], "2026-12-16", "\(r.slots)")
        XCTAssertNil(r.slots["from"])
        // In a record, 周一下午 is last Monday (下午 is no 下周).
        let log = shipped("周一下午去了王建国那里")
        XCTAssertEqual(log.intent, "visit.log")
        XCTAssertEqual(log.slots["date"], "2026-11-16", "\(log.slots)")
    }

    func testACompanyNamedCityFirstInAListOfDetails() {
        let r = shipped("添加客户 林小东，泉州永发医药，电话13912345678")
        XCTAssertEqual(r.slots["company"], "泉州永发医药")
        XCTAssertEqual(r.slots["name"], "林小东")
        // A place and what the shop is, with 的, describes; it names no company.
        let shop = shipped("新增一位客户：李美玲，高雄的茶饮门市，电话 0912-345-678")
        XCTAssertNil(shop.slots["company"], "\(shop.slots)")
        XCTAssertEqual(shop.slots["region"], "高雄")
        // The new name, not the old one, is the value of a renamed company.
        let renamed = shipped("王建国公司改名了，原来叫建国商贸，现在叫建国食品有限公司，帮我更新一下")
        XCTAssertEqual(renamed.slots["field"], "company")
        XCTAssertEqual(renamed.slots["value"], "建国食品有限公司")
    }

    func testAnEnglishCompanyListedAfterTheName() {
        let r = shipped("met a nice guy at the trade fair - add him: Peter Hall, Hall Garden Tools, 138 1234 5678")
        XCTAssertEqual(r.slots["name"], "Peter Hall")
        XCTAssertEqual(r.slots["company"], "Hall Garden Tools")
        // A clause word is no part of a company, nor is "the …" of an event.
        let clause = shipped("add a dealer from Ningbo who supplies hardware: Amy Chen, 139 8765 4321")
        XCTAssertNil(clause.slots["company"], "\(clause.slots)")
        let event = shipped("I was at the beauty expo, add her please: Amy Chen, 139 8765 4321")
        XCTAssertNil(event.slots["company"], "\(event.slots)")
    }

    func testNoWordRunsAcrossAComma() {
        // 山，东 is no 山东: the name keeps its last character and no region is read.
        let r = shipped("再加一个，罗宝山，东城的门店，电话13712345678")
        XCTAssertEqual(r.slots["name"], "罗宝山")
        XCTAssertNil(r.slots["region"], "\(r.slots)")
        XCTAssertEqual(shipped("加个客户 罗宝山 山东 电话13712345678").slots["region"], "山东")
    }

    func testTheArticleAIsNoCardLetter() {
        XCTAssertNil(shipped("please make a card for her: Amy Chen, 139 8765 4321").slots["card"])
        XCTAssertEqual(shipped("make 王建国 an A card").slots["value"], "A")
    }

    func testANameNeverStartsInsideTheCustomerWord() {
        let r = shipped("添加客户阿依古丽·买买提，在伊宁做零售的，电话13912345678")
        XCTAssertEqual(r.slots["name"], "阿依古丽·买买提")
    }

    func testABirthdayToldIsAFieldOfTheCard() {
        assertReading("王建国生日是9月12号，帮我记上", "customer.update", ["field": "birthday", "value": "09-12"])
    }

    func testTheFullestCompanyMarkerGivesTheNewName() {
        assertReading("王建国原来那个建材公司不做了，现在公司名叫温州建国厨卫，帮我把公司这栏更新掉", "customer.update", ["value": "温州建国厨卫"])
    }

    func testWhatIsUnderWaySetAsideIsACancel() {
        XCTAssertEqual(shipped("等等，这个先放着吧，别继续了").intent, "cancel")
    }

    func testMANSaidInEnglishWords() {
        assertReading("Li Ming has got the cash but can't make the call himself", "qualify.man", ["money": "yes", "authority": "no"])
    }

    func testALongMessageWhoseRequestIsTheCard() {
        // The visit is the reason; the card is what is asked for.
        assertReading("一会儿要去见王建国，想先熟悉下他的情况，把他的客户资料调出来给我看看", "customer.show", ["customer": "王建国"])
    }

    func testAPriceListAskedForIsNoListOfCustomers() {
        assertReading("met a dealer at the fair who wanted a price list, please add him: Peter Hall, 138 1234 5678", "customer.add", ["name": "Peter Hall"])
    }

    func testADirectionWordIsNoCantoneseWhich() {
        // 东边几个县 is "the counties to the east", not 东哪几个.
        assertReading("新加个经销商 罗宝山 手机13712345678 他在温州东边几个县都有网点", "customer.add", ["name": "罗宝山"])
    }

    func testAnEnglishWordIsNoSlipOfACompanyWord() {
        // seems is one edit from seeds (a company ending), and stays a word.
        XCTAssertNil(shipped("one more – seems nice: Amy Chen, 139 8765 4321, add her").slots["company"])
    }

    // MARK: suggestions

    func testFallbackSuggestionsAreNeverDestructive() {
        let destructive: Set<String> = ["customer.delete", "visit.cancel", "deal.lost"]
        for (text, language) in [("张三那边算了不要了", Language.zhHans), ("删掉那个人", .zhHans), ("取消那个东西", .zhHans), ("remove that thing", .en)] {
            let suggestions = TestData.parser.suggestions(for: text, language: language)
            XCTAssertFalse(suggestions.isEmpty, text)
            for suggestion in suggestions {
                XCTAssertFalse(destructive.contains(shipped(suggestion).intent), "\(text) → \(suggestion)")
            }
        }
    }
}
