import Foundation
import XCTest
@testable import KaiquNLU

/// A parse taken from `ParseCache` must be the parse that would have been made: whoever asks,
/// with whatever customers, at whatever minute.
final class ParseCacheTests: XCTestCase {
    private let zone = TimeZone(secondsFromGMT: 8 * 3600)!
    private let now = ISODateTime.parse("2026-11-18T10:00:00+08:00", defaultZone: TimeZone(secondsFromGMT: 8 * 3600)!)!.date

    private func context(_ names: [String], at date: Date? = nil) -> ParseContext {
        ParseContext(now: date ?? now, timeZone: zone, customers: TestData.rules.gazetteer(names))
    }

    // What a parse says, field by field (Analysis holds tuples, so it is not Equatable).
    private func assertSame(_ kept: Analysis, _ fresh: Analysis, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(kept.result, fresh.result, text, file: file, line: line)
        XCTAssertEqual(kept.entities, fresh.entities, text, file: file, line: line)
        XCTAssertEqual(kept.tokens, fresh.tokens, text, file: file, line: line)
        XCTAssertEqual(kept.normalized, fresh.normalized, text, file: file, line: line)
        XCTAssertEqual(kept.typos.map { "\($0.from)→\($0.to)" }, fresh.typos.map { "\($0.from)→\($0.to)" }, text, file: file, line: line)
        XCTAssertEqual(kept.rewrites.map { "\($0.from)→\($0.to)" }, fresh.rewrites.map { "\($0.from)→\($0.to)" }, text, file: file, line: line)
    }

    /// Every sentence of the development corpus (vendored in DevCorpus/), parsed through one
    /// cache by reps who know all its customers, none, and half of them, in turn and again:
    /// each parse equals a fresh one, and the cache is taken from.
    func testCachedParsesOfTheDevCorpusEqualFreshOnesWhateverTheCustomers() throws {
        let folder = DevCorpusTests.folder
        let texts = try (DevCorpus.items(folder.appendingPathComponent("nlu_dev.jsonl"))
            + DevCorpus.items(folder.appendingPathComponent("nlu_dev_oos.jsonl"))).map(\.text)
        let names = try DevCorpus.names(folder.appendingPathComponent("nlu_dev_customers.csv"))
        XCTAssertGreaterThan(texts.count, 600)
        let everyOther = names.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let lists = [names, [], everyOther, names, Array(Set(names).subtracting(everyOther)), everyOther]
        let cache = ParseCache(capacity: 10_000)
        let parser = TestData.parser
        for list in lists {
            let context = context(list)
            for text in texts {
                assertSame(parser.analyze(text, context: context, cache: cache), parser.analyze(text, context: context, keepCandidates: false), text)
            }
        }
        // Repeated lists are all taken; sentences naming no customer are taken across lists too.
        XCTAssertGreaterThan(cache.hits, texts.count * 3)
        // A sentence naming a customer of one list is parsed again for a list without them.
        XCTAssertGreaterThan(cache.misses, texts.count)
    }

    func testASentenceNamingNoCustomerIsParsedOnceForEveryRep() {
        let cache = ParseCache()
        let first = TestData.parser.analyze("本周要拜访谁", context: context(["张三", "李四"]), cache: cache)
        let second = TestData.parser.analyze("本周要拜访谁", context: context(["王建国"]), cache: cache)
        XCTAssertEqual(cache.misses, 1)
        XCTAssertEqual(cache.hits, 1)
        XCTAssertEqual(first.result, second.result)
    }

    func testACustomerOneRepKnowsIsNeverTakenForAnother() {
        let cache = ParseCache()
        let parser = TestData.parser
        let knows = parser.analyze("给张三打电话", context: context(["张三"]), cache: cache)
        let other = parser.analyze("给张三打电话", context: context(["李四"]), cache: cache)
        XCTAssertEqual(cache.hits, 0)
        XCTAssertTrue(knows.entities.contains { $0.type == "customer" && $0.value == "张三" })
        XCTAssertFalse(other.entities.contains { $0.type == "customer" && $0.source == "customer" && $0.value == "张三" })
        assertSame(other, parser.analyze("给张三打电话", context: context(["李四"]), keepCandidates: false), "给张三打电话")
        // The same customers under other names are found alike: the parse is taken.
        _ = parser.analyze("给张三打电话", context: context(["张三", "赵六"]), cache: cache)
        XCTAssertEqual(cache.hits, 1)
    }

    /// A slip corrected may make a name one rep knows (王取宵怎么样了 → 王取消怎么样了): the customers found in
    /// the corrected text are checked before a parse is taken.
    func testCustomersFoundOnlyOnceASlipIsCorrectedAreChecked() {
        let cache = ParseCache()
        let parser = TestData.parser
        let text = "王取宵怎么样了"
        let knows = parser.analyze(text, context: context(["王取消"]), cache: cache)
        XCTAssertTrue(knows.entities.contains { $0.type == "customer" && $0.value == "王取消" }, "\(knows.entities)")
        let other = parser.analyze(text, context: context(["李四"]), cache: cache)
        XCTAssertEqual(cache.hits, 0)
        assertSame(other, parser.analyze(text, context: context(["李四"]), keepCandidates: false), text)
        XCTAssertFalse(other.entities.contains { $0.value == "王取消" })
        // The parse made last is the one kept: a third rep who knows no 王取消 takes it.
        _ = parser.analyze(text, context: context(["赵六"]), cache: cache)
        XCTAssertEqual(cache.hits, 1)
    }

    func testTheMinuteIsPartOfTheParse() {
        let cache = ParseCache()
        let parser = TestData.parser
        let names = ["张三"]
        let today = parser.analyze("明天下午三点拜访张三", context: context(names), cache: cache)
        let aDayLater = now.addingTimeInterval(86_400)
        let tomorrow = parser.analyze("明天下午三点拜访张三", context: context(names, at: aDayLater), cache: cache)
        XCTAssertEqual(cache.hits, 0)
        XCTAssertNotEqual(today.result.slots["date"], tomorrow.result.slots["date"])
        XCTAssertEqual(tomorrow.result, parser.analyze("明天下午三点拜访张三", context: context(names, at: aDayLater), keepCandidates: false).result)
        // Seconds later, the same minute: taken.
        _ = parser.analyze("明天下午三点拜访张三", context: context(names, at: now.addingTimeInterval(20)), cache: cache)
        XCTAssertEqual(cache.hits, 1)
    }

    func testItKeepsTwoGenerationsOfItsCapacity() {
        let cache = ParseCache(capacity: 2)
        let parser = TestData.parser
        let context = context([])
        // The third parse starts a generation, the fifth another: 帮助 and 列出客户 are dropped.
        for text in ["帮助", "列出客户", "本周要拜访谁", "今天要见谁", "客户说价格太高怎么办", "帮助"] { _ = parser.analyze(text, context: context, cache: cache) }
        XCTAssertEqual(cache.misses, 6)
        XCTAssertEqual(cache.hits, 0)
        // 本周要拜访谁 is in the older generation: taken.
        _ = parser.analyze("本周要拜访谁", context: context, cache: cache)
        XCTAssertEqual(cache.hits, 1)
    }
}
