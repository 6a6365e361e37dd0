import Foundation

/// Something an extractor recognised in an utterance: a known customer, a number, a date…
public struct Entity: Sendable, Hashable, Codable {
    /// The slot type it can fill: "customer", "number", "date", or a lookup list's name.
    public var type: String
    /// Scalar offsets into the normalized text.
    public var range: Range<Int>
    /// The value in the contract's slot format (a stored name, "2026-11-19", "15:00", "dealer").
    public var value: String
    /// The extractor that found it, for `--explain`.
    public var source: String

    /// The type an objection word takes when the rep only asked about it (问了起订量和账期):
    /// a buying signal, not an objection.
    public static let inquiry = "inquiry"

    public init(type: String, range: Range<Int>, value: String, source: String) {
        self.type = type
        self.range = range
        self.value = value
        self.source = source
    }
}

/// What the parser may know besides the text: the clock, the time zone and the customers.
/// Only the CLI reads the real clock; tests pin it.
public struct ParseContext: Sendable {
    public var now: Date
    public var timeZone: TimeZone
    public var customers: Gazetteer

    public init(now: Date, timeZone: TimeZone, customers: Gazetteer = Gazetteer()) {
        self.now = now
        self.timeZone = timeZone
        self.customers = customers
    }
}

/// One kind of entity recognition. Each extractor lives in its own file, beside a corpus of
/// examples under Tests/KaiquNLUTests/Entities/Corpora that one parameterized test runs.
public protocol EntityExtractor: Sendable {
    /// A short name shown by `--explain` and used to pick the extractor's corpus.
    var name: String { get }
    /// Appends every entity found in `text`. Overlaps are fine: the matcher chooses.
    func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity])
}
