/// normalize → entities → intent match → slots.
///
/// The parser is a value: it holds the compiled rules and reads nothing else. The clock,
/// the time zone and the known customers come in a `ParseContext`.
public struct Parser: Sendable {
    public let rules: RuleSet
    private let customerExtractor: CustomerExtractor
    /// The other extractors, run after the customer one.
    private let extractors: [any EntityExtractor]
    private let corrections: Corrections
    private let types: EntityTypeTable

    /// For each lexicon id, the patterns whose first required group holds it; and the patterns
    /// with no required word. A sentence is tried only against patterns one of its words can
    /// anchor (the others cannot match: they need a word it does not have).
    private let anchored: [[Int]]
    private let unanchored: [Int]

    public init(rules: RuleSet) {
        self.rules = rules
        self.customerExtractor = BuiltInExtractors.customers(rules: rules)
        self.extractors = BuiltInExtractors.make(rules: rules) + rules.lookupExtractors
        self.corrections = Corrections(markers: rules.cues.words(inGroup: "correction"))
        self.types = EntityTypeTable(rules.entityTypes)
        var anchored = [[Int]](repeating: [], count: rules.lexicon.words.count)
        var unanchored: [Int] = []
        for (index, pattern) in rules.patterns.enumerated() {
            guard let group = pattern.required.first else { unanchored.append(index); continue }
            for id in group { anchored[id].append(index) }
        }
        self.anchored = anchored
        self.unanchored = unanchored
    }

    /// Parses one utterance.
    public func parse(_ text: String, context: ParseContext) -> ParseResult {
        run(text, context: context, keepCandidates: false).result
    }

    /// Parses one utterance and keeps what `--explain` shows.
    public func analyze(_ text: String, context: ParseContext, keepCandidates: Bool = true) -> Analysis {
        analysis(of: run(text, context: context, keepCandidates: keepCandidates))
    }

    /// Parses one utterance, or takes the parse `cache` keeps of the same text, made at the same
    /// minute, where the customers were found alike (see `ParseCache`).
    public func analyze(_ text: String, context: ParseContext, cache: ParseCache) -> Analysis {
        let first = firstReading(text, context: context)
        let key = ParseCache.Key(text: text, minute: TemporalExtractor.reference(context).index, customers: first.customers)
        let kept = cache.analysis(for: key) { reread in
            customerExtractor.found(in: reread.text, tokens: reread.tokens, context: context) == reread.customers
        }
        if let kept { return kept }
        let run = run(text, context: context, keepCandidates: false, first: first)
        let analysis = analysis(of: run)
        cache.keep(analysis, for: key, reread: run.reread)
        return analysis
    }

    private func analysis(of run: Run) -> Analysis {
        Analysis(result: run.result, normalized: run.normalized.foldedText, tokens: run.tokens,
                 entities: run.entities, candidates: run.candidates, cueScores: run.cueScores,
                 rewrites: run.rewrites, typos: run.typos)
    }

    /// The sentence as first read: normalized, rewritten, cut into words, and the customers in it.
    private struct FirstReading {
        var normalized: NormalizedText
        var rewrites: [(from: String, to: String)]
        var tokens: [Token]
        var customers: [Entity]
    }

    private func firstReading(_ text: String, context: ParseContext) -> FirstReading {
        let (normalized, rewrites) = rules.rewriter.apply(to: rules.normalizer.normalize(text))
        let tokens = Tokenizer.tokens(of: normalized, lexicon: rules.lexicon)
        return FirstReading(normalized: normalized, rewrites: rewrites, tokens: tokens,
                            customers: customerExtractor.found(in: normalized, tokens: tokens, context: context))
    }

    private struct Run {
        var result: ParseResult
        var normalized: NormalizedText
        var tokens: [Token]
        var entities: [Entity]
        var candidates: [Candidate]
        var cueScores: [CueScore] = []
        var rewrites: [(from: String, to: String)] = []
        var typos: [(from: String, to: String)] = []
        /// The text read a second time with its slips corrected, when it was.
        var reread: ParseCache.Reread?
    }

