/// Scores every intent of the `CueBook` against one sentence: the layer that understands a
/// sentence no pattern covers end to end (an extra clause, another word order, an aside).
struct CueScorer {
    let book: CueBook

    /// Where the words of one cue group occur, as scalar ranges in order.
    struct Hits {
        var byGroup: [[Range<Int>]]
        /// Latin words that matched a cue word only within one edit (custmer → customer).
        var fuzzy: [(from: String, to: String)] = []
        /// Where the message's first word starts.
        var opening = 0
    }

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
        while result.opening < scalars.count, ScalarClass(scalars[result.opening]) == .separator { result.opening += 1 }
        if fuzzy { addFuzzy(scalars, &result) }
        for g in result.byGroup.indices where result.byGroup[g].count > 1 { result.byGroup[g].sort { $0.lowerBound < $1.lowerBound } }
        return result
    }

    /// Every intent with a line that held (negative totals too: they can outweigh a pattern), best first.
    /// `short`: the message is a short answer (what `{short}` asks for). `today`
    /// (YYYY-MM-DD) tells a day in the past (`{past}`) from one to come (`{future}`).
    func score(_ hits: Hits, entities: [Entity], short: Bool, today: String) -> [Score] {
        var types: Set<String> = short ? ["short"] : []
        for entity in entities where entity.type == "date" || entity.type == "datetime" {
            let day = String(entity.value.prefix(10))
            if day < today { types.insert("past") } else if day > today || entity.type == "datetime" { types.insert("future") }
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
            for line in cues.lines where holds(line, hits, types) {
                total += line.weight
                matched.append(line)
            }
            if !matched.isEmpty { scores.append(Score(intent: cues.intent, score: total, lines: matched)) }
        }
        return scores.sorted { $0.score > $1.score }
    }

    private func holds(_ line: CueBook.Line, _ hits: Hits, _ types: Set<String>) -> Bool {
        var position = 0
        let opening = hits.opening
        for element in line.elements {
            switch element {
            case .entity(let type, let negated):
                if types.contains(type) == negated { return false }
            case .words(let group, let negated, let atStart):
                let ranges = hits.byGroup[group]
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
