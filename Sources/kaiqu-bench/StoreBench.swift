// The store's figures: a book of 100,000 customers and 200,000 visits, then the time of the
// operations a rep does all day. Run as `kaiqu-bench store` in a child process, so its peak
// memory is its own.
import Foundation
import KaiquCLI
import KaiquDialogue
import KaiquNLU
import KaiquStore

enum StoreBench {
    static let customers = 100_000
    static let visits = 200_000

    static func run() throws {
        let rules = try RuleSet.load(files: Kaiqu.builtInIntentFiles, otherKinds: DialogueData.kinds)
        let data = try DialogueData(rules: rules)
        let parser = Parser(rules: rules)
        let nameKey: @Sendable (String) -> String = { NameKey.of($0, normalizer: rules.normalizer) }
        // KAIQU_BENCH_KEEP=1 keeps the filled store, to look at its query plans.
        let keep = ProcessInfo.processInfo.environment["KAIQU_BENCH_KEEP"] == "1"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-bench-store" + (keep ? "" : "-\(UUID().uuidString)"))
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        if keep { print("store kept at \(folder.path)/bench.db") }
        let path = folder.appendingPathComponent("bench.db").path

        // Fill it, 10,000 changes a transaction (a kept store is reused as it is).
        let fillStart = DispatchTime.now().uptimeNanoseconds
        let reuse = keep && FileManager.default.fileExists(atPath: path)
        let book = try Store(path: path, nameKey: nameKey, cadence: data.cadence).book(of: "bench")
        let today = CivilDay(2026, 11, 18)
        var random = SplitMix(seed: 42)
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
        let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉兰萍红娥玲芬燕彬鹏飞斌波宇浩凯健俊帆")
        let regions = ["杭州", "宁波", "温州", "义乌", "绍兴", "嘉兴", "金华", "台州", "上海", "苏州"]
        var batch: [Change] = []
        for i in 0..<(reuse ? 0 : customers) {
            var card = CustomerCard(id: 0, name: String(surnames[i % surnames.count]) + String(given[(i / surnames.count) % given.count])
                                    + String(given[(i / 7) % given.count]), createdAt: "2026-09-01T09:00", updatedAt: "2026-09-01T09:00")
            card.phones = [String(13_000_000_000 + i)]
            card.region = regions[random.next(regions.count)]
            card.card = ["A", "B", "C", nil][random.next(4)]
            card.level = random.next(4) + 1
            if random.next(10) == 0 {
                card.birthday = Birthday(calendar: random.next(3) == 0 ? .lunar : .solar, month: random.next(12) + 1, day: random.next(28) + 1)
            }
            batch.append(.addCustomer(card))
            if batch.count == 10_000 {
                _ = try book.apply(batch, kind: "bench", subject: "fill", at: "2026-09-01T09:00")
                batch = []
            }
        }
        // Two years of history, and the visits planned for the next eight weeks.
        for i in 0..<(reuse ? 0 : visits) {
            let customer = CustomerID(random.next(customers) + 1)
            let day = i % 20 == 0 ? today.adding(days: random.next(56)) : today.adding(days: -1 - random.next(730))
            if day < today {
                batch.append(.logContact(ContactLog(customer: customer, day: day.description, time: "10:00", outcome: "拜访 \(i)")))
            } else {
                batch.append(.scheduleVisit(VisitPlan(customer: customer, day: day.description, time: String(format: "%02d:00", 9 + random.next(9)))))
            }
            if batch.count == 10_000 {
                _ = try book.apply(batch, kind: "bench", subject: "fill", at: "2026-09-01T09:00")
                batch = []
            }
        }
        let fillSeconds = Double(DispatchTime.now().uptimeNanoseconds - fillStart) / 1e9
        print(String(format: "store: %d customers, %d visits written in %.1f s", customers, visits, fillSeconds))

        // Opening the store, as every run of kaiqu does.
        let opens = try (0..<10).map { _ in try time { _ = try Store(path: path, nameKey: nameKey, cadence: data.cadence) } }
        print(String(format: "open the store: median %.2f ms (target ≤ 20)", median(opens)))

        // The customer names the parser loads at start.
        var names: [String] = []
        let namesTime = try time { names = try book.customerNames() }
        let gazetteerTime = time { _ = rules.gazetteer(names) }
        print(String(format: "chat start-up with this book: customer names %.1f ms, parser gazetteer %.1f ms", namesTime, gazetteerTime))

        // visit.list for a week, through the dialogue, as a rep asks it.
        let dialogue = Dialogue(rules: rules, data: data)
        let now = ISODateTime.parse("2026-11-18T10:00:00+08:00", defaultZone: TimeZone(secondsFromGMT: 0)!)!
        let context = DialogueContext(now: now.date, timeZone: now.zone)
        let parseContext = ParseContext(now: now.date, timeZone: now.zone)
        func ask(_ text: String) throws -> [Reply] {
            var state = DialogueState()
            return try dialogue.run(.utterance(Utterance(parser.analyze(text, context: parseContext))), in: &state, context: context,
                                    records: book, apply: { try book.apply($0, at: context.stamp) },
                                    parse: { text, _ in Utterance(parser.analyze(text, context: parseContext)) }, describe: { "\($0)" }).replies
        }
        if ProcessInfo.processInfo.environment["KAIQU_BENCH_TRACE"] == "1" {
            let timed = TimedRecords(book)
            var state = DialogueState()
            let total = try time {
                _ = try dialogue.run(.utterance(Utterance(parser.analyze("本周要拜访谁", context: parseContext))), in: &state, context: context,
                                     records: timed, apply: { try book.apply($0, at: context.stamp) },
                                     parse: { text, _ in Utterance(parser.analyze(text, context: parseContext)) }, describe: { "\($0)" })
            }
            print(String(format: "trace: %.2f ms in all;", total), timed.times.map { String(format: "%@ %.2f", $0.key, $0.value) }.sorted().joined(separator: ", "))
        }
        var lines = 0
        let week = try (0..<20).map { _ in try time { lines = try ask("本周要拜访谁").count } }
        print(String(format: "visit.list for a week (本周要拜访谁, %d lines): median %.2f ms, worst %.2f ms (target ≤ 20)", lines, median(week), week.max()!))
        let followUps = try (0..<20).map { _ in try time { _ = try ask("哪些客户很久没联系了") } }
        print(String(format: "followup.due: median %.2f ms", median(followUps)))
        let show = try (0..<20).map { _ in try time { _ = try ask("查看王伟伟") } }
        print(String(format: "customer.show: median %.2f ms", median(show)))

        // customer.add with its commit: one change, one transaction, on disk when it returns.
        // A WAL checkpoint (every ~1,000 pages, with an fsync) lands on some of them: the worst.
        var adds: [Double] = []
        for i in 0..<1_000 {
            var card = CustomerCard(id: 0, name: "新客户\(i)", createdAt: context.stamp, updatedAt: context.stamp)
            card.phones = [String(15_000_000_000 + i)]
            adds.append(try time { _ = try book.apply(.addCustomer(card), at: context.stamp) })
        }
        adds.sort()
        print(String(format: "customer.add with its commit (1,000 adds): median %.2f ms, p99 %.2f ms, worst %.2f ms (target ≤ 5)",
                     median(adds), adds[adds.count * 99 / 100], adds.last!))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "peak memory of the store benchmark: %.1f MB (target ≤ 60)", Double(usage.ru_maxrss) / 1024))
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}

