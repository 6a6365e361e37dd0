/// Runs the examples of intents/ against the whole rule set, for tests and `kaiqu check`.
public struct ExampleRunner: Sendable {
    public let parser: Parser
    public let context: ParseContext

    public init(parser: Parser) {
        self.parser = parser
        self.context = parser.rules.fixture.context(rules: parser.rules)
    }

    /// One example and what the parser made of it.
    public struct Outcome: Sendable {
        public var intent: String
        public var example: Example
        public var result: ParseResult
        /// Another intent's pattern matched exactly as specifically: only load order decided.
        public var tiedWith: String?

        public var passed: Bool {
            example.positive ? result.intent == intent && result.slots == example.slots : result.intent != intent
        }
    }

    /// Every example of every intent, in load order.
    public func run() -> [Outcome] {
        parser.rules.intents.flatMap { rule in
            rule.examples.map { example in
                let analysis = parser.analyze(example.text, context: context)
                var tie: String?
                if let top = analysis.candidates.first,
                   let rival = analysis.candidates.dropFirst().first(where: { $0.pattern.intent != top.pattern.intent }),
                   rival.specificity == top.specificity {
                    tie = rival.pattern.intent
                }
                return Outcome(intent: rule.id, example: example, result: analysis.result, tiedWith: tie)
            }
        }
    }

    /// How an intent's examples are spread: positives per language, and negatives.
    public struct Coverage: Sendable {
        public var intent: String
        public var positives: [Language: Int]
        public var negatives: Int
        public var defined: Bool

        /// The contract's minimum: 10 positives, at least 2 in each language, and 2 negatives.
        public var sufficient: Bool {
            defined && positives.values.reduce(0, +) >= 10 && Language.allCases.allSatisfy { positives[$0, default: 0] >= 2 }
                && negatives >= 2
        }
    }

    /// Coverage of every contract intent and of every intent defined beyond it.
    public func coverage() -> [Coverage] {
        let ids = ContractIntents.ids + parser.rules.intents.map(\.id).filter { !ContractIntents.ids.contains($0) }
        return ids.map { id in
            guard let rule = parser.rules.intent(id) else {
                return Coverage(intent: id, positives: [:], negatives: 0, defined: false)
            }
            var positives: [Language: Int] = [:]
            for example in rule.examples where example.positive {
                if let language = Language.detect(example.text, normalizer: parser.rules.normalizer) { positives[language, default: 0] += 1 }
            }
            return Coverage(intent: id, positives: positives, negatives: rule.examples.filter { !$0.positive }.count, defined: true)
        }
    }
}

/// The intent ids fixed by the NLU contract (shared/nlu-contract.md), plus "fallback".
public enum ContractIntents {
    public static let ids: [String] = [
        "customer.add", "customer.update", "customer.show", "customer.list", "customer.delete", "customer.note",
        "visit.schedule", "visit.list", "visit.log", "visit.cancel", "followup.due",
        "flow.start", "flow.next", "flow.status", "flow.goto", "objection.handle",
        "qualify.man", "credit.assess", "deal.won", "deal.lost", "report.pipeline", "train.start",
        "help", "greet", "confirm", "deny", "cancel", "undo",
    ]
}
