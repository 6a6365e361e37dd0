extension RuleSet {
    /// The value a whole text stands for in a lookup list: 准客户 → 2 in `level`, 經銷商 →
    /// dealer in `role`; nil when the text is not one of the list's words.
    public func value(of text: String, inLookup name: String) -> String? {
        guard let extractor = lookupExtractors.first(where: { $0.name == name }) as? LookupExtractor else { return nil }
        let tokens = Tokenizer.tokens(of: fold(text), lexicon: lexicon)
        return extractor.wholeValue(tokens)
    }
}

extension LookupExtractor {
    /// The value when the tokens are exactly one of the list's words.
    func wholeValue(_ tokens: [Token]) -> String? {
        var node = TokenTrie.root
        for token in tokens {
            guard let next = synonyms.next(node, token.id) else { return nil }
            node = next
        }
        return tokens.isEmpty ? nil : synonyms.value(at: node)
    }
}
