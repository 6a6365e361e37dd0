/// Scores every intent of the `CueBook` against one sentence: the layer that understands a
/// sentence no pattern covers end to end (an extra clause, another word order, an aside).
struct CueScorer {
    let book: CueBook
    /// The words of patterns and lists: an English word among them (have, about) is typed
    /// as meant, never a slip for a cue word one edit away (save, abort).
    var lexicon: Lexicon?

    /// Where the words of one cue group occur, as scalar ranges in order.
    struct Hits {
        var byGroup: [[Range<Int>]]
        /// Latin words that matched a cue word only within one edit (custmer → customer).
        var fuzzy: [(range: Range<Int>, from: String, to: String)] = []
        /// Where the message's first word starts, past openers (抱歉, 嗯, well).
        var opening = 0
        /// The clauses that ask for something (帮我…, 麻烦…, can you…), when the message has
        /// several: their cues count half again, so the request outweighs a reason or an aside.
        var requests: [Range<Int>] = []
    }

    /// What a request clause adds to each positive line that holds within it, as a share of its weight.
    static let requestBonus = 0.5

    /// One intent's score and the lines that made it (their numbers in the intent's cue
    /// block), for `--explain`.
    struct Score {
        var intent: String
        var score: Double
        var cues: Int
        var lines: [Int]
    }

    /// Finds every cue word in `scalars` (folded). With `fuzzy`, a Latin word of four letters
    /// or more also matches a cue word one edit away.
    func hits(in scalars: [Unicode.Scalar], fuzzy: Bool) -> Hits {
        var byGroup = [[Range<Int>]](repeating: [], count: book.groupNames.count)
        let all = book.wordScalars
        for i in scalars.indices {
            for index in book.words(startingWith: scalars[i]) {
                let start = book.wordStart[index], count = book.wordStart[index + 1] - start
                let end = i + count
                guard end <= scalars.count else { continue }
                var same = true
                for k in 1..<count where scalars[i + k] != all[start + k] { same = false; break }
                guard same else { continue }
                if book.wordLatin[index], !(Self.isBoundary(scalars, i - 1) && Self.isBoundary(scalars, end)) { continue }
                byGroup[book.wordGroup[index]].append(i..<end)
            }
        }
        // A word inside a `shadow` word is not said (去了 inside 做不下去了).
        if let shadow = book.groupIndex("shadow"), !byGroup[shadow].isEmpty {
            let shadows = byGroup[shadow]
            for g in byGroup.indices where g != shadow {
                byGroup[g].removeAll { hit in shadows.contains { $0.lowerBound <= hit.lowerBound && $0.upperBound >= hit.upperBound && $0 != hit } }
            }
        }
        var result = Hits(byGroup: byGroup)
        if fuzzy { addFuzzy(scalars, &result) }
        for g in result.byGroup.indices where result.byGroup[g].count > 1 { result.byGroup[g].sort { $0.lowerBound < $1.lowerBound } }
        let openers = book.groupIndex("opener").map { result.byGroup[$0] } ?? []
        while true {
            while result.opening < scalars.count, ScalarClass(scalars[result.opening]) == .separator { result.opening += 1 }
            guard let opener = openers.first(where: { $0.lowerBound == result.opening }) else { break }
            result.opening = opener.upperBound
        }
        let clauses = Self.clauses(scalars)
        if clauses.count > 1, let markers = book.groupIndex("request-marker").map({ result.byGroup[$0] }) {
            result.requests = clauses.filter { clause in markers.contains { clause.contains($0.lowerBound) } }
        }
        return result
    }

    /// The clauses of a message: runs between punctuation (a space counts between Han text).
    static func clauses(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        for i in s.indices where ScalarClass(s[i]) == .separator {
            let c = s[i]
            let breaks: Bool
            if c == " " {
                breaks = i > 0 && i + 1 < s.count && ScalarClass(s[i - 1]) == .han && ScalarClass(s[i + 1]) == .han
            } else {
                breaks = ",，。.!！?？;；:：~～…\n".unicodeScalars.contains(c)
                    && !(c == "." && i > 0 && i + 1 < s.count && ScalarClass(s[i - 1]) != .separator && ScalarClass(s[i + 1]) == .digit)
            }
            guard breaks else { continue }
            if i > start { clauses.append(start..<i) }
            start = i + 1
        }
        if s.count > start { clauses.append(start..<s.count) }
        return clauses
    }

