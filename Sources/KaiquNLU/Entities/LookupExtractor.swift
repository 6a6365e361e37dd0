/// Words from a `lookup` block of intents/ (roles, levels, cards, objections, steps…): each
/// synonym maps to its canonical value, e.g. 经销商 → dealer, 准客户 → 2. Matches are taken
/// leftmost-longest, so 经销商 is one dealer, not 经销 and 经销商 both.
public struct LookupExtractor: EntityExtractor {
    /// The lookup list's name, which is also the slot type it fills.
    public let name: String
    let synonyms: TokenTrie
    private let source: String

    init(name: String, synonyms: TokenTrie) {
        self.name = name
        self.synonyms = synonyms
        self.source = "lookup \(name)"
    }

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        var start = 0
        // No word runs across a comma or a full stop: 崔宝山，东城 holds no 山东.
        var clauseEnd = 0
        while start < tokens.count {
            if clauseEnd <= start {
                clauseEnd = start + 1
                while clauseEnd < tokens.count, !Self.breaks(text.scalars, tokens[clauseEnd - 1].range.upperBound..<tokens[clauseEnd].range.lowerBound) { clauseEnd += 1 }
            }
            guard let longest = synonyms.longest(in: tokens[..<clauseEnd], from: start, id: \.id) else {
                start += 1
                continue
            }
            let range = tokens[start].range.lowerBound..<tokens[longest.end - 1].range.upperBound
            entities.append(Entity(type: name, range: range, value: longest.value, source: source))
            start = longest.end
        }
    }

    // Whether the text between two tokens ends a phrase.
    private static func breaks(_ scalars: [Unicode.Scalar], _ gap: Range<Int>) -> Bool {
        scalars[gap].contains(where: ScalarClass.endsPhrase)
    }
}
