import CSQLite
import Foundation
import XCTest
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

    func testInMemoryStoreKeepsNamesPerOwner() throws {
        let store = try Store(path: ":memory:")
        try store.addCustomer(name: "张三", owner: "amy", at: now)
        try store.addCustomer(name: "Robert'); DROP TABLE customer;--", owner: "amy", at: now)
        try store.addCustomer(name: "李四", owner: "bob", at: now)
        XCTAssertEqual(try store.customerNames(owner: "amy"), ["张三", "Robert'); DROP TABLE customer;--"])
        XCTAssertEqual(try store.customerNames(owner: "bob"), ["李四"])
    }

    func testEmptyNamesAreRefusedByTheSchema() throws {
        let store = try Store(path: ":memory:")
        XCTAssertThrowsError(try store.addCustomer(name: "  ", owner: "amy", at: now))
        XCTAssertEqual(try store.customerNames(owner: "amy"), [])
    }

    func testFileStoreIsCreatedWithItsFolderMigratedAndReopened() throws {
        let path = folder.appendingPathComponent("deep/kaiqu.db").path
        do {
            let store = try Store(path: path)
            try store.addCustomer(name: "王建国", owner: "amy", at: now)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try pragma(path, "user_version"), "\(Store.schemaVersion)")
        XCTAssertEqual(try pragma(path, "journal_mode"), "wal")
        let reopened = try Store(path: path)
        XCTAssertEqual(try reopened.customerNames(owner: "amy"), ["王建国"])
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
        try writer.addCustomer(name: "陈静", owner: "amy", at: now)
        let reader = try XCTUnwrap(try Store(readingOnly: path))
        XCTAssertEqual(try reader.customerNames(owner: "amy"), ["陈静"])
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

    // Raw SQLite, to look at the file from outside the store.
    private func pragma(_ path: String, _ name: String) throws -> String? {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { return nil }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        sqlite3_prepare_v2(db, "PRAGMA \(name)", -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return nil }
        return String(cString: text)
    }

    private func execute(_ path: String, _ sql: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { return }
        defer { sqlite3_close(db) }
        sqlite3_exec(db, sql, nil, nil, nil)
    }
}
