/// Scores every intent of the `CueBook` against one sentence: the layer that understands a
/// sentence no pattern covers end to end (an extra clause, another word order, an aside).
struct CueScorer {
    let book: CueBook

    /// Where the words of one cue group occur, as scalar ranges in order.
    struct Hits {
        var byGroup: [[Range<Int>]]
        /// Latin words that matched a cue word only within one edit (custmer → customer).
        var fuzzy: [(from: String, to: String)] = []
        /// Where the message's first word starts, past openers (抱歉, 嗯, well).
        var opening = 0
        /// The clauses that ask for something (帮我…, 麻烦…, can you…), when the message has
        /// several: their cues count half again, so the request outweighs a reason or an aside.
        var requests: [Range<Int>] = []
    }

    /// What a request clause adds to each positive line that holds within it, as a share of its weight.
    static let requestBonus = 0.5

    /// One intent's score and the lines that made it, for `--explain`.
    struct Score {
        var intent: String
        var score: Double
        var lines: [CueBook.Line]
    }

    /// Finds every cue word in `scalars` (folded). With `fuzzy`, a Latin word of four letters
    /// or more also matches a cue word one edit away.
    func hits(in scalars: [Unicode.Scalar], fuzzy: Bool) -> Hits {
        var byGroup = [[Range<Int>]](repeating: [], count: book.groupNames.count)
        for i in scalars.indices {
            guard let candidates = book.byFirst[scalars[i]] else { continue }
            for index in candidates {
                let word = book.words[index]
                let end = i + word.scalars.count
                guard end <= scalars.count else { continue }
                var same = true
                for k in 1..<word.scalars.count where scalars[i + k] != word.scalars[k] { same = false; break }
                guard same else { continue }
                if word.isLatin, !(Self.isBoundary(scalars, i - 1) && Self.isBoundary(scalars, end)) { continue }
                byGroup[word.group].append(i..<end)
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
        var types: Set<String> = short ? ["short"] : []
        for entity in entities where TemporalSlot.isTemporal(entity.type) {
            guard let tense = Self.tense(of: entity, now: now) else { continue }
            types.insert(tense)
            // Later today (下午, 三点): what has not happened yet cannot have been a visit.
            if tense == "future", entity.type == "period" || entity.type == "datetime", entity.value.hasPrefix(now.day) { types.insert("later") }
        }
        for entity in entities {
            if entity.type == "customer" {
                types.insert(entity.source == CustomerExtractor.backReference ? "pronoun" : "customer")
            } else {
                if TemporalSlot.isTemporal(entity.type) { types.insert("when") }
                types.insert(entity.type)
            }
        }
        var scores: [Score] = []
        for cues in book.intents {
            var total = 0.0
            var matched: [CueBook.Line] = []
            for line in cues.lines where holds(line, hits, types, within: nil) {
                total += line.weight
                matched.append(line)
                if line.weight > 0, !hits.requests.isEmpty, holds(line, hits, types, within: hits.requests) {
                    total += line.weight * Self.requestBonus
                }
            }
            if !matched.isEmpty { scores.append(Score(intent: cues.intent, score: total, lines: matched)) }
        }
        return scores.sorted { $0.score > $1.score }
    }

    /// Whether the line holds; `within`: its words all inside one of these clauses.
    private func holds(_ line: CueBook.Line, _ hits: Hits, _ types: Set<String>, within clauses: [Range<Int>]?) -> Bool {
        guard let clauses else { return holds(line, hits, types, clause: nil) }
        return clauses.contains { holds(line, hits, types, clause: $0) }
    }

    private func holds(_ line: CueBook.Line, _ hits: Hits, _ types: Set<String>, clause: Range<Int>?) -> Bool {
        var position = clause?.lowerBound ?? 0
        let opening = hits.opening
        for element in line.elements {
            switch element {
            case .entity(let type, let negated):
                if types.contains(type) == negated { return false }
            case .words(let group, let negated, let atStart):
                var ranges = hits.byGroup[group]
                if let clause, !negated { ranges = ranges.filter { clause.contains($0.lowerBound) } }
                if negated {
                    if !ranges.isEmpty { return false }
                } else if atStart {
                    guard let first = ranges.first(where: { $0.lowerBound == opening }) else { return false }
                    position = first.upperBound
                } else {
                    guard let next = ranges.first(where: { $0.lowerBound >= position }) else { return false }
                    position = next.upperBound
                }
            }
        }
        return true
    }

    // Letters on both sides of a Latin cue word would make it part of another word.
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

    // An apostrophe inside a word (won't, haven't) is no boundary either.
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
            // A word the cues know as it is (note) is no slip for another (nope).
            if book.byFirst[typed[0]]?.contains(where: { book.words[$0].scalars == typed }) ?? false { continue }
            for word in book.words where word.isLatin && word.scalars.count >= 4 && abs(word.scalars.count - typed.count) <= 1 {
                guard word.scalars != typed, Self.withinOneEdit(typed, word.scalars) else { continue }
                hits.byGroup[word.group].append(start..<i)
                hits.fuzzy.append((String(scalars: typed), String(scalars: word.scalars)))
            }
        }
    }

    /// One insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
    static func withinOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
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
