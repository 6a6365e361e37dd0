/// How a rep points at a customer without the full name: a back-reference (他, 这个客户, him)
/// to the last one mentioned, or an honorific (王总, 老王, Mr. Chen) that gives only the
/// surname. The words are the lists back-reference, honorific-titles and honorific-prefixes.
extension RuleSet {
    /// True when the whole of `text` is a back-reference: 他, 这个客户, that customer.
    public func isBackReference(_ text: String) -> Bool {
        let ids = Tokenizer.tokens(of: fold(text), lexicon: lexicon).map(\.id)
        return !ids.isEmpty && list(named: "back-reference").contains(ids)
    }

    /// True when some tokens of an utterance are a back-reference.
    public func mentionsBackReference(_ tokens: [Token]) -> Bool { mentions("back-reference", in: tokens) }

    /// Whether an entry of the synonym list `name` occurs in `tokens` (false when the list is
    /// not defined): for the dialogue's data words, as 80/20 picks the ABC analysis.
    public func mentions(_ name: String, inText text: String) -> Bool {
        mentions(name, in: Tokenizer.tokens(of: fold(text), lexicon: lexicon))
    }

    /// Whether an entry of the synonym list `name` occurs in `tokens`.
    public func mentions(_ name: String, in tokens: [Token]) -> Bool {
        let entries = list(named: name)
        let ids = tokens.map(\.id)
        for start in ids.indices {
            for entry in entries where ids[start...].starts(with: entry) { return true }
        }
        return false
    }

    /// The folded surname in an honorific form (王总 → 王, 老王 → 王, 欧阳姐 → 欧阳,
    /// Mr. Chen → chen), nil when `text` is not one.
    public func honorificSurname(_ text: String) -> String? {
        let tokens = Tokenizer.tokens(of: fold(text), lexicon: lexicon)
        let ids = tokens.map(\.id)
        let compounds = Set(list(named: "compound-surnames").map { $0.map(lexicon.word).joined() })
        func surname(_ slice: ArraySlice<Token>) -> String? {
            let joined = slice.map(\.text).joined()
            if slice.count == 1 || compounds.contains(joined) { return joined }
            return nil
        }
        for prefix in list(named: "honorific-prefixes") where ids.starts(with: prefix) && ids.count > prefix.count {
            if let found = surname(tokens[prefix.count...]) { return found }
        }
        for title in list(named: "honorific-titles") where ids.count > title.count && Array(ids.suffix(title.count)) == title {
            if let found = surname(tokens[..<(tokens.count - title.count)]) { return found }
        }
        return nil
    }
}
