/// The extractors written in Swift, in the order they run. Lookup lists from intents/ add theirs.
enum BuiltInExtractors {
    /// The entity types they produce: each is a slot type patterns may use.
    static let types = ["customer", "number", "amount", "phone", "phone_ext", "bad_phone", "email", "wechat"]
        + TemporalExtractor.types + [TemporalSlot.anyTime]

    /// The customer extractor, which runs first: the only one that reads the context's
    /// customers, so what it finds is all a parse takes from them (see `ParseCache`).
    static func customers(rules: RuleSet) -> CustomerExtractor {
        CustomerExtractor(titles: rules.trie(ofList: "honorific-titles"), prefixes: rules.trie(ofList: "honorific-prefixes"),
                          backReferences: rules.trie(ofList: "back-reference"))
    }

    /// The others, in the order they run after it.
    static func make(rules: RuleSet) -> [any EntityExtractor] {
        [
            NumberExtractor(),
            MoneyExtractor(),
            PhoneExtractor(),
            EmailExtractor(),
            WeChatExtractor(),
            TemporalExtractor(calendar: rules.calendar, fold: { rules.normalizer.normalize($0).foldedText },
                              surnames: Set(rules.cues.words(inGroup: "surnames").compactMap { $0.count == 1 ? $0[0] : nil })),
        ]
    }
}