    // Reads the sentence as typed (Cantonese and other rewrites applied); when that finds
    // nothing, or only a weak reading, reads it once more with typo tolerance: homophone
    // slips and English words one edit away from a cue word. The second reading replaces a
    // weak first one only when it is surer, or the same request with more said (添加客护 赵敏).
    private func run(_ text: String, context: ParseContext, keepCandidates: Bool, first reading: FirstReading? = nil) -> Run {
        let reading = reading ?? firstReading(text, context: context)
        let (normalized, rewrites) = (reading.normalized, reading.rewrites)
        let language = Language.detect(text, normalizer: rules.normalizer)
        let evidence = gather(normalized, tokens: reading.tokens, customers: reading.customers, context: context, keepCandidates: keepCandidates)
        var first = decide(evidence, text: text, language: language, context: context, fuzzy: false, keepCandidates: keepCandidates)
        first.rewrites = rewrites
        let unsure = first.result.intent == ParseResult.fallback
        let weak = first.result.isTentative || (first.result.reading == .cues && first.result.confidence < Self.sureByCues)
            || (first.result.intent == "customer.add" && first.result.slots["name"] == nil)
        guard !rules.cues.isEmpty else { return first }
        // A sure reading is read again only for a Chinese slip (周五的拜访取宵 reads as a visit
        // planned until 取消 is seen); a pattern over the corrected text must then cover it end
        // to end, as surely, as another request. A pattern that explained nearly every word
        // (most short requests) has no word left for a slip, and is not read again.
        let sure = !(unsure || weak)
        if sure, first.result.reading == .pattern, first.result.confidence >= Self.explainedAll { return first }
        // What was read as a name, a date, a level or any other value of two characters or more
        // is kept as typed: 四级得了 holds no 记得 (a lone 签 may still be 签乐 → 签了).
        let entitySpans = first.entities.filter { $0.type != "number" && $0.range.count > 1 }.map(\.range)
        // A date read short may grow by a slip just after it (下周山 is 下周三): only its own
        // characters are kept there.
        let dateSpans = Set(first.entities.filter { TemporalSlot.isTemporal($0.type) }.map(\.range))
        let corrected = rules.homophones.correct(normalized.scalars) { window, slip in
            entitySpans.contains { $0.overlaps(window) && (!dateSpans.contains($0) || $0.contains(slip)) }
        }
        // English words one edit from a known one (custmer, paymnet) are spelled as meant.
        let spelled = rules.spelling.correct(NormalizedText(original: normalized.original, scalars: corrected.scalars)) { window in
            entitySpans.contains { $0.overlaps(window) }
        }
        let changes = corrected.changes + spelled.changes
        guard !sure || !changes.isEmpty else { return first }
        let hasLatin = normalized.scalars.contains { $0.isASCII && ScalarClass($0) == .letter }
        guard !changes.isEmpty || hasLatin else { return first }
        // Other English slips change no text, only which cue words are seen: the evidence stands.
        var again = evidence
        var reread: ParseCache.Reread?
        if !changes.isEmpty {
            let tokens = Tokenizer.tokens(of: spelled.text, lexicon: rules.lexicon)
            let customers = customerExtractor.found(in: spelled.text, tokens: tokens, context: context)
            again = gather(spelled.text, tokens: tokens, customers: customers, context: context, keepCandidates: keepCandidates)
            reread = ParseCache.Reread(text: spelled.text, tokens: tokens, customers: customers)
        }
        // Whichever reading is returned, it was chosen knowing the second one.
        first.reread = reread
        var second = decide(again, text: text, language: language, context: context, fuzzy: true, keepCandidates: keepCandidates)
        second.reread = reread
        guard second.result.intent != ParseResult.fallback else { return first }
        // A sure reading gives way to a pattern over the corrected text: another request (a
        // change of mind, asked about first), or the same one saying more (这州要拜访谁: 这周).
        let saysMore = second.result.intent == first.result.intent && second.result.slots.count > first.result.slots.count
        // An English slip spelled right that only adds to the same request (cancle … munday 4pm: the day).
        let spelledOnly = corrected.changes.isEmpty && !spelled.changes.isEmpty
        if sure, !(spelledOnly && saysMore), second.result.reading != .pattern || (second.result.intent == first.result.intent && !saysMore)
            || second.result.confidence < first.result.confidence { return first }
        if !unsure {
            let same = second.result.intent == first.result.intent
            // A pattern that covers the corrected sentence end to end outweighs cues that read
            // around the slip (作天拜仿了X，他说… is a visit, not a coaching question).
            // An English slip is spelled from a word list, surer than a sound: its pattern wins
            // however loosely it covers (visted X on Monday, he said…).
            let patternOverCues = second.result.reading == .pattern && first.result.reading == .cues
                && (second.result.confidence >= first.result.confidence || spelledOnly)
            // The same request read by a pattern once corrected says its values surer too
            // (明添下午去拜仿X: the day is 明天, not the today of 下午 alone).
            guard (same && (second.result.slots.count > first.result.slots.count || patternOverCues))
                || (!same && (patternOverCues || second.result.confidence > first.result.confidence + 0.1)) else { return first }
        }
        // A guess at what was meant never changes the store without its object (a customer the
        // store knows, a new card's name, a phone) and never invents a customer: 晚上去健身 is
        // no visit to someone called 身还, however 健 reads.
        if ParseResult.destructive.contains(second.result.intent),
           !corrected.changes.allSatisfy({ rules.homophones.soundsExactlyAlike($0.from, $0.to) }) { return first }
        let slots = second.result.slots
        let knownCustomer = slots["customer"].map { name in second.entities.contains { $0.type == "customer" && $0.value == name } } ?? false
        if slots["customer"] != nil, !knownCustomer { return first }
        if ParseResult.changingStore.contains(second.result.intent), !knownCustomer, slots["name"] == nil, slots["phone"] == nil {
            return first
        }
        second.rewrites = rewrites
        second.result.overruled = sure && !saysMore
        second.typos = changes + second.typos
        if !second.typos.isEmpty { second.result.reading = second.result.reading == .pattern ? .typoPattern : .typoCues }
        return second
    }

