/// The values a reply's `{name}`s are filled from: written as a dictionary literal
/// (`["name": card.name]`), kept as a short list. A turn renders dozens of replies, each with
/// one to four values: a list costs one allocation and a few comparisons where a dictionary
/// hashes every name twice.
public struct ReplyParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var pairs: [(String, String)]

    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements
    }

    /// The value of `name`: the last given, as a dictionary would keep it.
    public subscript(name: String) -> String? {
        get { pairs.last { $0.0 == name }?.1 }
        set {
            pairs.removeAll { $0.0 == name }
            if let newValue { pairs.append((name, newValue)) }
        }
    }

    // Equal when they give the same values, in whatever order they were written.
    public static func == (lhs: ReplyParameters, rhs: ReplyParameters) -> Bool {
        func values(_ parameters: ReplyParameters) -> [String: String] { Dictionary(parameters.pairs, uniquingKeysWith: { _, last in last }) }
        return values(lhs) == values(rhs)
    }
}
