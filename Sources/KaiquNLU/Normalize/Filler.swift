/// Words that carry no meaning for intent matching, from the `filler` block of intents/:
///
///     filler
///       start: 请 | 麻烦 | 帮我 | please     ← only where a clause starts
///       end: 吧 | 呢 | 啊 | 哦               ← only where a clause ends
///       anywhere: 一下 | 一下子              ← wherever they stand
///
/// Single-character particles are tied to clause edges because they also occur inside
/// words (请示, 酒吧): only padding that is never part of a word may go `anywhere`.
/// A clause edge is the start or end of the text, or punctuation between tokens (a space is
/// not: English puts one between every word).
struct Filler: Sendable {
    var start = TokenTrie()
    var end = TokenTrie()
    var anywhere = TokenTrie()

    /// Removes `anywhere` filler from pattern words and synonyms: from `ids[start...]`, in place.
    func removeAnywhere(from ids: inout [Int], startingAt start: Int = 0) {
        guard ids[start...].contains(where: { anywhere.next(TokenTrie.root, $0) != nil }) else { return }
        var kept = start
        var i = start
        while i < ids.count {
            if let j = anywhere.longest(in: ids, from: i, id: { $0 })?.end { i = j } else {
                ids[kept] = ids[i]
                kept += 1
                i += 1
            }
        }
        ids.removeLast(ids.count - kept)
    }

    /// Removes filler tokens from an utterance, sparing tokens inside entities.
    func removing(from tokens: [Token], in text: NormalizedText, keeping entities: [Entity]) -> [Token] {
        func punctuated(_ a: Int, _ b: Int) -> Bool {
            text.scalars[tokens[a].range.upperBound..<tokens[b].range.lowerBound].contains { !$0.properties.isWhitespace }
        }
        func edgeBefore(_ i: Int) -> Bool { i == 0 || punctuated(i - 1, i) }
        func edgeAfter(_ j: Int) -> Bool { j == tokens.count || punctuated(j - 1, j) }
        func free(_ i: Int, _ j: Int) -> Bool {
            let span = tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound
            return !entities.contains { $0.range.overlaps(span) }
        }
        var kept: [Token] = []
        kept.reserveCapacity(tokens.count)
        var clauseStart = true
        var i = 0
        while i < tokens.count {
            if edgeBefore(i) { clauseStart = true }
            if clauseStart, let j = start.longest(in: tokens, from: i, id: \.id)?.end, free(i, j) {
                i = j
                continue
            }
            if let j = anywhere.longest(in: tokens, from: i, id: \.id)?.end, free(i, j) {
                i = j
                continue
            }
            if let j = end.longest(in: tokens, from: i, id: \.id)?.end, edgeAfter(j), free(i, j) {
                i = j
                continue
            }
            clauseStart = false
            kept.append(tokens[i])
            i += 1
        }
        return kept
    }
}