    /// Below this confidence a reading by cues alone is read again with typo tolerance: a slip
    /// in its one telling word (取销, 拜仿) leaves the rest of the sentence to a weaker cue.
    static let sureByCues = 0.8

    /// A pattern reading this sure explained nearly every word: no slip hides in it.
    static let explainedAll = 0.9

    /// What a reading rests on besides cues: tokens, entities and the patterns that matched.
    private struct Evidence {
        var normalized: NormalizedText
        var allTokens: [Token]
        var tokens: [Token]
        var entities: [Entity]
        var candidates: [Candidate]
        var winner: Candidate?
    }

    // `tokens` are the text's and `customers` what the customer extractor found in them.
    private func gather(_ normalized: NormalizedText, tokens allTokens: [Token], customers: [Entity], context: ParseContext,
                        keepCandidates: Bool) -> Evidence {
        var entities = customers
        for extractor in extractors { extractor.extract(from: normalized, tokens: allTokens, context: context, into: &entities) }
        // A date overlapping an amount, a phone or an address is part of it (1.2万元 is no 1月2日).
        let wholes = entities.filter { ["amount", "phone", "email"].contains($0.type) }.map(\.range)
        entities.removeAll { e in TemporalSlot.isTemporal(e.type) && wholes.contains { $0.overlaps(e.range) } }
        // 周三见，哦不是，周二: the value taken back is no longer said.
        entities = corrections.applying(to: entities, in: normalized.scalars)
        let tokens = rules.filler.removing(from: allTokens, in: normalized, keeping: entities)

        var candidates: [Candidate] = []
        var winner: Candidate?
        if !tokens.isEmpty {
            let input = MatchInput(text: normalized, tokens: tokens, entities: entities, rules: rules, types: types)
            var matcher = Matcher(input: input, lists: rules.lists)
            var best: (pattern: Pattern, match: PatternMatch)?
            for index in patternsToTry(tokens) {
                let pattern = rules.patterns[index]
                guard let match = matcher.match(pattern) else { continue }
                // Patterns come in load order and only a more specific one replaces the best:
                // of equally specific patterns the earlier wins.
                if best.map({ $0.match.specificity < match.specificity }) ?? true { best = (pattern, match) }
                if keepCandidates { candidates.append(candidate(pattern, match, input)) }
            }
            // Slot values are made for the winner only, unless every candidate is kept.
            if let best { winner = candidate(best.pattern, best.match, input) }
        }
        candidates.sort { $0.specificity != $1.specificity ? $1.specificity < $0.specificity : $0.pattern.order < $1.pattern.order }
        return Evidence(normalized: normalized, allTokens: allTokens, tokens: tokens, entities: entities, candidates: candidates, winner: winner)
    }

