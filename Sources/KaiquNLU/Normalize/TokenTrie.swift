/// Runs of token ids, each with a value: the synonyms of a lookup (经销商 → dealer), filler
/// words, non-names, honorific titles.
///
/// Nodes are numbers and all edges live in one dictionary keyed by (node, token). A class per
/// node, each with a dictionary of its children, made building the region list (thousands of
/// nodes) and freeing it at exit a large share of start-up. The tokens that begin an entry are
/// also kept as a bitset: most tokens of an utterance begin none, and that is the question a
/// trie is asked most.
struct TokenTrie: Sendable {
    typealias Node = Int32

    /// The node every entry starts from.
    static let root: Node = 0

    private var edges: [UInt64: Node] = [:]
    /// The value of each node; nil where no entry ends.
    private var values: [String?] = [nil]
    /// Bit `id` is set when some entry begins with token `id`.
    private var firstTokens: [UInt64] = []

    init() {}

    /// True when no entry has been added.
    var isEmpty: Bool { values.count == 1 }

    /// The node reached from `node` by `token`, or nil when no entry continues that way.
    func next(_ node: Node, _ token: Int) -> Node? {
        guard token >= 0 else { return nil }
        if node == Self.root {
            let word = token >> 6
            guard word < firstTokens.count, firstTokens[word] & (1 << UInt64(token & 63)) != 0 else { return nil }
        }
        return edges[Self.key(node, token)]
    }

    /// The value of the entry ending at `node`, or nil.
    func value(at node: Node) -> String? { values[Int(node)] }

    /// Adds an entry. When the same run was added before with another value, keeps the first
    /// and returns it, so the caller can report the conflict.
    @discardableResult
    mutating func insert(_ ids: [Int], value: String) -> String? {
        var node = Self.root
        for id in ids {
            if node == Self.root {
                let word = id >> 6
                if word >= firstTokens.count { firstTokens += [UInt64](repeating: 0, count: word + 1 - firstTokens.count) }
                firstTokens[word] |= 1 << UInt64(id & 63)
            }
            let key = Self.key(node, id)
            if let child = edges[key] {
                node = child
            } else {
                let child = Node(values.count)
                values.append(nil)
                edges[key] = child
                node = child
            }
        }
        if let existing = values[Int(node)], existing != value { return existing }
        values[Int(node)] = value
        return nil
    }

    /// The longest entry that starts at `start` of `items`: where it ends and its value.
    func longest<C: RandomAccessCollection>(in items: C, from start: Int, id: (C.Element) -> Int) -> (end: Int, value: String)?
    where C.Index == Int {
        var node = Self.root
        var found: (end: Int, value: String)?
        var j = start
        while j < items.endIndex, let child = next(node, id(items[j])) {
            node = child
            j += 1
            if let value = values[Int(node)] { found = (j, value) }
        }
        return found
    }

    /// Where the shortest entry that starts at `start` of `items` ends, or nil.
    func shortest<C: RandomAccessCollection>(in items: C, from start: Int, id: (C.Element) -> Int) -> Int?
    where C.Index == Int {
        var node = Self.root
        var j = start
        while j < items.endIndex, let child = next(node, id(items[j])) {
            node = child
            j += 1
            if values[Int(node)] != nil { return j }
        }
        return nil
    }

    private static func key(_ node: Node, _ token: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(truncatingIfNeeded: token))
    }
}
