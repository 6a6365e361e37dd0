import XCTest
import KaiquNLU
@testable import KaiquDialogue

/// Orders, payments, terms, credit limits and overdue accounts, through the conversation.
final class AccountTests: XCTestCase {
    func testOrdersAndPaymentsKeepTheBalanceAndTheDueDay() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 王建国 电话13800138000")
        XCTAssertEqual(try chat.say("王建国进了50箱，3万"), ["已记下 王建国 进货 3万（今天 11月18日（周三））。", "王建国：欠款 3万，12月18日（周五）到期。"])
        XCTAssertEqual(try chat.say("王建国回款2万").last, "王建国：欠款 1万，12月18日（周五）到期。")
        XCTAssertEqual(try chat.say("王建国这个月的货款结了"), ["已记下 王建国 回款 1万（今天 11月18日（周三））。", "王建国 的账已经结清。"])
        XCTAssertEqual(try chat.say("王建国这个月的货款结了"), ["王建国 现在没有欠款，这笔回款记多少？比如：“王建国回款2万”。"])
        // Undo takes back the last payment alone.
        _ = try chat.say("撤销")
        XCTAssertEqual(try chat.book.account(of: try XCTUnwrap(chat.card("王建国")).id, today: "2026-11-18", defaultTerms: 30).balance, 10_000)
    }

    // A sale is told after the fact: 昨天 is yesterday, a day of the month alone that is still
    // to come this month is last month's, and a month and day still to come are last year's.
    func testASaleIsOnTheDayTheRepSaysBeforeToday() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 王建国 电话13800138000")
        XCTAssertEqual(try chat.say("王建国昨天打了8千过来").first, "已记下 王建国 回款 8000 元（昨天 11月17日（周二））。")
        XCTAssertEqual(try chat.say("王建国20号付了1万5").first, "已记下 王建国 回款 1.5万（10月20日（周二））。")
        XCTAssertEqual(try chat.say("王建国12月3日进了2万").first, "已记下 王建国 进货 2万（2025年12月3日（周三））。")
        XCTAssertEqual(try chat.say("王建国ordered 9000 on November 3").first, "已记下 王建国 进货 9000 元（11月3日（周二））。")
        XCTAssertEqual(try chat.say("王建国上个月回了2万").first, "已记下 王建国 回款 2万（10月31日（周六））。")
    }

    // An English-speaking rep names a dealer by one word of the name: Tom for Tom Wu.
    func testOneWordOfALatinNameFindsItsCard() throws {
        let chat = try Chat()
        _ = try chat.say("add customer Tom Wu 13800001111")
        _ = try chat.say("add customer Amy Wu 13800002222")
        XCTAssertEqual(try chat.say("Tom paid 20000 yesterday").first, "Recorded a payment from Tom Wu: ¥20,000 (yesterday, Tue 17 Nov).")
        XCTAssertEqual(try chat.say("Wu ordered 5000").first, "2 customers match \"Wu\". Which one?")
        _ = try chat.say("cancel")
        XCTAssertEqual(try chat.say("Bob ordered 300").first, "There is no card for \"Bob\" yet. Shall I create one? (yes / no)")
    }

    func testAnOrderOverTheCreditLimitIsAskedAboutFirst() throws {
        let chat = try Chat()
        _ = try chat.say("添加客户 王建国 电话13800138000")
        XCTAssertEqual(try chat.say("王建国信用额度5万"), ["已把 王建国 的信用额度设为 5万。"])
        XCTAssertEqual(try chat.say("王建国的信用额度设成5万"), ["已把 王建国 的信用额度设为 5万。"])
        _ = try chat.say("王建国进了3万")
        XCTAssertEqual(try chat.say("王建国又拿了一批货 4万"), ["这单记上后 王建国 欠款 7万，超过信用额度 5万（交易金额突破信用限额）。还记吗？"])
        XCTAssertEqual(try chat.say("不"), ["好，这单没记。超额的单，先收一部分货款或者要担保再发货更稳妥。"])
        let id = try XCTUnwrap(chat.card("王建国")).id
        XCTAssertEqual(try chat.book.account(of: id, today: "2026-11-18", defaultTerms: 30).ordered, 30_000)
        _ = try chat.say("王建国又拿了一批货 4万")
        _ = try chat.say("是")
        XCTAssertEqual(try chat.book.account(of: id, today: "2026-11-18", defaultTerms: 30).ordered, 70_000)
    }

    func testOverdueAccountsAreListedOldestFirstWithTheirOwnTerms() throws {
        let chat = try Chat()
        for line in ["添加客户 王建国 电话13800138000", "添加客户 李娜 电话13800138001", "王建国进了3万", "李娜进了2万", "李娜账期60天"] {
            _ = try chat.say(line)
        }
        XCTAssertEqual(try chat.say("哪些客户欠款逾期了"), ["没有逾期的账款。"])
        chat.advance(days: 40)
        let list = try chat.say("哪些客户欠款逾期了")
        XCTAssertEqual(Array(list.prefix(2)), ["逾期账款 1 家，共 3万（最久的在前）：", "1. 王建国：逾期 3万，10 天（12月18日（周五）到期）"], list.joined(separator: "\n"))
        XCTAssertTrue(list[2].hasPrefix("付款迟缓是信用风险的信号"), "the method's measures follow: \(list)")
        // Each card says its account: 李娜 is not overdue yet on her own 60 days.
        XCTAssertTrue(try chat.say("查看李娜").contains("账款：欠款 2万，2027年1月17日（周日）到期，账期 60 天"))
        XCTAssertTrue(try chat.say("查看王建国").contains("账款：欠款 3万，其中逾期 3万（12月18日（周五）到期）"))
        chat.advance(days: 30)
        let later = try chat.say("哪些客户欠款逾期了")
        // In the new year, last year's due day shows its year.
        XCTAssertEqual(later.dropFirst().first, "1. 王建国：逾期 3万，40 天（2026年12月18日（周五）到期）", later.joined(separator: "\n"))
        XCTAssertTrue(later.contains("2. 李娜：逾期 2万，10 天（1月17日（周日）到期）"), later.joined(separator: "\n"))
    }
}

