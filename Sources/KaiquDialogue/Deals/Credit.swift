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

    /// A score for the question asked: 1–5, or 好 / 一般 / 差.
    mutating func answerCredit(_ id: CustomerID, _ scores: [Int], _ u: Utterance) throws -> Bool {
        guard let score = Self.score(u) else {
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

    /// 1–5 as a digit or a Chinese numeral, or a word: 很好 5, 好 4, 一般 3, 差 2, 很差 1.
    static func score(_ u: Utterance) -> Int? {
        let text = u.text.trimmingSpaces().lowercased()
        let words: [String: Int] = ["很好": 5, "非常好": 5, "好": 4, "较好": 4, "还行": 3, "一般": 3, "较差": 2, "差": 2, "很差": 1, "非常差": 1,
                                    "excellent": 5, "good": 4, "ok": 3, "average": 3, "poor": 2, "bad": 1,
                                    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "两": 2]
        if let n = words[text] { return n }
        let digits = text.unicodeScalars.filter(\.isASCIIDigit)
        guard digits.count == 1, let n = Int(String(String.UnicodeScalarView(digits))), (1...5).contains(n) else { return nil }
        return n
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
}
