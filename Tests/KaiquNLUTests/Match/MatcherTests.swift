import XCTest
@testable import KaiquNLU

/// The pattern language and its precedence, on small rule sets made for each test.
final class MatcherTests: XCTestCase {
    private func parser(_ text: String) throws -> Parser {
        Parser(rules: try TestData.rules(with: [("t.kaiqu", text)]))
    }

    private func parse(_ parser: Parser, _ text: String, customers: [String] = ["张三", "Li Ming"]) -> ParseResult {
        let context = ParseContext(now: TestData.context.now, timeZone: TestData.context.timeZone,
                                   customers: parser.rules.gazetteer(customers))
        return parser.parse(text, context: context)
    }

    func testAlternativesOptionalsListsAndSlots() throws {
        let p = try parser("""
        intent visit.schedule
          zh: [去] ~visit {customer} [(谈|聊) {note:text}]
          en: visit {customer}
        """)
        XCTAssertEqual(parse(p, "拜訪張三").slots, ["customer": "张三"])
        XCTAssertEqual(parse(p, "去见 张三 聊 新品政策").slots, ["customer": "张三", "note": "新品政策"])
        XCTAssertEqual(parse(p, "VISIT li ming").slots, ["customer": "Li Ming"])
        XCTAssertEqual(parse(p, "拜访孙丽").slots, ["customer": "孙丽"], "an unknown name is kept as typed")
        XCTAssertEqual(parse(p, "拜访张三丰的公司").intent, "fallback", "patterns cover the whole sentence")
    }

    func testNamesNeverTakeNonNames() throws {
        let p = try parser("intent customer.add\n  zh: 添加 {name}\n")
        XCTAssertEqual(parse(p, "添加吴海涛").slots, ["name": "吴海涛"])
        XCTAssertEqual(parse(p, "添加客户").intent, "fallback")
        XCTAssertEqual(parse(p, "添加明天").intent, "fallback")
        XCTAssertEqual(parse(p, "添加吴").intent, "fallback", "one Han character is not a name")
    }

    func testTextRightAfterATypedNameNeverTakesTheNamesLastCharacter() throws {
        let p = try parser("intent visit.schedule\n  zh: 拜访 {customer} [{note:text}]\n")
        XCTAssertEqual(parse(p, "拜访黄志强").slots, ["customer": "黄志强"])
        XCTAssertEqual(parse(p, "拜访孙丽带上合同").slots, ["customer": "孙丽", "note": "带上合同"])
        XCTAssertEqual(parse(p, "拜访孙丽，带").slots, ["customer": "孙丽", "note": "带"], "after a comma one token will do")
        XCTAssertEqual(parse(p, "拜访张三带").slots, ["customer": "张三", "note": "带"], "a known customer is no typed name")
    }

    func testMoreFixedWordsWinWhateverTheFileOrder() throws {
        let text = """
        intent customer.show
          zh: {customer} *
        intent flow.status
          zh: {customer} 到 哪 一 步 了
        """
        let p = try parser(text)
        XCTAssertEqual(parse(p, "张三到哪一步了").intent, "flow.status")
        XCTAssertEqual(parse(p, "张三的资料").intent, "customer.show")
    }

    func testKnownCustomersBeatCapturedNames() throws {
        let p = try parser("""
        intent customer.show
          zh: 查看 {name}
        intent flow.status
          zh: 查看 {customer}
        """)
        let r = parse(p, "查看张三")
        XCTAssertEqual(r.intent, "flow.status", "an entity explains more than a capture")
    }

    func testTiesGoToTheEarlierPatternAndCheckSeesThem() throws {
        let p = try parser("""
        intent deny
          zh: 不
          example: 不
        intent cancel
          zh: 不
        """)
        XCTAssertEqual(parse(p, "不").intent, "deny")
        let outcome = ExampleRunner(parser: p).run().first { $0.example.text == "不" }
        XCTAssertEqual(outcome?.tiedWith, "cancel")
    }

