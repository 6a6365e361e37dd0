import CSQLite
import Foundation
import XCTest
import KaiquDialogue
@testable import KaiquStore

/// What the store does to stay Kaiqu's and the rep's: it marks its files and refuses another
/// application's database, keeps its files private, survives being created by several
/// processes at once, and keeps its undo journal bounded.
final class StoreSafetyTests: XCTestCase {
    let stamp = "2026-11-18T10:00"
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-safety-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func add(_ name: String, to book: Book) throws -> CustomerID {
        guard case .customer(let id) = try book.apply(.addCustomer(CustomerCard(id: 0, name: name, createdAt: stamp, updatedAt: stamp)), at: stamp)
        else { throw StoreError.noSuchCustomer(0) }
        return id
    }

    func testAnotherApplicationsDatabaseIsRefusedAndLeftAsItWas() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("other.db").path
        try execute(path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('月亮代表我的心');")
        XCTAssertThrowsError(try Store(path: path)) { XCTAssertEqual($0 as? StoreError, .foreign(path: path)) }
        XCTAssertThrowsError(try Store(readingOnly: path)) { XCTAssertEqual($0 as? StoreError, .foreign(path: path)) }
        XCTAssertEqual(try scalar(path, "SELECT group_concat(name) FROM sqlite_master"), "songs")
        XCTAssertEqual(try scalar(path, "PRAGMA journal_mode"), "delete", "not even switched to WAL")
        // A marked database of another application is refused too.
        let marked = folder.appendingPathComponent("marked.db").path
        try execute(marked, "PRAGMA application_id = 1234; CREATE TABLE customer (id INTEGER); PRAGMA user_version = 1;")
        XCTAssertThrowsError(try Store(path: marked)) { XCTAssertEqual($0 as? StoreError, .foreign(path: marked)) }
    }

    func testANewStoreIsMarkedPrivateAndSaysItIsNew() throws {
        let path = folder.appendingPathComponent("deep/er/kaiqu.db").path
        let store = try Store(path: path)
        XCTAssertTrue(store.isNew)
        XCTAssertEqual(store.createdFolder, folder.path)
        _ = try add("王建国", to: store.book(of: "amy"))
        XCTAssertEqual(try scalar(path, "PRAGMA application_id"), String(Store.applicationID))
        for file in [path, path + "-wal"] {
            XCTAssertEqual(try mode(file), 0o600, file)
        }
        for dir in [folder.path, folder.appendingPathComponent("deep").path, folder.appendingPathComponent("deep/er").path] {
            XCTAssertEqual(try mode(dir), 0o700, dir)
        }
        let again = try Store(path: path)
        XCTAssertFalse(again.isNew)
        XCTAssertNil(again.createdFolder)
    }

    func testABatchKeepsItsChangesOnlyWhenCommittedAndAFailedChangeAloneIsUndone() throws {
        let path = folder.appendingPathComponent("batch.db").path
        do {
            let store = try Store(path: path)
            try store.beginBatch()
            let book = store.book(of: "amy")
            _ = try add("王建国", to: book)
            XCTAssertThrowsError(try book.apply(.addNote(9_999, "没有这个人", profile: [:]), at: stamp))
            _ = try add("李娜", to: book)
            try store.commitBatch()
            // A batch never committed is gone when the process is.
            try store.beginBatch()
            _ = try add("张伟", to: book)
        }
        let reopened = try Store(path: path).book(of: "amy")
        XCTAssertEqual(try reopened.customers(CustomerFilter(), offset: 0, limit: 10).rows.map(\.name).sorted(), ["李娜", "王建国"])
        // The failed change left nothing to undo: the last undo takes back 李娜.
        _ = try reopened.apply(.undo, at: stamp)
        XCTAssertEqual(try reopened.customers(CustomerFilter(), offset: 0, limit: 10).rows.map(\.name), ["王建国"])
    }

    func testAnEmptyPathIsNoStore() {
        XCTAssertThrowsError(try Store(path: ""))
    }

    func testManyOpenersOfOneNewStoreAllSucceedAndKeepEveryAdd() throws {
        let path = folder.appendingPathComponent("race.db").path
        let openers = 6
        let failures = Locked<[String]>([])
        let stamp = self.stamp
        DispatchQueue.concurrentPerform(iterations: openers) { n in
            do {
                let book = try Store(path: path).book(of: "amy")
                for i in 0..<20 {
                    _ = try book.apply(.addCustomer(CustomerCard(id: 0, name: "客户\(n)-\(i)", createdAt: stamp, updatedAt: stamp)), at: stamp)
                }
            } catch {
                failures.mutate { $0.append("\(n): \(error)") }
            }
        }
        XCTAssertEqual(failures.value, [])
        XCTAssertEqual(try Store(path: path).book(of: "amy").customerNames().count, openers * 20)
        XCTAssertEqual(try scalar(path, "PRAGMA user_version"), String(Store.schemaVersion))
    }

