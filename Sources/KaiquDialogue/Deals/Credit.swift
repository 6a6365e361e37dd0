import KaiquNLU

/// credit.assess: the 5C check of a channel partner as a short dialogue — five questions,
/// each scored 1–5 — then the grade, the credit policy it calls for and the warning signs.
/// The grade and scores are kept on the card.
extension Turn {
    mutating func assessCredit(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        say("credit.intro", ["customer": card.name])
        askCredit(card.id, scores: [])
    }

    mutating func askCredit(_ id: CustomerID, scores: [Int]) {
        let kind = FlowData.credit[scores.count]
        state.pending = .credit(id, scores: scores)
        say("credit.question", ["number": String(scores.count + 1), "all": String(FlowData.credit.count),
                                "name": text("credit.\(kind)"), "ask": text("credit.\(kind).ask")])
    }

    /// A score for the question asked: 1–5, 好 / 一般 / 差, or what people say (负债不高, 大概30%,
    /// 还款一直准时). A line that is a request of its own (约刘洋明天下午3点喝茶) is no score.
    mutating func answerCredit(_ id: CustomerID, _ scores: [Int], _ u: Utterance) throws -> Bool {
        let kind = FlowData.credit[scores.count]
        guard u.mayAnswer || u.intent == "confirm" || u.intent == "deny",
              let score = Self.score(u) ?? score(u, answering: kind) else {
            guard u.intent == ParseResult.fallback else { return false }
            say("credit.bad_score")
            askCredit(id, scores: scores)
            return true
        }
        let all = scores + [score]
        guard all.count == FlowData.credit.count else {
            askCredit(id, scores: all)
            return true
        }
        state.pending = nil
        let total = all.reduce(0, +)
        guard let grade = dialogue.data.flow.grade(total: total) else { return true }
        apply(.updateCustomer(id, [.credit(grade: grade, scores: all, on: today.description)]))
        return true
    }

    /// 1–5 as a digit or a Chinese numeral, alone or as 给4分 / 4 points, or a word: 很好 5,
    /// 好 4, 一般 3, 差 2, 很差 1.
    static func score(_ u: Utterance) -> Int? {
        let text = u.text.trimmingSpaces().lowercased()
        let words: [String: Int] = ["很好": 5, "非常好": 5, "好": 4, "较好": 4, "还行": 3, "一般": 3, "较差": 2, "差": 2, "很差": 1, "非常差": 1,
                                    "excellent": 5, "good": 4, "ok": 3, "average": 3, "poor": 2, "bad": 1,
                                    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "两": 2]
        if let n = words[text] { return n }
        var rest = text
        for filler in ["points", "point", "score", "给", "打", "分", "吧", "的"] {
            rest = rest.split(separator: Substring(filler), omittingEmptySubsequences: false).joined()
        }
        let kept = rest.unicodeScalars.filter { !$0.properties.isWhitespace && !".。!！,，".unicodeScalars.contains($0) }
        guard kept.count == 1, let digit = kept.first, digit.isASCIIDigit, let n = Int(String(digit)), (1...5).contains(n) else { return nil }
        return n
    }

    /// The score of what was said in words to question `kind`: a ratio (大概30%, 三成) by the
    /// question's ceilings, else the longest of its score words found in the line.
    func score(_ u: Utterance, answering kind: String) -> Int? {
        guard let answers = dialogue.data.flow.creditAnswers[kind] else { return nil }
        let folded = rules.normalizer.normalize(u.text).foldedText
        if !answers.ratio.isEmpty, let percent = Self.percent(in: folded) {
            return (answers.ratio.first { percent <= $0.ceiling } ?? answers.ratio.last)?.score
        }
        var best: (length: Int, score: Int)?
        for (score, words) in answers.words {
            for word in words where folded.contains(word) && word.count > (best?.length ?? 0) { best = (word.count, score) }
        }
        return best?.score
    }

    // A percentage: 30%, 30 %, 百分之30, 三成 / 3成.
    static func percent(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i].isASCIIDigit else { i += 1; continue }
            var j = i
            while j < scalars.count, scalars[j].isASCIIDigit { j += 1 }
            // No share is more than three digits: a longer run (a phone, a typo) is none.
            guard j - i <= 3, let n = Int(String(String.UnicodeScalarView(scalars[i..<j]))) else {
                i = j
                continue
            }
            var k = j
            while k < scalars.count, scalars[k] == " " { k += 1 }
            if k < scalars.count, scalars[k] == "%" || scalars[k] == "成" { return scalars[k] == "成" ? n * 10 : n }
            if i >= 3, String(String.UnicodeScalarView(scalars[(i - 3)..<i])) == "百分之" { return n }
            i = j
        }
        let tens: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        for (index, c) in text.enumerated() where c == "成" && index > 0 {
            if let n = tens[text[text.index(text.startIndex, offsetBy: index - 1)]] { return n * 10 }
        }
        return nil
    }

    /// The card's last 5C result, as the acknowledgement and the card show it.
    mutating func sayCredit(_ card: CustomerCard) {
        guard let grade = card.creditGrade else { return }
        let total = card.creditScores.reduce(0, +)
        say("credit.result", ["customer": card.name, "total": String(total), "all": String(FlowData.credit.count * 5),
                              "grade": grade, "name": text("credit-grade.\(grade)")])
        let parts = zip(FlowData.credit, card.creditScores).map { text("credit.score", ["name": text("credit.\($0)"), "score": String($1)]) }
        line(parts.joined(separator: " · "))
        say("credit-grade.\(grade).advice")
    }

    /// The credit limit the grade calls for: its days of the customer's average purchases over
    /// the last 90 days, rounded to a thousand, offered to be set with the grade's terms.
    mutating func suggestCreditLimit(_ card: CustomerCard) throws {
        guard let letter = card.creditGrade, let grade = dialogue.data.flow.grade(letter), let days = grade.limitDays else { return }
        guard days > 0 else {
            state.pending = .suggestLimit(card.id, limit: 0, terms: grade.terms)
            return say("credit.limit_none", ["name": card.name])
        }
        let window = 90
        let ordered = try records.ordered(by: card.id, from: today.adding(days: -(window - 1)).description, to: today.description)
        guard ordered > 0 else { return say("credit.limit_no_history", ["name": card.name, "days": String(days)]) }
        let limit = max(1_000, Int((Double(ordered) / Double(window) * Double(days) / 1_000).rounded()) * 1_000)
        state.pending = .suggestLimit(card.id, limit: limit, terms: grade.terms)
        say("credit.limit_suggested", ["name": card.name, "limit": money(limit), "ordered": money(ordered), "days": String(days),
                                       "terms": String(grade.terms ?? defaultTerms)])
    }
}