    private func decide(_ evidence: Evidence, text: String, language: Language?, context: ParseContext,
                        fuzzy: Bool, keepCandidates: Bool) -> Run {
        let normalized = evidence.normalized, winner = evidence.winner
        // Exact patterns are the strongest evidence; cues may outweigh a pattern that only
        // covered the sentence loosely. See `Understanding.decide`.
        let scorer = CueScorer(book: rules.cues, lexicon: rules.lexicon)
        let hits = scorer.hits(in: normalized.scalars, fuzzy: fuzzy)
        let inferred = scorer.inferring(in: evidence.entities, hits: hits, scalars: normalized.scalars)
        let entities = scorer.markingInquiries(in: inferred, hits: hits, scalars: normalized.scalars)
        let reference = TemporalExtractor.reference(context)
        let today = reference.today.description
        let now = (day: today, minute: today + "T" + TimeValue.clock(reference.minute))
        let scores = rules.cues.isEmpty ? [] : scorer.score(hits, entities: entities, short: evidence.allTokens.count <= Understanding.shortAnswer, now: now)
        // A pattern that took words no name looks like for an unknown customer (拜访一圈 → 一圈,
        // call the dentist → the dentist) is no evidence: a name starts with a surname, or in
        // Latin letters with a capital.
        // Nor are words a date was read from (后日早上… is no one called 后日).
        var rejected = false
        if let taken = winner?.slots["customer"], !entities.contains(where: { $0.type == "customer" && $0.value == taken }),
           !rules.cues.startsWithSurname(taken.unicodeScalars.map(rules.normalizer.fold))
            || taken.unicodeScalars.first.map({ ScalarClass($0) == .letter && !$0.properties.isUppercase }) ?? false
            || entities.contains(where: { TemporalSlot.isTemporal($0.type) && normalized.typed($0.range).contains(taken) }) {
            rejected = true
        }
        // A rejected pattern only breaks a tie between cues; its customer is no one (给我).
        var pattern = winner
        if rejected { pattern?.slots["customer"] = nil }
        // Whose list (张伟的客户, 小刘手上的经销商) needs a person: 新来的客户 is everyone's.
        if pattern?.pattern.intent == "customer.list", let rep = pattern?.slots["rep"], !looksLikePerson(rep) { pattern?.slots["rep"] = nil }
        let decision = Understanding.decide(pattern: pattern.map { ($0.pattern.intent, rejected ? 0 : $0.confidence) }, cues: scores)
        var slots: [String: String] = [:]
        var intent = ParseResult.fallback
        var confidence = 0.0
        var reading = Reading.none
        switch decision {
        case .pattern:
            intent = pattern!.pattern.intent
            confidence = pattern!.confidence
            // A rejected pattern's intent won on cues; none of the words it took is a value (log
            // visit: X… is no visit of someone called "log", nor is what follows its note).
            slots = rejected ? [:] : pattern!.slots
            reading = .pattern
        case .cues(let id, let score):
            intent = id
            confidence = Understanding.confidence(score)
            if let pattern, pattern.pattern.intent == id { slots = pattern.slots }
            reading = .cues
        case .none:
            break
        }
        if intent != ParseResult.fallback {
            SlotFiller(book: rules.cues, text: normalized, entities: entities, hits: hits, today: today).fill(intent, into: &slots)
        }
        var result = ParseResult(text: text, intent: intent, confidence: confidence, slots: slots, language: language)
        result.reading = reading
        var run = Run(result: result, normalized: normalized, tokens: evidence.tokens, entities: entities, candidates: evidence.candidates)
        run.typos = hits.fuzzy.map { (from: $0.from, to: $0.to) }
        // Only `--explain` shows the scores: the chat does not pay for their strings.
        if keepCandidates {
            run.cueScores = scores.prefix(5).map { CueScore(intent: $0.intent, score: $0.score, lines: scorer.lines(of: $0).map { ($0.location.description, $0.weight, $0.source) }) }
        }
        return run
    }

