extension Parser {
    /// Example sentences of the intents nearest to `text`, one per intent, best first, in the
    /// language of `text`: what the fallback offers instead of a dead end; never a deletion,
    /// a cancellation or a lost deal.
    ///
    /// Nearness is the share of the input's tokens an example also has; only the reply to
    /// input nothing matched pays for it.
    public func suggestions(for text: String, language: Language, limit: Int = 3) -> [String] {
        // Short answers make no example, and a suggestion is never one that destroys: a rep
        // who copies it must not lose a card, a visit or a deal.
        let skip: Set<String> = ["confirm", "deny", "cancel", "undo", "greet", "help", "customer.delete", "visit.cancel", "deal.lost"]
        let input = Set(Tokenizer.tokens(of: rules.normalizer.normalize(text).scalars, lexicon: nil).map(\.text))
        var best: [(intent: Int, score: Double, example: String)] = []
        for (index, rule) in rules.intents.enumerated() where !skip.contains(rule.id) {
            var top: (Double, String)?
            for example in rule.examples where example.positive {
                guard Language.detect(example.text, normalizer: rules.normalizer) == language else { continue }
                let tokens = Set(Tokenizer.tokens(of: rules.normalizer.normalize(example.text).scalars, lexicon: nil).map(\.text))
                let shared = Double(input.intersection(tokens).count)
                let score = input.isEmpty ? 0 : shared / Double(input.count) + shared / Double(max(tokens.count, 1)) / 10
                if top == nil || score > top!.0 { top = (score, example.text) }
            }
            if let top { best.append((index, top.0, top.1)) }
        }
        best.sort { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
        return best.prefix(limit).map(\.example)
    }
}
