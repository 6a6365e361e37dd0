// The reports' figures: a book of 100,000 customers, 200,000 visits and 500,000 orders (most
// of them paid), then each report as chat asks for it, and each figure the HTML page
// reads; and an order recorded with its commit. Run as `kaiqu-bench reports`.
import Foundation
import KaiquCLI
import KaiquDialogue
import KaiquNLU
import KaiquStore

enum ReportBench {
    static let customers = 100_000
    static let visits = 200_000
    static let orders = 500_000

    static func run() throws {
        let rules = try RuleSet.load(files: Kaiqu.builtInIntentFiles, otherKinds: DialogueData.kinds)
        let data = try DialogueData(rules: rules)
        let nameKey: @Sendable (String) -> String = { NameKey.of($0, normalizer: rules.normalizer) }
        // KAIQU_BENCH_KEEP=1 keeps the filled store, to look at its query plans.
        let keep = ProcessInfo.processInfo.environment["KAIQU_BENCH_KEEP"] == "1"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-bench-reports-\(UUID().uuidString)")
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        if keep { print("store kept at \(folder.path)/bench.db") }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(path: folder.appendingPathComponent("bench.db").path, nameKey: nameKey, cadence: data.cadence)
        let book = store.book(of: "bench")
        let today = CivilDay(2026, 11, 18)
        var random = SplitMix(seed: 7)

        let fillStart = DispatchTime.now().uptimeNanoseconds
        var batch: [Change] = []
        func add(_ change: Change) throws {
            batch.append(change)
            if batch.count == 10_000 {
                _ = try book.apply(batch, kind: "bench", subject: "fill", at: "2026-01-01T09:00")
                batch = []
            }
        }
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
        let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉兰萍红娥玲芬燕彬鹏飞斌波宇浩凯健俊帆")
        for i in 0..<customers {
            var card = CustomerCard(id: 0, name: String(surnames[i % surnames.count]) + String(given[(i / surnames.count) % given.count])
                                    + String(given[(i / 7) % given.count]), createdAt: "2026-01-01T09:00", updatedAt: "2026-01-01T09:00")
            card.phones = [String(13_000_000_000 + i)]
            card.level = random.next(4) + 1
            try add(.addCustomer(card))
        }
        for i in 0..<visits {
            let customer = CustomerID(random.next(customers) + 1)
            let day = i % 20 == 0 ? today.adding(days: random.next(56)) : today.adding(days: -1 - random.next(365))
            if day < today {
                try add(.logContact(ContactLog(customer: customer, day: day.description, time: "10:00", outcome: "拜访 \(i)")))
            } else {
                try add(.scheduleVisit(VisitPlan(customer: customer, day: day.description, time: String(format: "%02d:00", 9 + random.next(9)))))
            }
        }
        // A year of orders, bigger customers ordering more. As dealers do, most pay within
        // their terms: nine orders in ten placed over 45 days ago are paid, 30 days after.
        var paymentsMade = 0
        for _ in 0..<orders {
            let customer = CustomerID(min(random.next(customers), random.next(customers)) + 1)
            let age = random.next(365), amount = 1_000 * (1 + random.next(50))
            try add(.recordSale(SaleEntry(customer: customer, kind: .order, day: today.adding(days: -age).description, amount: amount)))
            if age > 45 && random.next(10) != 0 {
                try add(.recordSale(SaleEntry(customer: customer, kind: .payment, day: today.adding(days: 30 - age).description, amount: amount)))
                paymentsMade += 1
            }
        }
        if !batch.isEmpty { _ = try book.apply(batch, kind: "bench", subject: "fill", at: "2026-01-01T09:00") }
        // The reads are timed on a settled file, not while the fill's WAL is copied back.
        store.waitForCheckpoint()
        print(String(format: "reports: %d customers, %d visits, %d orders and %d payments written in %.1f s",
                     customers, visits, orders, paymentsMade, Double(DispatchTime.now().uptimeNanoseconds - fillStart) / 1e9))

        // Each report as chat (and `kaiqu report`) makes it, through the dialogue.
        let dialogue = Dialogue(rules: rules, data: data)
        let now = ISODateTime.parse("2026-11-18T10:00:00+08:00", defaultZone: TimeZone(secondsFromGMT: 0)!)!
        let context = DialogueContext(now: now.date, timeZone: now.zone)
        let parser = Parser(rules: rules)
        let parseContext = ParseContext(now: now.date, timeZone: now.zone)
        for (kind, from, to) in [("monthly", nil, nil), ("weekly", nil, nil), ("funnel", nil, nil), ("abc", "2025-11-19", "2026-11-18"),
                                 ("receivables", nil, nil)] as [(String, String?, String?)] {
            var lines = 0
            let times = try (0..<5).map { _ in
                try StoreBench.time {
                    var state = DialogueState()
                    lines = try dialogue.run(.report(kind: kind, from: from, to: to), in: &state, context: context, records: book,
                                             apply: { try book.apply($0, at: context.stamp) }, parse: { text, _ in Utterance(parser.analyze(text, context: parseContext)) },
                                             describe: { "\($0)" }).replies.count
                }
            }
            print(String(format: "report %@ (%d lines): median %.1f ms, worst %.1f ms (target ≤ 100)", kind, lines, StoreBench.median(times), times.max()!))
        }
        // What the HTML page reads besides the monthly report.
        let trend = try (0..<5).map { _ in try StoreBench.time { _ = try book.trend(months: 12, today: today.description) } }
        print(String(format: "report html: 12-month trend median %.1f ms (target ≤ 100)", StoreBench.median(trend)))
        // `kaiqu report --format html` reads all of these: the monthly report (this month and the
        // one before, the receivables), the funnel, the trend, the ABC analysis.
        let page = try (0..<5).map { _ in
            try StoreBench.time {
                _ = try book.pipeline(from: "2026-11-01", to: "2026-11-30", today: today.description, current: true)
                _ = try book.pipeline(from: "2026-10-01", to: "2026-10-31", today: today.description, current: false)
                _ = try book.receivables(today: today.description, defaultTerms: 30, accounts: 0)
                _ = try book.pipeline(from: "2026-11-01", to: "2026-11-30", today: today.description, current: true)
                _ = try book.trend(months: 12, today: today.description)
                _ = ABCAnalysis.rows(try book.sales(from: "2026-11-01", to: "2026-11-30", named: 100))
                _ = try book.receivables(today: today.description, defaultTerms: 30, accounts: 0)
            }
        }
        print(String(format: "report html, all it reads (the page for this month): median %.1f ms (target ≤ 100)", StoreBench.median(page)))
        let overdue = try (0..<5).map { _ in try StoreBench.time { _ = try book.overdueAccounts(today: today.description, defaultTerms: 30, limit: 20) } }
        print(String(format: "哪些客户欠款逾期了: median %.1f ms", StoreBench.median(overdue)))

        // An order or a payment recorded, commit included, one at a time.
        var records: [Double] = []
        for i in 0..<2_000 {
            let entry = SaleEntry(customer: CustomerID(random.next(customers) + 1), kind: i % 3 == 0 ? .payment : .order,
                                  day: today.description, amount: 1_000 + i)
            records.append(try StoreBench.time { _ = try book.apply(.recordSale(entry), at: context.stamp) })
        }
        records.sort()
        print(String(format: "order or payment with its commit (2,000): median %.2f ms, p99 %.2f ms, worst %.2f ms (target p99 ≤ 5)",
                     StoreBench.median(records), records[records.count * 99 / 100], records.last!))
    }
}