/// The 5C grade suggests a credit limit: its days of the customer's average purchases over
/// the last 90 days, rounded to a thousand, with the grade's terms.
final class CreditLimitTests: XCTestCase {
    func testTheGradeSuggestsALimitFromRecentOrders() throws {
        let chat = try Chat()
        // 4.5万 over 90 days is 500 a day; grade B (total 20) is 15 days: 7500 → 8000.
        for line in ["添加客户 王建国 电话13800138000", "10月1日王建国进货3万", "11月2日王建国进货1.5万", "8月1日王建国进货9万", "评估一下王建国的信用", "4", "4", "4", "4"] {
            _ = try chat.say(line)
        }
        let graded = try chat.say("4")
        XCTAssertEqual(graded.last, "按这个等级，建议 王建国 的信用额度 8000 元（近 90 天进货 4.5万，约 15 天的进货额），账期 15 天。按这个设吗？（是/不）",
                       graded.joined(separator: "\n"))
        XCTAssertEqual(try chat.say("是"), ["已把 王建国 的账期设为 15 天。", "已把 王建国 的信用额度设为 8000 元。"])
        let account = try chat.book.account(of: try XCTUnwrap(chat.card("王建国")).id, today: "2026-11-18", defaultTerms: 30)
        XCTAssertEqual(account.creditLimit, 8_000)
        XCTAssertEqual(account.termsDays, 15)
    }

    func testPoorCreditIsCashBeforeDeliveryAndNoHistoryWaits() throws {
        let chat = try Chat()
        for line in ["添加客户 李娜 电话13800138001", "李娜进了1万", "评估一下李娜的信用", "1", "1", "1", "1"] { _ = try chat.say(line) }
        XCTAssertEqual(try chat.say("1").last, "按这个等级，李娜 不给信用额度，一律款到发货。把信用额度设为 0 吗？（是/不）设了以后，有欠款的新单都会先提醒。")
        XCTAssertEqual(try chat.say("不"), ["好，额度没改。要自己定就说：“信用额度5万”。"])

        for line in ["添加客户 张伟 电话13800138002", "评估一下张伟的信用", "5", "5", "5", "5"] { _ = try chat.say(line) }
        XCTAssertEqual(try chat.say("5").last, "张伟 还没有近 90 天的进货记录；有了进货以后，按约 30 天的进货额定信用额度。先记进货，比如：“张伟进了50箱，3万”。")
    }
}
