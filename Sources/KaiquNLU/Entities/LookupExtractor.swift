/// Words from a `lookup` block of intents/ (roles, levels, cards, objections, steps…): each
/// synonym maps to its canonical value, e.g. 经销商 → dealer, 准客户 → 2. Matches are taken
/// leftmost-longest, so 经销商 is one dealer, not 经销 and 经销商 both.
public struct LookupExtractor: EntityExtractor {
    /// The lookup list's name, which is also the slot type it fills.
    public let name: String
    let root: LookupTrie

    init(name: String, root: LookupTrie) {
        self.name = name
        self.root = root
    }

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        var start = 0
        while start < tokens.count {
            var node = root
            var end = start
            var longest: (end: Int, value: String)?
            while end < tokens.count, let next = node.children[tokens[end].id] {
                node = next
                end += 1
                if let value = node.value { longest = (end, value) }
            }
            guard let longest else {
                start += 1
                continue
            }
            let range = tokens[start].range.lowerBound..<tokens[longest.end - 1].range.upperBound
            entities.append(Entity(type: name, range: range, value: longest.value, source: "lookup \(name)"))
            start = longest.end
        }
    }
}

/// Synonyms by token ids. A final class because children are shared, not copied.
final class LookupTrie: @unchecked Sendable {
    // Built once while the rules compile, read-only afterwards.
    var children: [Int: LookupTrie] = [:]
    var value: String?

    func insert(_ ids: [Int], value: String) -> String? {
        var node = self
        for id in ids {
            if let next = node.children[id] { node = next } else {
                let next = LookupTrie()
                node.children[id] = next
                node = next
            }
        }
        if let existing = node.value, existing != value { return existing }
        node.value = value
        return nil
    }
}
