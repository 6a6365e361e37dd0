import Foundation
import XCTest
import KaiquDialogue
import KaiquNLU
@testable import KaiquStore

/// One rep's book: every change and read, on ":memory:" and on a file.
final class BookTests: XCTestCase {
    let stamp = "2026-11-18T10:00"
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-book-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func book(_ path: String = ":memory:", cadence: Cadence = Cadence()) throws -> Book {
        try Store(path: path, nameKey: { $0.lowercased().replacingOccurrences(of: "  ", with: " ") }, cadence: cadence).book(of: "amy")
    }

    private func card(_ name: String, _ edit: (inout CustomerCard) -> Void = { _ in }) -> CustomerCard {
        var card = CustomerCard(id: 0, name: name, createdAt: stamp, updatedAt: stamp)
        edit(&card)
        return card
    }

    @discardableResult
    private func add(_ book: Book, _ card: CustomerCard) throws -> CustomerID {
        guard case .customer(let id) = try book.apply(.addCustomer(card), at: stamp) else { throw StoreError.noSuchCustomer(0) }
        return id
    }

    func testACardComesBackWhole() throws {
        for path in [":memory:", folder.appendingPathComponent("a.db").path] {
            let book = try book(path)
            let id = try add(book, card("孙丽") {
                $0.company = "宏达建材"; $0.phones = ["13900001111", "057188886666"]; $0.email = "sunli@example.com"; $0.wechat = "sunli88"
                $0.region = "杭州"; $0.address = "文三路 1 号"; $0.role = "dealer"; $0.source = "展会"
                $0.birthday = Birthday(calendar: .lunar, month: 8, day: 15); $0.profile = ["hobbies": "钓鱼"]
                $0.level = 3; $0.levelSetByRep = true; $0.card = "B"; $0.money = true; $0.need = false
            })
            let read = try XCTUnwrap(try book.card(id))
            XCTAssertEqual(read.name, "孙丽")
            XCTAssertEqual(read.phones, ["13900001111", "057188886666"])
            XCTAssertEqual(read.birthday?.description, "L08-15")
            XCTAssertEqual(read.profile, ["hobbies": "钓鱼"])
            XCTAssertEqual([read.level, read.card == "B" ? 1 : 0], [3, 1])
            XCTAssertEqual([read.money, read.authority, read.need], [true, nil, false])
            XCTAssertTrue(read.levelSetByRep)
            XCTAssertEqual(read.createdAt, stamp)
        }
    }

    func testEditsAndTheirUndo() throws {
        let book = try book()
        let id = try add(book, card("李四") { $0.phones = ["13900001111"] })
        let before = try XCTUnwrap(try book.card(id))
        _ = try book.apply(.updateCustomer(id, [.phone("13800138000"), .company("宏达"), .profile("family", "两个孩子"), .card("A", byRep: true)]), at: "2026-11-18T11:00")
        let after = try XCTUnwrap(try book.card(id))
        XCTAssertEqual(after.phones, ["13800138000", "13900001111"])
        XCTAssertEqual(after.company, "宏达")
        XCTAssertEqual(after.profile["family"], "两个孩子")
        XCTAssertEqual(after.updatedAt, "2026-11-18T11:00")
        XCTAssertEqual(try book.apply(.undo, at: stamp), .undone(kind: "customer.update", subject: "李四"))
        XCTAssertEqual(try book.card(id), before)
        XCTAssertEqual(try book.apply(.undo, at: stamp), .undone(kind: "customer.add", subject: "李四"))
        XCTAssertNil(try book.card(id))
        XCTAssertEqual(try book.apply(.undo, at: stamp), .nothingToUndo)
    }

    func testDeleteIsSoftAndUndoable() throws {
        let book = try book()
        let id = try add(book, card("张三") { $0.phones = ["13900001111"] })
        _ = try book.apply(.deleteCustomer(id), at: stamp)
        XCTAssertNil(try book.card(id))
        XCTAssertEqual(try book.customers(phone: "13900001111"), [])
        XCTAssertEqual(try book.name(of: id), "张三")
        _ = try book.apply(.undo, at: stamp)
        XCTAssertEqual(try book.card(id)?.phones, ["13900001111"])
    }

    func testNotesAreNewestFirstAndUndoRemovesThem() throws {
        let book = try book()
        let id = try add(book, card("王建国"))
        _ = try book.apply(.addNote(id, "喜欢钓鱼", profile: ["hobbies": "钓鱼"]), at: "2026-11-18T10:00")
        _ = try book.apply(.addNote(id, "老婆姓刘", profile: [:]), at: "2026-11-18T11:00")
        XCTAssertEqual(try book.notes(of: id, limit: 5).map(\.text), ["老婆姓刘", "喜欢钓鱼"])
        _ = try book.apply(.undo, at: stamp)
        _ = try book.apply(.undo, at: stamp)
        XCTAssertEqual(try book.notes(of: id, limit: 5), [])
        XCTAssertEqual(try book.card(id)?.profile, [:])
    }

