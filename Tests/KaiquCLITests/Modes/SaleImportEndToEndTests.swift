import Foundation
import XCTest

/// `kaiqu import` of orders and payments: a file with an amount column is read as sales, row
/// by row, against the cards in the store.
final class SaleImportEndToEndTests: XCTestCase {
    private var folder: URL!
    private var store: String { folder.appendingPathComponent("k.db").path }
    private let now = ["--now", "2026-11-18T10:00:00+08:00"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-sales-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let chat = "添加客户 王建国 电话13800138000\n添加客户 李娜 电话13800138001\n添加客户 李娜 电话13900139001\n不是\n"
        XCTAssertEqual(try Binary.run(["--store", store] + now, input: Data(chat.utf8)).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func overdue() throws -> String {
        try Binary.run(["--store", store] + now, input: Data("哪些客户欠款逾期了\n".utf8)).text
    }

    func testOrdersAndPaymentsGoInRowByRowAndTwiceIsOnce() throws {
        let sales = try file("sales.csv", """
            客户,电话,日期,金额,类型
            王建国,,2026-09-01,"30,000",进货
            王建国,,2026/10/1,1万,回款
            李娜,13900139001,2026-10-05,8000,进货
            李娜,,2026-10-06,100,进货
            张三,,2026-10-06,100,进货
            王建国,,2027-01-01,100,进货
            王建国,,2026-10-02,abc,回款
            王建国,,2026-10-02,100,退货

            """)
        let first = try Binary.run(["import", sales, "--store", store] + now)
        XCTAssertEqual(first.status, 0, first.stderr)
        let lines = first.text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "导入 \(sales)：进货 2 笔，共 3.8万；回款 1 笔，共 1万；拒绝 5 行。", first.text)
        XCTAssertTrue(first.text.contains("第 5 行，“客户”列：“李娜”有几张同名的卡，加一列“电话”分清是哪一位，这一行没有导入。"), first.text)
        XCTAssertTrue(first.text.contains("第 6 行，“客户”列：“张三”不是你的客户卡"), first.text)
        XCTAssertTrue(first.text.contains("第 7 行，“日期”列：“2027-01-01”是将来的日期"), first.text)
        XCTAssertTrue(first.text.contains("第 8 行，“金额”列：“abc”不是有效的金额"), first.text)
        XCTAssertTrue(first.text.contains("第 9 行，“类型”列：“退货”分不清是进货还是回款"), first.text)
        XCTAssertEqual(first.text.components(separatedBy: "第 9 行").count - 1, 1, "a row's wrong kind is said once: \(first.text)")
        // 王建国: 3万 ordered 9月1日, due 10月1日, 1万 paid: 2万 overdue 48 days. 李娜 (the
        // one with that phone): 8000 due 11月4日, 14 days.
        let list = try overdue()
        XCTAssertTrue(list.contains("1. 王建国：逾期 2万，48 天（10月1日（周四）到期）"), list)
        XCTAssertTrue(list.contains("2. 李娜：逾期 8000 元，14 天（11月4日（周三）到期）"), list)

        // The same file again adds nothing.
        let again = try Binary.run(["import", sales, "--store", store] + now)
        XCTAssertTrue(again.text.hasPrefix("导入 \(sales)：进货 0 笔，共 0 元；回款 0 笔，共 0 元；拒绝 5 行。\n有 3 笔客户、日期、金额都一样的记录库里已经有了，没有重复记。"), again.text)
        XCTAssertEqual(try overdue(), list)
    }

    func testTheKindComesFromTheColumnOrTheCommandAndUndoTakesItAllBack() throws {
        let orders = try file("orders.csv", "客户,日期,进货金额\n王建国,2026-09-01,30000\n王建国,2026-09-10,20000\n")
        XCTAssertEqual(try Binary.run(["import", orders, "--store", store] + now).status, 0)
        let payments = try file("payments.csv", "customer,date,amount\n王建国,2026-10-01,50000\n")
        // Without a kind column or a word in the command, the row cannot be placed.
        let unsure = try Binary.run(["import", payments, "--store", store] + now)
        XCTAssertTrue(unsure.text.contains("分不清是进货还是回款：加一列“类型”，或者用 kaiqu import orders/payments 文件名"), unsure.text)
        let paid = try Binary.run(["import", "payments", payments, "--store", store] + now)
        XCTAssertTrue(paid.text.hasPrefix("导入 \(payments)：进货 0 笔，共 0 元；回款 1 笔，共 5万；拒绝 0 行。"), paid.text)
        XCTAssertTrue(try overdue().contains("没有逾期的账款。"))
        // Undo in chat takes back the whole payments import.
        let undo = try Binary.run(["--store", store] + now, input: Data("撤销\n".utf8))
        XCTAssertTrue(undo.text.contains("payments.csv"), undo.text)
        XCTAssertTrue(try overdue().contains("1. 王建国：逾期 5万"))
    }

    func testEnglishMessages() throws {
        let sales = try file("sales.csv", "customer,date,amount,kind\nNobody,2026-10-01,100,order\n")
        let result = try Binary.run(["import", sales, "--store", store] + now, environment: ["LANG": "en_US.UTF-8"])
        XCTAssertTrue(result.text.contains("Row 2, column \"customer\": \"Nobody\" is not one of your cards (import or add the customer first); the row was not imported."), result.text)
    }
}