    func testWildcardsNeedAToken() throws {
        let p = try parser("intent customer.note\n  zh: 记 *\n  zh: 备忘 [*]\n")
        XCTAssertEqual(parse(p, "记").intent, "fallback")
        XCTAssertEqual(parse(p, "记张三喜欢钓鱼").intent, "customer.note")
        XCTAssertEqual(parse(p, "备忘").intent, "customer.note")
    }

    func testLookupsGiveCanonicalValues() throws {
        let p = try parser("intent customer.list\n  zh: 列出 [所有] {card} [客户]\n  zh: 列出 {role}\n")
        XCTAssertEqual(parse(p, "列出所有A類客戶").slots, ["card": "A"])
        XCTAssertEqual(parse(p, "列出經銷商").slots, ["role": "dealer"])
    }

    func testALookupLineWithoutAValueMeansItsFirstSynonym() throws {
        let p = try parser("lookup town\n  杭州 | 杭州市 | hangzhou\nintent customer.list\n  zh: {town} [的] 客户\n  en: customers in {town}\n")
        XCTAssertEqual(parse(p, "杭州市的客户").slots, ["town": "杭州"])
        XCTAssertEqual(parse(p, "customers in Hangzhou").slots, ["town": "杭州"])
    }

    func testConfidenceFallsWithWhatWildcardsTake() throws {
        let p = try parser("intent customer.note\n  zh: 记 *\n  zh: 记 {customer}\n")
        XCTAssertGreaterThan(parse(p, "记张三").confidence, parse(p, "记下午要开会").confidence)
    }

    func testPatternsRankByWordsThenEntitiesThenLoadOrder() throws {
        let p = try parser("""
        intent customer.note
          zh: 记 *
        intent customer.show
          zh: 记 {customer} *
        intent visit.log
          zh: 记 {customer} 说 *
        intent deal.won
          zh: 记 {x:text}
        """)
        XCTAssertEqual(parse(p, "记下午开会").intent, "customer.note", "equally specific: the first pattern loaded wins")
        XCTAssertEqual(parse(p, "记张三下午开会").intent, "customer.show", "a known customer explains more than a wildcard")
        XCTAssertEqual(parse(p, "记张三说下午开会").intent, "visit.log", "a fixed word counts before an entity")
    }

    func testOfEquallySpecificWaysTheFirstTriedGivesTheSlots() throws {
        // Shorter captures before longer ones, an optional part taken before it is left out,
        // alternatives in the order written.
        XCTAssertEqual(parse(try parser("intent customer.note\n  zh: {a:text} {b:text}\n"), "甲乙丙").slots, ["a": "甲", "b": "乙丙"])
        XCTAssertEqual(parse(try parser("intent customer.note\n  zh: [{a:text}] {b:text}\n"), "甲乙").slots, ["a": "甲", "b": "乙"])
        XCTAssertEqual(parse(try parser("intent customer.note\n  zh: ({a:text} 好|{b:text} 好)\n"), "很好").slots, ["a": "很"])
    }

    func testAListEntryIsTriedLongestFirst() throws {
        let p = try parser("list greeting-words\n  早 | 早上好\nintent greet\n  zh: ~greeting-words [{rest:text}]\n")
        XCTAssertEqual(parse(p, "早上好").slots, [:], "the longer entry explains more in fixed words")
        XCTAssertEqual(parse(p, "早安").slots, ["rest": "安"])
    }

    func testAWildcardEndsOnlyWhereTheNextWordIs() throws {
        let p = try parser("intent customer.note\n  zh: 记 [* 的] 事 {t:text}\n")
        XCTAssertEqual(parse(p, "记张三的事很多").slots, ["t": "很多"])
        XCTAssertEqual(parse(p, "记事的事情").slots, ["t": "情"], "the way with more fixed words")
        XCTAssertEqual(parse(p, "记事很多").slots, ["t": "很多"], "no 的 to end the wildcard: the optional part is left out")
    }
}