    func testVisitsPlanCancelMoveAndLog() throws {
        let book = try book()
        let id = try add(book, card("陈静"))
        guard case .visit(let visit) = try book.apply(.scheduleVisit(VisitPlan(customer: id, day: "2026-11-19", time: "15:00", purpose: "谈合同")), at: stamp) else {
            return XCTFail("no visit")
        }
        XCTAssertEqual(try book.visits(from: "2026-11-16", to: "2026-11-22", statuses: [.planned], limit: 10).total, 1)
        _ = try book.apply(.moveVisit(visit, day: "2026-11-20", time: "10:00"), at: stamp)
        XCTAssertEqual(try book.visit(visit)?.start, "2026-11-20T10:00")
        _ = try book.apply(.logContact(ContactLog(customer: id, day: "2026-11-20", time: "10:30", outcome: "要样品", planned: visit)), at: stamp)
        XCTAssertEqual(try book.visit(visit)?.status, .done)
        XCTAssertEqual(try book.visit(visit)?.outcome, "要样品")
        let card = try XCTUnwrap(try book.card(id))
        XCTAssertEqual(card.lastContact, "2026-11-20T10:30")
        XCTAssertEqual(card.contactCount, 1)
        // An older contact logged later does not move the last contact back.
        _ = try book.apply(.logContact(ContactLog(customer: id, day: "2026-11-10", time: "09:00")), at: stamp)
        XCTAssertEqual(try book.card(id)?.lastContact, "2026-11-20T10:30")
        _ = try book.apply(.undo, at: stamp)
        _ = try book.apply(.undo, at: stamp)
        XCTAssertEqual(try book.visit(visit)?.status, .planned)
        XCTAssertNil(try book.card(id)?.lastContact)
        _ = try book.apply(.cancelVisit(visit), at: stamp)
        XCTAssertEqual(try book.visits(from: "2026-11-16", to: "2026-11-22", statuses: [.planned], limit: 10).total, 0)
    }

    func testDueDaysFollowTheCadenceAndItsChanges() throws {
        let path = folder.appendingPathComponent("due.db").path
        let day = CivilDay(2026, 11, 18).ordinal
        var book = try book(path)
        let a = try add(book, card("甲") { $0.card = "A" })
        let key = try add(book, card("乙") { $0.card = "C"; $0.level = 2 })
        let lost = try add(book, card("丙"))
        _ = try book.apply(.updateCustomer(lost, [.status(.lost)]), at: stamp)
        XCTAssertEqual(try book.due(onOrBefore: day + 7, filter: CustomerFilter(), excluding: [], limit: 10).rows.map(\.customer.name), ["甲", "乙"])
        // 甲, an A card never contacted, is due at once; 乙 (level 2, every 7 days) not before its day.
        XCTAssertEqual(try book.due(onOrBefore: day, filter: CustomerFilter(), excluding: [], limit: 10).rows.map(\.customer.name), ["甲"])
        XCTAssertEqual(try book.due(onOrBefore: day + 6, filter: CustomerFilter(), excluding: [], limit: 10).total, 1)
        XCTAssertEqual(try book.due(onOrBefore: day + 7, filter: CustomerFilter(), excluding: [key], limit: 10).rows.map(\.customer.id), [a])
        // The excluded are passed over, not counted in the page: a page of one after them, and the total without them.
        let page = try book.due(onOrBefore: day + 7, filter: CustomerFilter(), excluding: [a], limit: 1)
        XCTAssertEqual(page.rows.map(\.customer.id), [key])
        XCTAssertEqual(page.total, 1)
        _ = try book.apply(.logContact(ContactLog(customer: a, day: "2026-11-25", time: "10:00")), at: stamp)
        XCTAssertEqual(try book.due(onOrBefore: day + 7, filter: CustomerFilter(), excluding: [], limit: 10).rows.map(\.customer.name), ["乙"])
        // A changed cadence recomputes every due day when the store opens.
        book = try self.book(path, cadence: Cadence(byCard: ["A": 3, "B": 14, "C": 30], byLevel: [:], otherwise: 30))
        let due = try book.due(onOrBefore: day + 30, filter: CustomerFilter(), excluding: [], limit: 10).rows
        XCTAssertEqual(due.map(\.customer.name), ["甲", "乙"])
        XCTAssertEqual(due.map(\.dueDay), [CivilDay(2026, 11, 28).ordinal, day + 30])
    }

