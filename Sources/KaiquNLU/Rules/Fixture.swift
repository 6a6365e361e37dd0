import Foundation

/// The world the examples of intents/ are written against: a fixed clock and a few known
/// customers, from the `fixture` block.
///
///     fixture
///       now: 2026-11-18T10:00:00+08:00
///       customers: 张三 | 李四 | 王建国 | Li Ming
public struct Fixture: Sendable {
    public var now: Date
    public var timeZone: TimeZone
    public var customers: [String]

    /// The default fixture: the clock above, no customers.
    init() {
        let fallback = ISODateTime.parse("2026-11-18T10:00:00+08:00", defaultZone: TimeZone(secondsFromGMT: 0)!)!
        now = fallback.date
        timeZone = fallback.zone
        customers = []
    }

    /// The fixture the `fixture` blocks say, starting from the default one.
    init(blocks: [DataBlock]) throws(DataErrors) {
        self.init()
        var errors: [DataError] = []
        for block in blocks where block.kind == "fixture" {
            for line in block.lines {
                switch line.key {
                case "now":
                    if let parsed = ISODateTime.parse(line.value, defaultZone: timeZone) {
                        now = parsed.date
                        timeZone = parsed.zone
                    } else {
                        errors.append(line.location.error(.badFixture(line.value)))
                    }
                case "customers":
                    customers += line.entries
                default:
                    errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "fixture", expected: ["now", "customers"])))
                }
            }
        }
        if !errors.isEmpty { throw DataErrors(errors) }
    }

    /// A parse context for the fixture, with its customers known as `rules` fold them.
    public func context(rules: RuleSet) -> ParseContext {
        ParseContext(now: now, timeZone: timeZone, customers: rules.gazetteer(customers))
    }
}
