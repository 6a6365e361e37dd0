/// Takes every slot an intent accepts from anywhere in the sentence, not only from where a
/// pattern foresaw it: a phone in the third clause, a region after the name, a company
/// clause ending in 五金 or 商贸. The intent's `slots:` line in its `cue` block says which.
///
/// Slots a pattern already filled are kept; filling only adds. Words it relies on are
/// `words` blocks of intents/: name-marker (叫, 姓名, named), company-suffix (商贸, 五金, Ltd),
/// company-marker (公司叫), note-marker (记一下, 备注), change-marker (改成, 升为),
/// customer-noun (客户, 经销商), not-a-name (words a bare name never is), in-person (拜访,
/// 过去: a contact that is a visit whatever channel arranged it).
struct SlotFiller {
    let book: CueBook
    let text: NormalizedText
    let entities: [Entity]
    let hits: CueScorer.Hits
    /// Today as YYYY-MM-DD.
    let today: String

    /// The folded scalars the readers look at.
    var s: [Unicode.Scalar] { text.scalars }

    func fill(_ intent: String, into slots: inout [String: String]) {
        let wanted = Set(book.slots(of: intent))
        guard !wanted.isEmpty else { return }
        let company = wanted.contains("company") || intent == "customer.update" ? companySpan() : nil
        func outside(_ e: Entity) -> Bool { company.map { !$0.overlaps(e.range) } ?? true }

        fillCustomer(&slots, wanted: wanted, outside: outside)
        if wanted.contains("name") { fillName(&slots, avoiding: company) }
        if let company, wanted.contains("company"), slots["company"] == nil { slots["company"] = text.typed(company) }
        // …runs an online store and wants to become our agent: the role said as what they will be.
        if wanted.contains("role"), slots["role"] == nil,
           let e = group("role-marker").lazy.compactMap({ marker in self.entities.first { $0.type == "role" && outside($0)
               && $0.range.lowerBound >= marker.upperBound && $0.range.lowerBound - marker.upperBound <= 20 } }).first {
            slots["role"] = e.value
        }
        // 一块订的，总共四万二千块: of a deal's amounts, the one said as the total.
        if intent == "deal.won", slots["amount"] == nil, let word = group("total-word").first,
           let total = entities.first(where: { $0.type == "amount" && outside($0) && $0.range.lowerBound >= word.upperBound }) {
            slots["amount"] = total.value
        }
        for type in ["phone", "email", "role", "level", "card", "step", "amount"] where wanted.contains(type) && slots[type] == nil {
            if let e = entities.first(where: { $0.type == type && outside($0) && !(type == "card" && isArticle($0)) }) { slots[type] = e.value }
        }
        // A card's number may come with no phone word at all (新客 麥家樂 代理 6123 8890): in a
        // request that takes a phone, a run of seven digits or more is one.
        if wanted.contains("phone"), slots["phone"] == nil, let phone = uncuedPhone() { slots["phone"] = phone }
        // The step gone to is the one after the verb (准备早做完了，直接跳到销售行动那步).
        if intent == "flow.goto", let verb = group("goto-verb").last,
           let step = entities.first(where: { $0.type == "step" && $0.range.lowerBound >= verb.upperBound }) {
            slots["step"] = step.value
        }
        // A deal's figure may be typed bare (成交 邵振宇 12000): a number of three digits or more
        // that is no phone, date or part of another value.
        if intent == "deal.won", slots["amount"] == nil,
           let n = entities.first(where: { e in e.type == "number" && (Double(e.value) ?? 0) >= 100
               && !entities.contains { $0.type != "number" && $0.range.overlaps(e.range) } }) {
            slots["amount"] = thousands(from: n)
        }
        // A call, WeChat or samples: unless the sentence says the rep goes in person.
        if wanted.contains("channel"), slots["channel"] == nil, group("in-person").isEmpty {
            if let e = entities.first(where: { $0.type == "channel" }) {
                slots["channel"] = e.value
            } else if let send = group("sample-send").first, group("sample-noun").contains(where: { $0.lowerBound >= send.upperBound }) {
                slots["channel"] = "sample"
            }
        }
        if wanted.contains("objection") { fillObjection(&slots) }
        if wanted.contains("region"), slots["region"] == nil,
           let e = entities.first(where: { $0.type == "region" && outside($0) && !inName($0, slots["name"]) }) {
            slots["region"] = e.value
        }
        if wanted.contains("date") || wanted.contains("from") {
            fillTemporal(&slots, periods: wanted.contains("from"), recording: ["visit.log", "deal.won", "deal.lost"].contains(intent))
        }
        if wanted.contains("note"), slots["note"] == nil, let note = note(after: slots["customer"], before: intent == "customer.note") {
            slots["note"] = note
        }
        // visited X on Tuesday, he said…: the day is the visit's, not part of what was said.
        if wanted.contains("date"), slots["date"] != nil, let note = slots["note"], let day = entities.first(where: { TemporalSlot.isTemporal($0.type) && note.hasPrefix(text.typed($0.range)) }) {
            let rest = note.dropFirst(text.typed(day.range).count).drop { $0 == " " || $0 == "," || $0 == "，" || $0 == "、" }
            slots["note"] = rest.isEmpty ? nil : String(rest)
        }
        if intent == "customer.update" { fillFieldValue(&slots, company: company) }
    }

    // The first run of digits (spaces and dashes between them) that reads as a phone once a
    // phone is expected, and that no other value (a date, an amount) holds.
    func uncuedPhone() -> String? {
        var i = 0
        while i < s.count {
            guard s[i].isASCIIDigit else { i += 1; continue }
            var j = i, digits: [Unicode.Scalar] = [], end = i
            while j < s.count, s[j].isASCIIDigit || (s[j] == " " || s[j] == "-") && j + 1 < s.count && s[j + 1].isASCIIDigit {
                if s[j].isASCIIDigit { digits.append(s[j]); end = j + 1 }
                j += 1
            }
            let span = i..<end
            if digits.count >= 7, !entities.contains(where: { $0.type != "number" && $0.range.overlaps(span) }),
               let phone = PhoneExtractor.classify(String(String.UnicodeScalarView(digits)), plus: i > 0 && s[i - 1] == "+", cued: true) {
                return phone
            }
            i = max(j, i + 1)
        }
        return nil
    }

    // A number with its thousands after commas (120,000): the digits of the whole figure.
    func thousands(from n: Entity) -> String {
        var digits = n.value
        var i = n.range.upperBound
        // Three digits after the comma must be there: s[i + 3] is the last read.
        while i + 3 < s.count, s[i] == ",", s[i + 1...i + 3].allSatisfy(\.isASCIIDigit),
              i + 4 == s.count || !s[i + 4].isASCIIDigit {
            digits += String(String.UnicodeScalarView(s[i + 1...i + 3]))
            i += 4
        }
        return String(digits.drop { $0 == "0" && digits.count > 1 })
    }

    // "create a card for him": the article, typed in lower case, and the word card; the
    // card letter is typed as a capital (an A card, A-card).
    private func isArticle(_ e: Entity) -> Bool {
        text.original[e.range.lowerBound] == "a" && e.range.count > 1 && text.original[e.range.lowerBound + 1] == " "
    }
}