    func testFiltersOrdersAndPages() throws {
        let book = try book()
        try add(book, card("A1") { $0.card = "A"; $0.region = "杭州"; $0.role = "dealer" })
        try add(book, card("B1") { $0.card = "B"; $0.region = "宁波"; $0.role = "agent" })
        try add(book, card("C1") { $0.card = "C"; $0.address = "杭州市文三路" })
        try add(book, card("N1") { $0.level = 2 })
        XCTAssertEqual(try book.customers(CustomerFilter(), offset: 0, limit: 10).rows.map(\.name), ["A1", "B1", "C1", "N1"])
        XCTAssertEqual(try book.customers(CustomerFilter(region: "杭州"), offset: 0, limit: 10).rows.map(\.name), ["A1", "C1"])
        XCTAssertEqual(try book.customers(CustomerFilter(role: "agent"), offset: 0, limit: 10).rows.map(\.name), ["B1"])
        XCTAssertEqual(try book.customers(CustomerFilter(level: 2), offset: 0, limit: 10).rows.map(\.name), ["N1"])
        let page = try book.customers(CustomerFilter(), offset: 2, limit: 1)
        XCTAssertEqual(page.rows.map(\.name), ["C1"])
        XCTAssertEqual(page.total, 4)
        XCTAssertEqual(try book.customers(CustomerFilter(contactedBefore: "2026-11-18"), offset: 0, limit: 10).total, 0)
        XCTAssertEqual(try book.customers(CustomerFilter(contactedBefore: "2026-11-19"), offset: 0, limit: 10).total, 4)
    }

    // A page short of its limit is counted from its rows, a full one by the store: the totals
    // must agree either way, past the start and beyond the end as well.
    func testTotalsAreTheSameWhetherThePageIsFullOrNot() throws {
        let book = try book()
        let day = CivilDay(2026, 11, 18).ordinal
        var ids: [CustomerID] = []
        for i in 0..<5 {
            let id = try add(book, card("客户\(i)") { $0.card = "A" })
            ids.append(id)
            _ = try book.apply(.scheduleVisit(VisitPlan(customer: id, day: "2026-11-19", time: "1\(i):00")), at: stamp)
        }
        for (offset, limit) in [(0, 10), (0, 5), (0, 3), (2, 2), (4, 3), (5, 3), (9, 3)] {
            let page = try book.customers(CustomerFilter(), offset: offset, limit: limit)
            XCTAssertEqual(page.total, 5, "offset \(offset) limit \(limit)")
            XCTAssertEqual(page.rows.count, max(0, min(limit, 5 - offset)), "offset \(offset) limit \(limit)")
        }
        for limit in [10, 5, 3] {
            XCTAssertEqual(try book.visits(from: "2026-11-16", to: "2026-11-22", statuses: [.planned], limit: limit).total, 5, "limit \(limit)")
            let due = try book.due(onOrBefore: day, filter: CustomerFilter(), excluding: [ids[0]], limit: limit)
            XCTAssertEqual(due.total, 4, "limit \(limit)")
            XCTAssertEqual(due.rows.count, min(limit, 4), "limit \(limit)")
        }
    }

    // The follow-up list asks for the next planned visit of a page of customers at once: the
    // earliest planned from the day on, none for a customer without one or for a past one.
    func testNextPlannedVisitsOfManyCustomersAtOnce() throws {
        let book = try book()
        let a = try add(book, card("甲")), b = try add(book, card("乙")), c = try add(book, card("丙"))
        func plan(_ id: CustomerID, _ day: String, _ time: String?) throws -> VisitID {
            guard case .visit(let visit) = try book.apply(.scheduleVisit(VisitPlan(customer: id, day: day, time: time)), at: stamp) else { throw StoreError.noSuchCustomer(id) }
            return visit
        }
        _ = try plan(a, "2026-11-17", "09:00")
        _ = try plan(a, "2026-11-25", "10:00")
        let first = try plan(a, "2026-11-20", "15:00")
        let done = try plan(b, "2026-11-19", "09:00")
        _ = try book.apply(.logContact(ContactLog(customer: b, day: "2026-11-19", time: "09:30", planned: done)), at: stamp)
        let later = try plan(b, "2026-12-01", nil)
        _ = try plan(c, "2026-11-10", nil)
        let next = try book.nextPlannedVisits(of: [a, b, c], from: "2026-11-18")
        XCTAssertEqual(next[a]?.id, first)
        XCTAssertEqual(next[b]?.id, later)
        XCTAssertNil(next[c])
        XCTAssertEqual(try book.nextPlannedVisits(of: [], from: "2026-11-18").count, 0)
        // One customer's, which is found by its id alone, as among several.
        for id in [a, b, c] { XCTAssertEqual(try book.nextPlannedVisits(of: [id], from: "2026-11-18")[id]?.id, next[id]?.id) }
        // The same answer as asking customer by customer (the protocol's own way).
        for id in [a, b, c] {
            XCTAssertEqual(next[id]?.id, try book.visits(of: id, limit: 50).filter { $0.status == .planned && $0.day >= "2026-11-18" }.min { $0.start < $1.start }?.id)
        }
    }

