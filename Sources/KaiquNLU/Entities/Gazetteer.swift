/// The customers the parser knows, found in an utterance by whole tokens.
///
/// Names are keyed by a hash of their folded tokens, so finding them costs a few hash
/// look-ups per token of the utterance whatever the number of customers: the list is never
/// scanned. Simplified and traditional spellings fold to one key.
public struct Gazetteer: Sendable {
    /// The names as stored.
    public private(set) var names: [String] = []
    private var folded: [[String]] = []
    private var byHash: [UInt64: [Int32]] = [:]
    private var maxTokens = 0

    public init() {}

    /// Builds the gazetteer for `names`, folding them with `normalizer`.
    public init<S: Sequence>(names: S, normalizer: Normalizer) where S.Element == String {
        for name in names { add(name, normalizer: normalizer) }
    }

    /// Adds one stored name.
    public mutating func add(_ name: String, normalizer: Normalizer) {
        let tokens = Tokenizer.tokens(of: normalizer.normalize(name).scalars, lexicon: nil).map(\.text)
        guard !tokens.isEmpty, tokens.count <= 8 else { return }
        var hash = Self.seed
        for token in tokens { hash = Self.hash(hash, token) }
        byHash[hash, default: []].append(Int32(names.count))
        names.append(name)
        folded.append(tokens)
        maxTokens = max(maxTokens, tokens.count)
    }

    /// The number of names known.
    public var count: Int { names.count }

    /// Every known name that starts at a token and ends at a token, as (token range, stored names).
    /// Several stored names can share one spelling; all are returned so the caller can ask which.
    public func matches(in tokens: [Token]) -> [(tokens: Range<Int>, names: [String])] {
        guard maxTokens > 0 else { return [] }
        var found: [(Range<Int>, [String])] = []
        for start in tokens.indices {
            var hash = Self.seed
            for end in start..<min(tokens.count, start + maxTokens) {
                hash = Self.hash(hash, tokens[end].text)
                guard let hits = byHash[hash] else { continue }
                let span = start...end
                let same = hits.filter { folded[Int($0)].elementsEqual(tokens[span].lazy.map(\.text)) }
                if !same.isEmpty { found.append((start..<end + 1, same.map { names[Int($0)] })) }
            }
        }
        return found
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    // FNV-1a over the token's scalars, then a separator so "ab"+"c" differs from "a"+"bc".
    private static func hash(_ start: UInt64, _ token: String) -> UInt64 {
        var h = start
        for s in token.unicodeScalars {
            h = (h ^ UInt64(s.value)) &* 0x100_0000_01b3
        }
        return (h ^ 0x1F) &* 0x100_0000_01b3
    }
}

/// Finds known customers (the gazetteer in the context) in an utterance.
public struct CustomerExtractor: EntityExtractor {
    public let name = "customer"
    public init() {}

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        for match in context.customers.matches(in: tokens) {
            let range = tokens[match.tokens.lowerBound].range.lowerBound..<tokens[match.tokens.upperBound - 1].range.upperBound
            // One entity per distinct stored name: the dialogue asks which one when there are several.
            for stored in Set(match.names).sorted() {
                entities.append(Entity(type: "customer", range: range, value: stored, source: name))
            }
        }
    }
}