/// A small fixed-seed generator, so every run writes the same book.
struct SplitMix {
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

/// Times every read the dialogue makes, for `KAIQU_BENCH_TRACE=1`.
final class TimedRecords: Records {
    let inner: any Records
    var times: [String: Double] = [:]
    init(_ inner: any Records) { self.inner = inner }
    private func t<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { times[name, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }
        return try body()
    }
    func card(_ id: CustomerID) throws -> CustomerCard? { try t("card") { try inner.card(id) } }
    func name(of id: CustomerID) throws -> String? { try t("name") { try inner.name(of: id) } }
    func visit(_ id: VisitID) throws -> Visit? { try t("visit") { try inner.visit(id) } }
    func notes(of id: CustomerID, limit: Int) throws -> [Note] { try t("notes") { try inner.notes(of: id, limit: limit) } }
    func customers(nameKey key: String) throws -> [CustomerSummary] { try t("nameKey") { try inner.customers(nameKey: key) } }
    func card(nameKey key: String) throws -> NamedCard { try t("cardByName") { try inner.card(nameKey: key) } }
    func customers(surname: String, limit: Int) throws -> [CustomerSummary] { try t("surname") { try inner.customers(surname: surname, limit: limit) } }
    func customers(phone: String) throws -> [CustomerSummary] { try t("phone") { try inner.customers(phone: phone) } }
    func firstPhones(of ids: [CustomerID]) throws -> [CustomerID: String] { try t("firstPhones") { try inner.firstPhones(of: ids) } }
    func customers(_ filter: CustomerFilter, offset: Int, limit: Int) throws -> (rows: [CustomerSummary], total: Int) { try t("filter") { try inner.customers(filter, offset: offset, limit: limit) } }
    func count(_ filter: CustomerFilter) throws -> Int { try t("count") { try inner.count(filter) } }
    func flow(of customer: CustomerID) throws -> FlowState? { try t("flow") { try inner.flow(of: customer) } }
    func extras(of customer: CustomerID, today: String, defaultTerms: Int, notes: Int) throws -> CardExtras {
        try t("extras") { try inner.extras(of: customer, today: today, defaultTerms: defaultTerms, notes: notes) }
    }
    func visits(from: String, to: String, statuses: [Visit.Status], limit: Int) throws -> (rows: [Visit], total: Int) { try t("visits \(from)") { try inner.visits(from: from, to: to, statuses: statuses, limit: limit) } }
    func visits(of customer: CustomerID, limit: Int) throws -> [Visit] { try t("visitsOf") { try inner.visits(of: customer, limit: limit) } }
    func nextPlannedVisits(of customers: [CustomerID], from day: String) throws -> [CustomerID: Visit] {
        try t("nextPlannedVisits") { try inner.nextPlannedVisits(of: customers, from: day) }
    }
    func due(onOrBefore day: Int, filter: CustomerFilter, excluding: Set<CustomerID>, limit: Int) throws -> (rows: [DueCustomer], total: Int) { try t("due") { try inner.due(onOrBefore: day, filter: filter, excluding: excluding, limit: limit) } }
    func birthdays(keys: BirthdayKeys) throws -> [(customer: CustomerSummary, birthday: Birthday)] { try t("birthdays") { try inner.birthdays(keys: keys) } }
    func collectionsDue(by day: String, today: String, defaultTerms: Int) throws -> [CollectionDue] { try t("collections") { try inner.collectionsDue(by: day, today: today, defaultTerms: defaultTerms) } }
}
