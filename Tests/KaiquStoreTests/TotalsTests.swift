import Foundation
import XCTest
import KaiquDialogue
import KaiquNLU
@testable import KaiquStore

/// The totals of schema step 10 (see `Totals`) are kept by triggers: after any mix of changes
/// (sales, visits, cards deleted, moved, undone, terms and causes) they must equal what the
/// rows they sum say, worked out here from the rows by queries of the test's own.
final class TotalsTests: XCTestCase {
    var folder: URL!
    var path: String { folder.appendingPathComponent("totals.db").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-totals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    // Rows where the totals and the rows they sum disagree: 0 when all is right.
    static let drift: [(String, String)] = [
        ("tally", """
            WITH expected AS (
                SELECT owner, what, day, count(*) AS count, sum(amount) AS amount FROM (
                    SELECT c.owner, s.kind AS what, s.day, s.amount FROM sale s JOIN customer c ON c.id = s.customer_id WHERE c.deleted_at IS NULL
                    UNION ALL SELECT c.owner, 'visit.' || v.status, v.day, 0 FROM visit v JOIN customer c ON c.id = v.customer_id
                        WHERE c.deleted_at IS NULL AND v.kind = 'visit' AND v.status != 'cancelled'
                    UNION ALL SELECT owner, 'new', substr(created_at, 1, 10), 0 FROM customer WHERE deleted_at IS NULL)
                GROUP BY 1, 2, 3),
            actual AS (SELECT owner, what, day, count, amount FROM tally WHERE count != 0 OR amount != 0)
            SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual))
                 + (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected))
            """),
        ("open_tally", """
            WITH expected AS (
                SELECT c.owner, coalesce(c.terms_days, -1), coalesce(c.overdue_cause, ''), s.day, sum(s.open) FROM sale s JOIN customer c ON c.id = s.customer_id
                WHERE s.open > 0 AND c.deleted_at IS NULL GROUP BY 1, 2, 3, 4),
            actual AS (SELECT owner, terms, cause, day, amount FROM open_tally WHERE amount != 0)
            SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual))
                 + (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected))
            """),
        ("order_total", """
            WITH orders AS (SELECT c.owner, s.customer_id, s.day, s.amount FROM sale s JOIN customer c ON c.id = s.customer_id
                            WHERE s.kind = 'order' AND c.deleted_at IS NULL),
            expected AS (
                SELECT owner, substr(day, 1, 4), customer_id, sum(amount) FROM orders GROUP BY 1, 2, 3
                UNION ALL SELECT owner, substr(day, 1, 7), customer_id, sum(amount) FROM orders GROUP BY 1, 2, 3
                UNION ALL SELECT owner, day, customer_id, sum(amount) FROM orders GROUP BY 1, 2, 3),
            actual AS (SELECT owner, period, customer_id, amount FROM order_total WHERE amount != 0)
            SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual))
                 + (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected))
            """),
        ("open_since", "SELECT count(*) FROM customer c WHERE c.open_since IS NOT (SELECT min(day) FROM sale WHERE customer_id = c.id AND open > 0)"),
    ]

    private func assertNoDrift(_ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for (name, sql) in Self.drift {
            XCTAssertEqual(RawSQLite.scalar(path, sql), "0", "\(name) drifted after \(context)", file: file, line: line)
        }
    }

    func testTheTotalsFollowEveryKindOfChange() throws {
        let store = try Store(path: path)
        try store.saveUser(User(id: "amy", name: "Amy", role: .rep, team: "east"), at: "2026-01-01T09:00")
        try store.saveUser(User(id: "bob", name: "Bob", role: .rep, team: "east"), at: "2026-01-01T09:00")
        try store.saveUser(User(id: "max", name: "Max", role: .manager, team: "east"), at: "2026-01-01T09:00")
        let books = [store.book(of: "amy"), store.book(of: "bob"), store.book(of: "max", seesTeam: true)]
        var random = SeededRandom(seed: 20_261_118)
        let start = CivilDay(2025, 10, 1)
        func day() -> String { start.adding(days: random.next(420)).description }
        func pick(_ sql: String) -> Int64? {
            let count = Int(RawSQLite.scalar(path, "SELECT count(*) FROM (\(sql))") ?? "0") ?? 0
            guard count > 0 else { return nil }
            return RawSQLite.scalar(path, "\(sql) ORDER BY 1 LIMIT 1 OFFSET \(random.next(count))").flatMap { Int64($0) }
        }
        var done: [String: Int] = [:]
        for step in 0..<600 {
            let book = books[random.next(books.count)]
            let card = pick("SELECT id FROM customer WHERE deleted_at IS NULL AND owner IN ('amy', 'bob')")
            let visit = pick("SELECT id FROM visit WHERE status = 'planned'")
            let stamp = "2026-11-\(String(format: "%02d", 1 + step / 40))T10:00"
            let change: Change
            switch (random.next(14), card, visit) {
            case (0, _, _), (_, nil, _):
                change = .addCustomer(CustomerCard(id: 0, name: "客户\(step)", createdAt: "\(day())T09:00", updatedAt: stamp))
            case (1...3, let id?, _):
                change = .recordSale(SaleEntry(customer: id, kind: .order, day: day(), amount: 1_000 * (1 + random.next(20))))
            case (4, let id?, _), (5, let id?, _):
                change = .recordSale(SaleEntry(customer: id, kind: .payment, day: day(), amount: 1_000 * (1 + random.next(30))))
            case (6, let id?, _):
                change = .scheduleVisit(VisitPlan(customer: id, day: day(), time: "10:00", kind: random.next(3) == 0 ? .call : .visit))
            case (7, let id?, let planned):
                change = .logContact(ContactLog(customer: id, day: day(), time: "15:00", outcome: "谈了", planned: random.next(2) == 0 ? planned : nil))
            case (8, _, let id?): change = random.next(2) == 0 ? .cancelVisit(id) : .moveVisit(id, day: day(), time: nil)
            case (9, let id?, _): change = .setAccount(id, termsDays: [nil, 15, 60][random.next(3)], creditLimit: nil)
            case (10, let id?, _): change = .setOverdueCause(id, OverdueCause(id: ["cash", "stock", "deliberate"][random.next(3)], recorded: "2026-11-18", followUp: "2026-11-25"))
            case (11, let id?, _): change = .deleteCustomer(id)
            case (12, let id?, _): change = .reassign([id], to: ["amy", "bob"][random.next(2)])
            default: change = .undo
            }
            // Some are refused (another rep's card, a move by a rep): the totals must hold either way.
            if (try? book.apply(change, at: stamp)) != nil { done[change.kind, default: 0] += 1 }
            if step % 50 == 49 { assertNoDrift("step \(step)") }
        }
        assertNoDrift("the last step")
        for intent in ["customer.add", "order.add", "payment.add", "visit.schedule", "visit.log", "visit.cancel", "visit.move", "account.set",
                       "receivable.cause", "customer.delete", "customer.reassign", "undo"] {
            XCTAssertGreaterThan(done[intent] ?? 0, 2, "\(intent) was tried")
        }
    }

    // The first accounts and the ABC amounts read from the totals are those the rows give.
    func testReportsReadFromTheTotalsAgreeWithTheRows() throws {
        let store = try Store(path: path)
        let book = store.book(of: "amy")
        var random = SeededRandom(seed: 7)
        for index in 0..<60 {
            _ = try book.apply(.addCustomer(CustomerCard(id: 0, name: "客户\(index)", createdAt: "2026-01-01T09:00", updatedAt: "2026-01-01T09:00")),
                               at: "2026-01-01T09:00")
        }
        for _ in 0..<400 {
            let id = CustomerID(1 + random.next(60))
            let day = CivilDay(2025, 6, 1).adding(days: random.next(530)).description
            _ = try book.apply(.recordSale(SaleEntry(customer: id, kind: random.next(3) == 0 ? .payment : .order, day: day, amount: 1_000 * (1 + random.next(9)))),
                               at: "2026-11-18T10:00")
        }
        for id in 1...12 { _ = try book.apply(.setAccount(CustomerID(id), termsDays: [15, 60, 90][id % 3], creditLimit: nil), at: "2026-11-18T10:00") }
        let all = try book.receivables(today: "2026-11-18", defaultTerms: 30, accounts: nil)
        XCTAssertGreaterThan(all.accounts.count, 10)
        for limit in [1, 3, 7, 20] {
            XCTAssertEqual(try book.receivables(today: "2026-11-18", defaultTerms: 30, accounts: limit).accounts, Array(all.accounts.prefix(limit)))
            XCTAssertEqual(try book.overdueAccounts(today: "2026-11-18", defaultTerms: 30, limit: limit), Array(all.accounts.prefix(limit)))
        }
        XCTAssertEqual(RawSQLite.scalar(path, "SELECT sum(open) FROM sale"), String(all.balance))
        for (from, to) in [("2026-11-01", "2026-11-30"), ("2025-11-19", "2026-11-18"), ("2026-01-01", "2026-12-31"), ("2025-06-15", "2026-02-03"),
                           ("2026-03-31", "2026-04-01"), ("2025-01-01", "2027-12-31")] {
            let expected = RawSQLite.column(path, """
                SELECT customer_id || ':' || sum(amount) FROM sale WHERE kind = 'order' AND day BETWEEN '\(from)' AND '\(to)'
                GROUP BY customer_id ORDER BY customer_id
                """)
            let sales = try book.sales(from: from, to: to, named: nil)
            XCTAssertEqual(sales.sorted { $0.customer < $1.customer }.map { "\($0.customer):\($0.amount)" }, expected, "\(from)…\(to)")
            XCTAssertEqual(sales.map(\.amount), sales.map(\.amount).sorted(by: >))
            XCTAssertFalse(sales.contains { $0.name.isEmpty })
            let named = try book.sales(from: from, to: to, named: 5)
            XCTAssertEqual(Array(named.prefix(5)), Array(sales.prefix(5)), "the first five are named and ordered alike")
        }
    }

    func testAPeriodIsReadFromTheFewestPieces() {
        func keys(_ from: CivilDay, _ to: CivilDay) -> [String] {
            OrderPeriods.pieces(from: from, to: to).map { ($0.sign < 0 ? "-" : "+") + ($0.from == $0.to ? $0.from : "\($0.from)…\($0.to)") }
        }
        XCTAssertEqual(keys(CivilDay(2026, 11, 1), CivilDay(2026, 11, 30)), ["+2026-11"])
        XCTAssertEqual(keys(CivilDay(2026, 1, 1), CivilDay(2026, 12, 31)), ["+2026"])
        XCTAssertEqual(keys(CivilDay(2026, 1, 1), CivilDay(2026, 11, 18)), ["+2026", "-2026-11-19…2026-11-30", "-2026-12"])
        XCTAssertEqual(keys(CivilDay(2025, 11, 19), CivilDay(2026, 11, 18)),
                       ["+2025-11-19…2025-11-30", "+2025-12", "+2026", "-2026-11-19…2026-11-30", "-2026-12"])
        XCTAssertEqual(keys(CivilDay(2026, 3, 31), CivilDay(2026, 4, 2)), ["+2026-03-31", "+2026-04-01…2026-04-02"])
        // Every day counted once, whatever the period.
        var random = SeededRandom(seed: 3)
        for _ in 0..<100 {
            let from = CivilDay(2024, 1, 1).adding(days: random.next(1_100))
            let to = from.adding(days: random.next(800))
            var count: [String: Int] = [:]
            for piece in OrderPeriods.pieces(from: from, to: to) {
                var day = CivilDay(2023, 1, 1)
                while day <= CivilDay(2028, 12, 31) {
                    let text = day.description
                    if [String(text.prefix(4)), String(text.prefix(7)), text].contains(where: { $0 >= piece.from && $0 <= piece.to }) {
                        count[text, default: 0] += piece.sign
                    }
                    day = day.adding(days: 1)
                }
            }
            let inside = count.filter { $0.value != 0 }
            XCTAssertEqual(inside.count, to.ordinal - from.ordinal + 1, "\(from)…\(to)")
            XCTAssertTrue(inside.allSatisfy { $0.value == 1 && $0.key >= from.description && $0.key <= to.description }, "\(from)…\(to)")
        }
    }
}

/// A fixed-seed generator (SplitMix64), so a failing run can be run again.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