    /// Every intent with a line that held (negative totals too: they can outweigh a pattern), best first.
    /// `short`: the message is a short answer (what `{short}` asks for). `now` (YYYY-MM-DD and
    /// YYYY-MM-DDTHH:MM) tells a time before it (`{past}`) from one after it (`{future}`, and
    /// `{later}` when that is later today).
    func score(_ hits: Hits, entities: [Entity], short: Bool, now: (day: String, minute: String)) -> [Score] {
        var types = [Bool](repeating: false, count: book.typeNames.count)
        func set(_ name: String) { if let id = book.typeIDs[name] { types[id] = true } }
        if short { set("short") }
        for entity in entities {
            set(Self.cueType(of: entity))
            if entity.type == "customer" { continue }
            guard TemporalSlot.isTemporal(entity.type) else { continue }
            set("when")
            guard let tense = Self.tense(of: entity, now: now) else { continue }
            set(tense)
            // Later today (下午, 三点): what has not happened yet cannot have been a visit.
            if tense == "future", entity.type == "period" || entity.type == "datetime", entity.value.hasPrefix(now.day) { set("later") }
        }
        var scores: [Score] = []
        for (number, cues) in book.intents.enumerated() {
            var total = 0.0
            var matched: [Int] = []
            for index in cues.lines.indices where holds(cues.lines[index].elements, hits, types, clause: nil) {
                let weight = cues.lines[index].weight
                total += weight
                matched.append(index)
                if weight > 0, hits.requests.contains(where: { holds(cues.lines[index].elements, hits, types, clause: $0) }) {
                    total += weight * Self.requestBonus
                }
            }
            if !matched.isEmpty { scores.append(Score(intent: cues.intent, score: total, cues: number, lines: matched)) }
        }
        return scores.sorted { $0.score > $1.score }
    }

    /// `entities` with each objection that an asking word (`words inquiry`) stands before, in
    /// its clause, retyped as an inquiry. Not when the rep asks how to answer it (a
    /// `coach-question`): 老板一直问检测报告，怎么打消他的顾虑 is the objection itself.
    func markingInquiries(in entities: [Entity], hits: Hits, scalars: [Unicode.Scalar]) -> [Entity] {
        guard let group = book.groupIndex("inquiry"), !hits.byGroup[group].isEmpty,
              entities.contains(where: { $0.type == "objection" }) else { return entities }
        if let coaching = book.groupIndex("coach-question"), !hits.byGroup[coaching].isEmpty { return entities }
        let clauses = Self.clauses(scalars)
        return entities.map { entity in
            guard entity.type == "objection", let clause = clauses.first(where: { $0.contains(entity.range.lowerBound) }),
                  hits.byGroup[group].contains(where: { $0.lowerBound >= clause.lowerBound && $0.upperBound <= entity.range.lowerBound }) else { return entity }
            var asked = entity
            asked.type = Entity.inquiry
            return asked
        }
    }

    /// `entities` with an entity for each `infer` line that holds within one clause, where no
    /// entity of its type was found: 比同行贵一截 is price though no price word was typed.
    /// One entity a type, the first line's that holds.
    func inferring(in entities: [Entity], hits: Hits, scalars: [Unicode.Scalar]) -> [Entity] {
        guard !book.inferences.isEmpty else { return entities }
        var types = [Bool](repeating: false, count: book.typeNames.count)
        for entity in entities {
            if let id = book.typeIDs[Self.cueType(of: entity)] { types[id] = true }
        }
        var found = entities
        let clauses = Self.clauses(scalars)
        for inference in book.inferences where !found.contains(where: { $0.type == inference.type }) {
            for clause in clauses {
                guard let span = span(inference.elements, hits, types, clause: clause) else { continue }
                found.append(Entity(type: inference.type, range: span.isEmpty ? clause : span, value: inference.value, source: "infer"))
                break
            }
        }
        return found
    }

    // The type a cue line names an entity by: a customer named back (他, this customer) is
    // {pronoun}, any other customer {customer}.
    private static func cueType(of entity: Entity) -> String {
        guard entity.type == "customer" else { return entity.type }
        return entity.source == CustomerExtractor.backReference ? "pronoun" : "customer"
    }

    /// The cue lines that made `score`.
    func lines(of score: Score) -> [CueBook.Line] { score.lines.map { book.intents[score.cues].lines[$0] } }

    // Whether a line holds; with `clause`, its words all within that clause.
    private func holds(_ elements: [CueBook.Element], _ hits: Hits, _ types: [Bool], clause: Range<Int>?) -> Bool {
        span(elements, hits, types, clause: clause) != nil
    }

