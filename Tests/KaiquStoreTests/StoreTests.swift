import CSQLite
import Foundation
import XCTest
import KaiquDialogue
import KaiquNLU
@testable import KaiquStore

final class StoreTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-store-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    let stamp = "2026-11-18T10:00"

    private func add(_ name: String, to book: Book) throws {
        _ = try book.apply(.addCustomer(CustomerCard(id: 0, name: name, createdAt: stamp, updatedAt: stamp)), at: stamp)
    }

    // Prepared statements are kept by their text, up to a bound: more texts than that start
    // the cache again, and a statement whose rows are being read meanwhile keeps running.
    func testPreparedStatementsAreBoundedAndARunningOneSurvives() throws {
        let store = try Store(path: ":memory:")
        let perRow = Database.keptStatements / 2 + 10
        var outer: [Int64] = []
        var inner: [Int64] = []
        try store.db.query("SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3") { row throws(StoreError) in
            outer.append(row.integer(0))
            // A new text each time: three rows of these pass the bound while the outer runs.
            for i in 0..<perRow { inner.append(try store.db.integer("SELECT \(i) + \(outer.count * 1_000) + ?", [.integer(7)])) }
        }
        XCTAssertEqual(outer, [1, 2, 3])
        XCTAssertLessThanOrEqual(store.db.preparedCount, Database.keptStatements)
        XCTAssertEqual(inner, (1...3).flatMap { row in (0..<perRow).map { Int64($0 + row * 1_000 + 7) } })
        XCTAssertEqual(try store.db.integer("SELECT 41 + 1"), 42)
    }

    func testAStatementIsFoundAgainByItsTextWhereverTheTextIs() throws {
        let store = try Store(path: ":memory:")
        let kept = "SELECT 40 + ? AS answer -- kept"
        XCTAssertEqual(try store.db.integer(kept, [.integer(2)]), 42)
        let prepared = store.db.preparedCount
        // The same text built anew, its bytes elsewhere: the same statement.
        let built = ["SELECT 40 + ?", "AS answer -- kept"].joined(separator: " ")
        XCTAssertEqual(try store.db.integer(built, [.integer(3)]), 43)
        XCTAssertEqual(try store.db.integer(kept, [.integer(1)]), 41)
        XCTAssertEqual(store.db.preparedCount, prepared)
        // Texts of one length built and dropped again and again, whose bytes may land where an
        // earlier one's were: each runs its own statement.
        for i in 0..<300 {
            XCTAssertEqual(try store.db.integer("SELECT \(1_000 + i) + ? AS answer -- k", [.integer(0)]), Int64(1_000 + i))
        }
    }

    func testRecentStatementsAreFoundByWhereTheTextIs() {
        var recent = RecentStatements()
        let statement = OpaquePointer(bitPattern: 0x1000)!
        let text = String(repeating: "SELECT 1; ", count: 3)
        let copy = String(repeating: "SELECT 1; ", count: 3)
        recent[text] = statement
        XCTAssertEqual(recent[text], statement)
        XCTAssertNil(recent[copy], "an equal text elsewhere is looked up by its content")
        // A text Swift keeps inside the String value has no place of its own.
        recent["SELECT 1"] = statement
        XCTAssertNil(recent["SELECT 1"])
        recent[text] = nil
        XCTAssertNil(recent[text])
    }

    func testInMemoryStoreKeepsNamesPerOwner() throws {
        let store = try Store(path: ":memory:")
        let amy = store.book(of: "amy"), bob = store.book(of: "bob")
        try add("张三", to: amy)
        try add("Robert'); DROP TABLE customer;--", to: amy)
        try add("李四", to: bob)
        XCTAssertEqual(Set(try amy.customerNames()), ["张三", "Robert'); DROP TABLE customer;--"])
        XCTAssertEqual(try bob.customerNames(), ["李四"])
        XCTAssertEqual(try bob.customers(nameKey: "张三"), [], "a rep never sees another's cards")
    }

    func testEmptyNamesAreRefusedByTheSchema() throws {
        let store = try Store(path: ":memory:")
        XCTAssertThrowsError(try add("  ", to: store.book(of: "amy")))
        XCTAssertEqual(try store.book(of: "amy").customerNames(), [])
    }

    func testFileStoreIsCreatedWithItsFolderMigratedAndReopened() throws {
        let path = folder.appendingPathComponent("deep/kaiqu.db").path
        do {
            let store = try Store(path: path)
            try add("王建国", to: store.book(of: "amy"))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try pragma(path, "user_version"), "\(Store.schemaVersion)")
        XCTAssertEqual(try pragma(path, "journal_mode"), "wal")
        let reopened = try Store(path: path)
        XCTAssertEqual(try reopened.book(of: "amy").customerNames(), ["王建国"])
    }

    func testASchemaOneStoreIsUpgradedAndItsNamesFoldedOnce() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v1.db").path
        try execute(path, """
            CREATE TABLE customer (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);
            CREATE INDEX customer_owner_name ON customer(owner, name);
            INSERT INTO customer(owner, name, created_at, updated_at) VALUES ('amy', '張三', '2026-11-01T02:00:00Z', '2026-11-01T02:00:00Z');
            PRAGMA user_version = 1;
            """)
        let store = try Store(path: path, nameKey: { $0 == "張三" ? "张三" : $0 })
        let book = store.book(of: "amy")
        XCTAssertEqual(try book.customers(nameKey: "张三").map(\.name), ["張三"])
        XCTAssertEqual(try book.card(1)?.createdAt, "2026-11-01T02:00:00Z")
        XCTAssertEqual(try pragma(path, "user_version"), "\(Store.schemaVersion)")
    }

    // Schema 7 keeps what is open of each order; a store of schema 6 with sales has it worked
    // out when it is opened, as payments settle the oldest orders first.
    func testASchemaSixStoreHasItsOpenOrdersWorkedOut() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v6.db").path
        do {
            let book = try Store(path: path).book(of: "amy")
            try add("王建国", to: book)
            for (kind, day, amount) in [(SaleEntry.Kind.order, "2026-07-01", 50_000), (.order, "2026-10-01", 20_000), (.payment, "2026-10-05", 30_000)] {
                _ = try book.apply(.recordSale(SaleEntry(customer: 1, kind: kind, day: day, amount: amount)), at: "2026-11-18T10:00")
            }
        }
        XCTAssertEqual(RawSQLite.execute(path, Self.beforeTotals + """
            DROP INDEX sale_open; DROP INDEX sale_day; DROP INDEX customer_collect_on; DROP INDEX customer_level;
            DROP INDEX customer_created; DROP INDEX customer_status; DROP INDEX flow_event_kind; DROP INDEX objection_raised;
            ALTER TABLE sale DROP COLUMN open; ALTER TABLE customer DROP COLUMN overdue_cause;
            ALTER TABLE customer DROP COLUMN overdue_cause_on; ALTER TABLE customer DROP COLUMN collect_on;
            ALTER TABLE visit DROP COLUMN kind;
            PRAGMA user_version = 6;
            """), 0)
        let book = try Store(path: path).book(of: "amy")
        let overdue = try book.overdueAccounts(today: "2026-11-18", defaultTerms: 30, limit: 10)
        XCTAssertEqual(overdue, [OverdueAccount(customer: 1, name: "王建国", amount: 40_000, since: "2026-07-31", days: 110, balance: 40_000)])
        XCTAssertEqual(try book.receivables(today: "2026-11-18", defaultTerms: 30, accounts: nil).buckets, [20_000, 0, 0, 20_000])
    }

    // Schema 8 gives each contact a kind: the visits of a schema 7 store are visits, and a call
    // can be kept beside them once it is opened.
    func testASchemaSevenStoreKeepsItsVisitsAsVisits() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v7.db").path
        do {
            let book = try Store(path: path).book(of: "amy")
            try add("王建国", to: book)
            _ = try book.apply(.scheduleVisit(VisitPlan(customer: 1, day: "2026-11-20", time: "10:00")), at: "2026-11-18T10:00")
        }
        XCTAssertEqual(RawSQLite.execute(path, Self.beforeTotals + "ALTER TABLE visit DROP COLUMN kind; PRAGMA user_version = 7;"), 0)
        let book = try Store(path: path).book(of: "amy")
        _ = try book.apply(.scheduleVisit(VisitPlan(customer: 1, day: "2026-11-21", kind: .call)), at: "2026-11-18T10:05")
        let visits = try book.visits(from: "2026-11-01", to: "2026-11-30", statuses: [.planned], limit: 10).rows
        XCTAssertEqual(visits.map(\.kind), [.visit, .call])
        XCTAssertEqual(try pragma(path, "user_version"), "\(Store.schemaVersion)")
    }

    // Commits leave checkpoints to a background connection (their fsyncs were the p99 of a
    // change): given a pause between bursts, the WAL is copied back and starts over, so its
    // file stops growing; under writes with no pause it is bounded by the commit's own
    // checkpoint. Without any checkpoint, 3,000 commits make a WAL of about 100 MB.
    func testTheWALIsCheckpointedInTheBackground() throws {
        let path = folder.appendingPathComponent("wal.db").path
        let store = try Store(path: path)
        let book = store.book(of: "amy")
        func walSize() throws -> Int { try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0 }
        for i in 0..<1_500 { try add("客户\(i)", to: book) }
        store.waitForCheckpoint()
        let steady = try walSize()
        XCTAssertGreaterThan(steady, 0)
        XCTAssertLessThan(steady, 40 << 20, "the WAL grew to \(steady) bytes under steady writes")
        for burst in 0..<15 {
            for i in 0..<100 { try add("客户\(burst)-\(i)", to: book) }
            store.waitForCheckpoint()
        }
        XCTAssertLessThanOrEqual(try walSize(), steady, "with pauses the WAL starts over instead of growing")
        // What the WAL holds now is the last burst's pages alone, all copied back already.
        let frames = RawSQLite.row(path, "PRAGMA wal_checkpoint(PASSIVE)").compactMap { $0.flatMap { Int($0) } }
        XCTAssertEqual(frames.count, 3)
        XCTAssertLessThan(frames[1], 4_000, "pages in the WAL since it last started over: \(frames)")
        XCTAssertEqual(try book.customerNames().count, 3_000)
    }

    func testReadingOnlyNeverCreatesAFile() throws {
        let path = folder.appendingPathComponent("none.db").path
        XCTAssertNil(try Store(readingOnly: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testReadingOnlySeesWhatAWriterCommitted() throws {
        let path = folder.appendingPathComponent("kaiqu.db").path
        let writer = try Store(path: path)
        try add("陈静", to: writer.book(of: "amy"))
        let reader = try XCTUnwrap(try Store(readingOnly: path))
        XCTAssertEqual(try reader.book(of: "amy").customerNames(), ["陈静"])
    }

    func testANewerStoreIsRefusedNotMisread() throws {
        let path = folder.appendingPathComponent("future.db").path
        _ = try Store(path: path)
        try execute(path, "PRAGMA user_version = 99")
        XCTAssertThrowsError(try Store(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .incompatible(path: path, version: 99))
        }
    }

    func testAFileThatIsNotADatabaseIsAnError() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("junk.db").path
        try Data("this is not sqlite, just text that is long enough to have a header".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Store(path: path))
    }

    /// Takes a store back to schema 10, before the covering indexes of step 11.
    static let beforeCoveringIndexes = """
        DROP INDEX phone_first; DROP INDEX journal_recent; CREATE INDEX journal_recent ON journal(owner, id);
        PRAGMA user_version = 10;

        """

    /// Takes a store back to schema 9, as it was before the totals of step 10.
    static let beforeTotals = beforeCoveringIndexes + """
        DROP TRIGGER sale_added; DROP TRIGGER sale_removed; DROP TRIGGER sale_changed; DROP TRIGGER sale_settled;
        DROP TRIGGER visit_added; DROP TRIGGER visit_removed; DROP TRIGGER visit_changed;
        DROP TRIGGER card_added; DROP TRIGGER card_removed; DROP TRIGGER card_changed;
        DROP VIEW tally_part; DROP VIEW order_part; DROP TABLE tally; DROP TABLE open_tally; DROP TABLE order_total;
        DROP INDEX customer_open; ALTER TABLE customer DROP COLUMN open_since;
        PRAGMA user_version = 9;

        """

    // Schema 14 reads the due lists and the card lists from their indexes alone: the plans of
    // the statements the book wrote say so, for every list asked here.
    func testDueAndCardListsAreReadFromTheirIndexesAlone() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(path: folder.appendingPathComponent("plans.db").path)
        let book = store.book(of: "amy")
        for (name, letter) in [("王建国", "A"), ("李娜", "B"), ("张伟", nil)] as [(String, String?)] {
            var card = CustomerCard(id: 0, name: name, createdAt: stamp, updatedAt: stamp)
            card.card = letter
            _ = try book.apply(.addCustomer(card), at: stamp)
        }
        XCTAssertEqual(try book.customers(CustomerFilter(), offset: 0, limit: 10).rows.map(\.name), ["王建国", "李娜", "张伟"])
        XCTAssertEqual(try book.customers(CustomerFilter(card: "A"), offset: 0, limit: 10).rows.map(\.name), ["王建国"])
        let due = try book.due(onOrBefore: CivilDay(2026, 12, 31).ordinal, filter: CustomerFilter(), excluding: [], limit: 10)
        XCTAssertEqual(Set(due.rows.map { $0.customer.name }), ["王建国", "李娜", "张伟"], "none contacted: all due by the year's end")
        let texts = store.repStatements.filter { ["due", "list"].contains($0.key.name) }
        XCTAssertEqual(texts.count, 3, "the due list, a list of all cards, a list of one card letter")
        for (key, text) in texts {
            var plan: [String] = []
            try book.db.query("EXPLAIN QUERY PLAN " + text) { row in plan.append(row.text(3) ?? "") }
            XCTAssertTrue(plan.contains { $0.contains("USING COVERING INDEX") }, "\(key.name) \(key.variant): \(plan)")
            XCTAssertFalse(plan.contains { $0.contains("TEMP B-TREE") }, "\(key.name) \(key.variant) is in its index's order: \(plan)")
        }
    }

    // Schema 11 reads a list's phones and the journal's look back from indexes alone: a
    // schema 10 store gets them when it opens, and lists and undo work as before.
    func testASchemaTenStoreGetsItsCoveringIndexes() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v10.db").path
        do {
            let book = try Store(path: path).book(of: "amy")
            for (name, phones) in [("王建国", ["13800000001", "13800000002"]), ("李娜", ["13800000003"])] {
                var card = CustomerCard(id: 0, name: name, createdAt: stamp, updatedAt: stamp)
                card.phones = phones
                _ = try book.apply(.addCustomer(card), at: stamp)
            }
        }
        XCTAssertEqual(RawSQLite.execute(path, Self.beforeCoveringIndexes), 0)
        let book = try Store(path: path).book(of: "amy")
        XCTAssertEqual(try pragma(path, "user_version"), "\(Store.schemaVersion)")
        XCTAssertEqual(try book.db.text("SELECT sql FROM sqlite_master WHERE name = 'journal_recent'"), "CREATE INDEX journal_recent ON journal(owner, id, undone)")
        let rows = try book.customers(CustomerFilter(), offset: 0, limit: 10).rows
        XCTAssertEqual(rows.map(\.name), ["李娜", "王建国"])
        let phones = try book.firstPhones(of: rows.map(\.id))
        XCTAssertEqual(rows.map { phones[$0.id] }, ["13800000003", "13800000001"], "each card's first phone")
        XCTAssertNotEqual(try book.apply(.undo, at: "2026-11-18T10:00"), .nothingToUndo)
        XCTAssertEqual(try book.customerNames(), ["王建国"])
    }

    // Schema 10 keeps totals for the reports; a schema 9 store has them worked out when it is
    // opened, and its reports say what they said before.
    func testASchemaNineStoreHasItsTotalsWorkedOut() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v9.db").path
        let reports: (Book) throws -> [String] = { book in
            let owed = try book.receivables(today: "2026-11-18", defaultTerms: 30, accounts: nil)
            let month = try book.pipeline(from: "2026-11-01", to: "2026-11-30", today: "2026-11-18")
            return [String(describing: owed), String(describing: try book.sales(from: "2026-01-01", to: "2026-11-18", named: nil)),
                    "\(month.visitsPlanned) \(month.visitsDone)", String(describing: try book.trend(months: 12, today: "2026-11-18"))]
        }
        var before: [String] = []
        do {
            let book = try Store(path: path).book(of: "amy")
            try add("王建国", to: book)
            try add("李娜", to: book)
            for (id, kind, day, amount) in [(CustomerID(1), SaleEntry.Kind.order, "2026-07-01", 50_000), (1, .order, "2026-10-01", 20_000),
                                            (1, .payment, "2026-10-05", 30_000), (2, .order, "2026-11-02", 8_000)] {
                _ = try book.apply(.recordSale(SaleEntry(customer: id, kind: kind, day: day, amount: amount)), at: "2026-11-18T10:00")
            }
            _ = try book.apply(.scheduleVisit(VisitPlan(customer: 2, day: "2026-11-20", time: "10:00")), at: "2026-11-18T10:00")
            _ = try book.apply(.logContact(ContactLog(customer: 1, day: "2026-11-10", time: "10:00")), at: "2026-11-18T10:00")
            before = try reports(book)
        }
        XCTAssertEqual(RawSQLite.execute(path, Self.beforeTotals), 0)
        XCTAssertEqual(try pragma(path, "user_version"), "9")
        let book = try Store(path: path).book(of: "amy")
        XCTAssertEqual(try reports(book), before)
        XCTAssertTrue(before[0].contains("balance: 48000"), before[0])
        XCTAssertEqual(before[2], "2 1")
    }

    // Schema 12 writes the audit table again to let it note lists: a store of schema 11 keeps
    // its entries, and takes a list's.
    func testASchemaElevenAuditLogKeepsItsEntriesAndTakesLists() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v11.db").path
        do {
            let store = try Store(path: path)
            try store.audit([AuditEntry(at: "2026-11-18T10:00", actor: "boss", action: .view, owner: "amy", customer: 1, name: "王建国")])
        }
        // Back to the table and version schema 11 had.
        XCTAssertEqual(RawSQLite.execute(path, """
            CREATE TABLE audit_old (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('view', 'reassign', 'export')), owner TEXT, customer_id INTEGER, customer_name TEXT, detail TEXT);
            INSERT INTO audit_old SELECT * FROM audit;
            DROP TABLE audit;
            ALTER TABLE audit_old RENAME TO audit;
            CREATE INDEX audit_at ON audit(at, id);
            PRAGMA user_version = 11;
            """), 0)
        XCTAssertNotEqual(RawSQLite.execute(path, "INSERT INTO audit(at, actor, action) VALUES ('x', 'boss', 'list')"), 0, "schema 11 refuses a list")
        let store = try Store(path: path)
        try store.audit([AuditEntry(at: "2026-11-18T11:00", actor: "boss", action: .list, owner: "amy", name: "李娜", detail: "1")])
        XCTAssertEqual(try store.auditLog(limit: 10).map(\.action), [.view, .list])
        XCTAssertEqual(try store.auditLog(limit: 10).first?.name, "王建国")
        XCTAssertEqual(try pragma(path, "user_version"), "\(Store.schemaVersion)")
    }

    private func pragma(_ path: String, _ name: String) throws -> String? { RawSQLite.scalar(path, "PRAGMA \(name)") }

    private func execute(_ path: String, _ sql: String) throws { RawSQLite.execute(path, sql) }
}