    // A person's name as typed: a surname first (小刘 and 刘总 by theirs, `honorificSurname`),
    // or a capital in Latin letters.
    private func looksLikePerson(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        guard ScalarClass(first) == .han else { return first.properties.isUppercase }
        let surname = rules.honorificSurname(name) ?? name
        return rules.cues.startsWithSurname(surname.unicodeScalars.map(rules.normalizer.fold))
    }

    // The patterns an utterance can match, in load order: the unanchored ones and those one of
    // its words anchors. A bitset of pattern indices, so each is tried once.
    private func patternsToTry(_ tokens: [Token]) -> [Int] {
        var chosen = [UInt64](repeating: 0, count: rules.patterns.count / 64 + 1)
        for index in unanchored { chosen[index >> 6] |= 1 << UInt64(index & 63) }
        for token in tokens where token.id >= 0 {
            for index in anchored[token.id] { chosen[index >> 6] |= 1 << UInt64(index & 63) }
        }
        var indices: [Int] = []
        for (word, bits) in chosen.enumerated() {
            var bits = bits
            while bits != 0 {
                indices.append(word << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return indices
    }

    // A match as `--explain` shows it: confidence, and the slots in the contract's form.
    private func candidate(_ pattern: Pattern, _ match: PatternMatch, _ input: MatchInput) -> Candidate {
        let explained = match.specificity.words + match.specificity.entities
        let confidence = ((0.5 + 0.49 * Double(explained) / Double(input.tokens.count)) * 100).rounded() / 100
        var slots: [String: String] = [:]
        for capture in match.captures {
            let name = rules.slotNames[Int(capture.slot)]
            guard capture.entity >= 0 else {
                let tokens = input.tokens
                var end = tokens[Int(capture.end) - 1].range.upperBound
                // Text that ends the sentence keeps what filler dropped after it (要考虑一下),
                // all but trailing punctuation: it is the rep's note, as typed.
                if !capture.name, Int(capture.end) == tokens.count {
                    end = input.text.scalars.count
                    while end > tokens[tokens.count - 1].range.upperBound, ScalarClass(input.text.scalars[end - 1]) == .separator { end -= 1 }
                }
                slots[name] = input.text.typed(tokens[Int(capture.start)].range.lowerBound..<end)
                continue
            }
            let entity = input.entities[Int(capture.entity)]
            if TemporalSlot.isTemporal(entity.type) {
                for (slot, value) in TemporalSlot.slots(named: name, from: entity) { slots[slot] = value }
            } else {
                slots[name] = entity.value
            }
        }
        return Candidate(pattern: pattern, specificity: match.specificity, confidence: confidence, slots: slots)
    }
}