    // Where a line's words stand when it holds (empty when it has none), else nil.
    private func span(_ elements: [CueBook.Element], _ hits: Hits, _ types: [Bool], clause: Range<Int>?) -> Range<Int>? {
        let from = clause?.lowerBound ?? 0, to = clause?.upperBound ?? Int.max
        var position = from
        var first: Int?
        for element in elements {
            switch element {
            case .entity(let type, let negated):
                if types[type] == negated { return nil }
            case .words(let group, let negated, let atStart):
                if negated {
                    if !hits.byGroup[group].isEmpty { return nil }
                } else if atStart {
                    guard from <= hits.opening, let hit = hits.byGroup[group].first(where: { $0.lowerBound == hits.opening }) else { return nil }
                    first = first ?? hit.lowerBound
                    position = hit.upperBound
                } else {
                    guard let next = hits.byGroup[group].first(where: { $0.lowerBound >= position }), next.lowerBound < to else { return nil }
                    first = first ?? next.lowerBound
                    position = next.upperBound
                }
            }
        }
        return (first ?? position)..<position
    }

    // Before or after now: a day before today is past, a later day future; a time of day
    // compares with the minute; a span is past once it has ended and future before it starts.
    // Nil for what holds now (today, this week).
    static func tense(of entity: Entity, now: (day: String, minute: String)) -> String? {
        func compare(_ value: String) -> Int {
            let stamp = value.count > 10 ? now.minute : now.day
            return value < stamp ? -1 : value > stamp ? 1 : 0
        }
        let value = entity.type == "time" ? now.day + "T" + entity.value : entity.value
        let ends = value.split(separator: "/").map(String.init)
        if compare(ends.last ?? value) < 0 { return "past" }
        if compare(ends.first ?? value) > 0 { return "future" }
        return nil
    }

    // Letters on both sides of a Latin cue word would make it part of another word; an
    // apostrophe inside a word (won't, haven't) is no boundary either.
    private static func isBoundary(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i >= 0, i < scalars.count else { return true }
        if scalars[i] == "'" || scalars[i] == "\u{2019}" { return !(i + 1 < scalars.count && ScalarClass(scalars[i + 1]) == .letter) }
        return ScalarClass(scalars[i]) != .letter
    }

    private func addFuzzy(_ scalars: [Unicode.Scalar], _ hits: inout Hits) {
        var i = 0
        while i < scalars.count {
            guard ScalarClass(scalars[i]) == .letter, scalars[i].isASCII else { i += 1; continue }
            let start = i
            while i < scalars.count, ScalarClass(scalars[i]) == .letter { i += 1 }
            let typed = Array(scalars[start..<i])
            guard typed.count >= 4 else { continue }
            // A word the cues or the patterns know as it is (note, have) is no slip for another
            // (nope, save).
            if book.words(startingWith: typed[0]).contains(where: { book.word($0).elementsEqual(typed) }) { continue }
            if let lexicon, lexicon.id(of: String(scalars: typed)) >= 0 { continue }
            var near: [Int] = []
            for index in 0..<book.wordCount where book.wordLatin[index] {
                let word = book.word(index)
                // One edit leaves the first or the second letter in place.
                guard word.count >= 4, abs(word.count - typed.count) <= 1,
                      word.first == typed[0] || word[word.startIndex + 1] == typed[1],
                      !word.elementsEqual(typed), Self.withinOneEdit(typed, word) else { continue }
                near.append(index)
            }
            // A first letter is seldom the slip: vist is visit, not list, when both are words.
            if near.contains(where: { book.word($0).first == typed[0] }) { near.removeAll { book.word($0).first != typed[0] } }
            for index in near {
                hits.byGroup[book.wordGroup[index]].append(start..<i)
                hits.fuzzy.append((start..<i, String(scalars: typed), String(scalars: book.word(index))))
            }
        }
    }

    /// One insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
    static func withinOneEdit<B: RandomAccessCollection>(_ a: [Unicode.Scalar], _ b: B) -> Bool where B.Element == Unicode.Scalar, B.Index == Int {
        let b = Array(b)
        if a.count == b.count {
            let diff = a.indices.filter { a[$0] != b[$0] }
            if diff.count == 1 { return true }
            return diff.count == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0, j = 0, skipped = false
        while i < short.count, j < long.count {
            if short[i] == long[j] { i += 1; j += 1 } else if skipped { return false } else { skipped = true; j += 1 }
        }
        return true
    }
}
