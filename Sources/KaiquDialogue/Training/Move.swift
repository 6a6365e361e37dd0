import KaiquNLU

/// What a rep's line does in a role-play, as the method teaches it: the good moves of the
/// objection steps and the moves to avoid.
public enum Move: String, Sendable, Codable, CaseIterable {
    /// 理解, 您说得对: he is heard before he is answered.
    case acknowledge
    /// 跟哪家比？差多少？: a question about his concern.
    case clarify
    /// 假如价格合适，您今天会进吗？: a trial question that tells a real refusal from an excuse.
    case probe
    /// 这样算，您还有顾虑吗？: checking the answer landed.
    case confirm
    /// Feature → advantage → benefit: what it means for him.
    case fab
    /// Numbers that make the case: a figure with its unit.
    case numbers
    /// A concrete next step with a time (周三上午10点).
    case nextStep = "next-step"
    /// Asking for the order (首批先进50箱).
    case askOrder = "ask-order"
    /// Running down the competitor.
    case knock
    /// Giving in on price at once.
    case concede
    /// Talking at him: one line longer than the limit.
    case monologue

    /// The moves found by cue words in intents/ (the others are measured).
    static let cued: [Move] = [.acknowledge, .clarify, .probe, .confirm, .fab, .numbers, .nextStep, .askOrder, .knock, .concede]
    /// Knocking needs a competitor named as well as a put-down: these words name one.
    static let knockTarget = "knock-target"
}

/// Reads the moves of one line from the cue words of `TrainingData`.
struct MoveReader {
    let data: TrainingData
    let normalizer: Normalizer

    /// The moves in `utterance`, a rep's line, said at `now` (local `YYYY-MM-DDTHH:MM`).
    func moves(in utterance: Utterance, now: String) -> Set<Move> {
        let text = normalizer.normalize(utterance.text).foldedText
        var moves = Set<Move>()
        for move in [Move.clarify, .probe, .confirm, .fab, .askOrder, .nextStep] where has(move, in: text) {
            moves.insert(move)
        }
        // 明白 inside "您听明白了吗" asks; it does not acknowledge.
        let asking = (data.cues[.confirm] ?? []).flatMap { ranges(of: $0, in: text) }
        if has(.acknowledge, in: text, outside: asking) { moves.insert(.acknowledge) }
        // A trial question (除了价格…还有别的顾虑吗, 假如我们包运费您会进吗) tests: it does not
        // confirm, and the offer in it is not made yet.
        if moves.contains(.probe) { moves.subtract([.confirm, .fab]) }
        if hasFigureWithUnit(text) { moves.insert(.numbers) }
        // A day or a time to come is a next step with a time; today without a clock time
        // (今天就下单吧), now, or a month's length is not, nor a festival said in a pitch
        // (放到过年都不变味).
        let today = String(now.prefix(10))
        let upcoming = utterance.entities.contains { entity in
            guard entity.source != TemporalExtractor.festivalSource else { return false }
            let day = String(entity.value.prefix(10))
            switch entity.type {
            case "date", "period": return day > today
            case "datetime": return day > today || day == today && entity.value > now && utterance.text.contains { $0.isNumber || $0 == "点" }
            default: return false
            }
        }
        if upcoming { moves.insert(.nextStep) }
        if has(.knock, in: text) && data.knockTargets.contains(where: { text.contains($0) }) { moves.insert(.knock) }
        // What is given away is not a benefit of the product.
        if has(.concede, in: text) && !moves.contains(.probe) { moves.insert(.concede); moves.remove(.fab) }
        if isLong(text) { moves.insert(.monologue) }
        return moves
    }

    private func has(_ move: Move, in text: String, outside skipped: [Range<String.Index>] = []) -> Bool {
        (data.cues[move] ?? []).contains { word in
            ranges(of: word, in: text).contains { range in !skipped.contains { $0.overlaps(range) } }
        }
    }

    // Where a cue occurs, leaving out the occurrences a negation shortly before cancels: 我们不给
    // 您降价 and "we don't do discounts" concede nothing.
    private func ranges(of word: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var from = text.startIndex
        while let range = text.range(of: word, range: from..<text.endIndex) {
            if !negated(text[..<range.lowerBound]) { found.append(range) }
            from = range.upperBound
        }
        return found
    }

    // A figure right before its unit (50箱, 2毛5, 两个点, 22 percent), or a currency (a unit
    // listed under `currency` too) right before a figure (RM3, $24): a clock time, a model number or a figure in another clause
    // does not make a unit into numbers. A lone 一 is "per" (一箱差多少), not a figure.
    private func hasFigureWithUnit(_ text: String) -> Bool {
        let numerals: Set<Character> = Set("0123456789两二三四五六七八九十百千万半")
        for unit in data.cues[.numbers] ?? [] {
            for range in ranges(of: unit, in: text) {
                var before = text[..<range.lowerBound]
                while before.last == " " || before.last == "个" { before = before.dropLast() }
                if let last = before.last, numerals.contains(last) || last == "一" && before.dropLast().last.map(numerals.contains) == true {
                    return true
                }
                if data.currencies.contains(unit),
                   let next = text[range.upperBound...].first(where: { $0 != " " }), next.isASCII && next.isNumber {
                    return true
                }
            }
        }
        return false
    }

    // A negation in the four characters (Chinese) or the words (English) before a cue, in the
    // same clause.
    private func negated(_ before: Substring) -> Bool {
        var window = before.suffix(12)
        if let cut = window.lastIndex(where: { "，。,.!?！？；;".contains($0) }) { window = window[window.index(after: cut)...] }
        var chinese = String(window.suffix(4))
        for exception in data.negationExceptions { chinese = chinese.replacingOccurrences(of: exception, with: "") }
        if data.negationsChinese.contains(where: { chinese.contains($0) }) { return true }
        let words = window.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        return words.contains { data.negationsEnglish.contains($0) }
    }

    // Chinese is measured in characters, English in words.
    private func isLong(_ text: String) -> Bool {
        let han = text.unicodeScalars.filter { $0.properties.isIdeographic }.count
        if han > 0 { return han > data.longChinese }
        return text.split(whereSeparator: { $0 == " " }).count > data.longEnglish
    }
}