    // States are saved many to a statement: more than one statement holds, and saving again
    // replaces rather than adds.
    func testConversationStatesSavedInChunksComeBackEach() throws {
        let store = try Store(path: ":memory:")
        let count = Store.statesPerStatement * 2 + 5
        try store.saveConversationStates((0..<count).map { ("u\($0)", "{\"n\":\($0)}") }, at: stamp)
        try store.saveConversationStates([("u3", "{\"n\":-3}")], at: stamp)
        XCTAssertEqual(try store.conversationState(of: "u\(count - 1)"), "{\"n\":\(count - 1)}")
        XCTAssertEqual(try store.conversationState(of: "u3"), "{\"n\":-3}")
        XCTAssertEqual(try store.db.integer("SELECT count(*) FROM conversation"), Int64(count))
    }

    func testSurnamesFindChineseByFirstCharacterAndLatinByWord() throws {
        let book = try book()
        try add(book, card("王建国"))
        try add(book, card("Li Ming"))
        try add(book, card("Lily Wang"))
        XCTAssertEqual(try book.customers(surname: "王", limit: 10).map(\.name), ["王建国"])
        XCTAssertEqual(try book.customers(surname: "li", limit: 10).map(\.name), ["Li Ming"])
        XCTAssertEqual(try book.customers(surname: "wang", limit: 10).map(\.name), ["Lily Wang"])
    }

    func testBirthdaysAreFoundByTheirMonthDayKey() throws {
        let book = try book()
        try add(book, card("公历") { $0.birthday = Birthday(calendar: .solar, year: 1985, month: 11, day: 20) })
        try add(book, card("农历") { $0.birthday = Birthday(calendar: .lunar, month: 10, day: 11) })
        XCTAssertEqual(try book.birthdays(keys: ["11-20"]).map(\.customer.name), ["公历"])
        XCTAssertEqual(try book.birthdays(keys: ["L10-11", "11-21"]).map(\.customer.name), ["农历"])
    }

    func testBirthdaysBetweenTheKeysAskedForAreLeftOut() throws {
        let book = try book()
        for (name, month, day) in [("十二月底", 12, 31), ("元旦", 1, 1), ("一月中", 1, 15), ("十一月底", 11, 30), ("十二月初", 12, 2)] {
            try add(book, card(name) { $0.birthday = Birthday(calendar: .solar, month: month, day: day) })
        }
        try add(book, card("闰月") { $0.birthday = Birthday(calendar: .lunar, month: 4, day: 2, leap: true) })
        // A week over the year's end, and one over a month's end with a day missing.
        XCTAssertEqual(try book.birthdays(keys: ["12-29", "12-30", "12-31", "01-01", "01-02"]).map(\.customer.name), ["十二月底", "元旦"])
        XCTAssertEqual(try book.birthdays(keys: ["11-29", "12-01", "12-02"]).map(\.customer.name), ["十二月初"])
        XCTAssertEqual(try book.birthdays(keys: ["L04-02", "L*04-01", "L*04-02"]).map(\.customer.name), ["闰月"])
    }

    func testABatchIsOneChangeForUndo() throws {
        let book = try book()
        let existing = try add(book, card("老客户"))
        _ = try book.apply([.addCustomer(card("新甲"), note: "展会认识"), .addCustomer(card("新乙")), .updateCustomer(existing, [.company("宏达")])],
                           kind: "import", subject: "list.csv", at: stamp)
        XCTAssertEqual(Set(try book.customerNames()), ["老客户", "新甲", "新乙"])
        XCTAssertEqual(try book.apply(.undo, at: stamp), .undone(kind: "import", subject: "list.csv"))
        XCTAssertEqual(try book.customerNames(), ["老客户"])
        XCTAssertNil(try book.card(existing)?.company)
    }

    func testAChangeToAnotherRepsCardIsRefused() throws {
        let store = try Store(path: ":memory:")
        let amy = store.book(of: "amy"), bob = store.book(of: "bob")
        guard case .customer(let id) = try amy.apply(.addCustomer(card("张三")), at: stamp) else { return XCTFail() }
        XCTAssertThrowsError(try bob.apply(.deleteCustomer(id), at: stamp))
        XCTAssertThrowsError(try bob.apply(.scheduleVisit(VisitPlan(customer: id, day: "2026-11-19")), at: stamp))
        XCTAssertNotNil(try amy.card(id))
    }
}