    func testUndoKeepsTheNewestHundredChanges() throws {
        let book = try Store(path: ":memory:").book(of: "amy")
        let other = try Store(path: ":memory:").book(of: "bob")
        _ = try add("别人的", to: other)
        for i in 0..<(Journal.kept + 30) { _ = try add("客户\(i)", to: book) }
        XCTAssertEqual(try book.db.integer("SELECT count(*) FROM journal WHERE owner = 'amy'"), Int64(Journal.kept))
        for _ in 0..<Journal.kept { XCTAssertNotEqual(try book.apply(.undo, at: stamp), .nothingToUndo) }
        XCTAssertEqual(try book.apply(.undo, at: stamp), .nothingToUndo)
        XCTAssertEqual(try book.customerNames().count, 30, "the oldest 30 adds are beyond undo and stay")
    }

    func testABigRetiredEntryIsDeletedAFewHundredRowsAChange() throws {
        let book = try Store(path: ":memory:").book(of: "amy")
        let cards = (0..<1_200).map { Change.addCustomer(CustomerCard(id: 0, name: "客户\($0)", createdAt: stamp, updatedAt: stamp)) }
        _ = try book.apply(cards, kind: "import", subject: "big.csv", at: stamp)
        for i in 0..<(Journal.kept - 1) { _ = try add("后来\(i)", to: book) }
        XCTAssertEqual(try book.db.integer("SELECT count(*) FROM journal_row WHERE journal_id = 1"), 1_200, "still one of the newest 100")
        _ = try add("再一个", to: book)
        // Retired: undo never reaches it, and its rows go a few hundred a change.
        XCTAssertEqual(try book.db.integer("SELECT undone FROM journal WHERE id = 1"), 2)
        XCTAssertEqual(try book.db.integer("SELECT count(*) FROM journal_row WHERE journal_id = 1"), Int64(1_200 - Journal.prunedPerChange))
        let more = 1_200 / Journal.prunedPerChange - 1
        for i in 0..<more { _ = try add("又一个\(i)", to: book) }
        XCTAssertEqual(try book.db.integer("SELECT count(*) FROM journal_row WHERE journal_id = 1"), 0)
        XCTAssertEqual(try book.db.integer("SELECT count(*) FROM journal WHERE id = 1"), 0)
        for _ in 0..<Journal.kept { XCTAssertNotEqual(try book.apply(.undo, at: stamp), .nothingToUndo) }
        XCTAssertEqual(try book.apply(.undo, at: stamp), .nothingToUndo)
        XCTAssertEqual(try book.customerNames().count, 1_200 + Journal.kept + more - Journal.kept, "the import is beyond undo and stays whole")
    }

    func testAJournalEntryDoesNotGrowWithTheCustomersObjections() throws {
        let book = try Store(path: ":memory:").book(of: "amy")
        let id = try add("张伟", to: book)
        for _ in 0..<300 { _ = try book.apply(.flow(id, [.objection(kind: "price", said: String(repeating: "太贵了", count: 20))]), at: stamp) }
        _ = try book.apply(.updateCustomer(id, [.region("杭州")]), at: stamp)
        let largest = try book.db.integer("SELECT max(length(before)) FROM journal_row")
        XCTAssertLessThan(largest, 2_000, "a snapshot is the card, not its 300 objections")
        // Undoing still gives back exactly what was there.
        _ = try book.apply(.undo, at: stamp)
        XCTAssertNil(try book.card(id)?.region)
        XCTAssertEqual(try book.flow(of: id)?.objections.count, 300)
        _ = try book.apply(.flow(id, [.resolveObjections]), at: stamp)
        XCTAssertEqual(try book.flow(of: id)?.open.count, 0)
        _ = try book.apply(.undo, at: stamp)
        XCTAssertEqual(try book.flow(of: id)?.open.count, 300, "undoing the resolve reopens them")
        _ = try book.apply(.undo, at: stamp)
        XCTAssertEqual(try book.flow(of: id)?.objections.count, 299, "undoing a raised objection removes it")
    }

    func testAVisitKeepsTheZoneItWasPlannedIn() throws {
        let store = try Store(path: ":memory:")
        let shanghai = store.book(of: "amy", zone: "Asia/Shanghai")
        let id = try add("李娜", to: shanghai)
        guard case .visit(let visit) = try shanghai.apply(.scheduleVisit(VisitPlan(customer: id, day: "2026-11-19", time: "15:00")), at: stamp)
        else { return XCTFail("no visit") }
        XCTAssertEqual(try shanghai.visit(visit)?.zone, "Asia/Shanghai")
        // Moved by the rep travelling in another zone, it is in that zone.
        let tokyo = store.book(of: "amy", zone: "Asia/Tokyo")
        _ = try tokyo.apply(.moveVisit(visit, day: "2026-11-20", time: "16:00"), at: stamp)
        XCTAssertEqual(try tokyo.visit(visit)?.zone, "Asia/Tokyo")
    }

    // MARK: Helpers

    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    private func scalar(_ path: String, _ sql: String) throws -> String? { RawSQLite.scalar(path, sql) }

    private func execute(_ path: String, _ sql: String) throws {
        XCTAssertEqual(RawSQLite.execute(path, sql), SQLITE_OK)
    }
}

/// A value shared between threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
