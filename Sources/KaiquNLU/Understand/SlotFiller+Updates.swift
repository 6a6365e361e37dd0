/// customer.update: the field and its new value, in the field's own format.
extension SlotFiller {
    func fillFieldValue(_ slots: inout [String: String], company: Range<Int>?) {
        let changeEnds = group("change-marker").map(\.upperBound)
        // Of several values of one type, the one after a change word (改成 C类), else the last.
        func pick(_ type: String) -> Entity? {
            // What it is not (做代理商的，不是批发) is no value.
            let all = entities.filter { $0.type == type && !isDenied($0) }
            if let after = changeEnds.last, let e = all.first(where: { $0.range.lowerBound >= after }) { return e }
            return all.last
        }
        // Of several field words, one whose value the sentence holds (工作群…另一个手机138…: the phone).
        let fields = entities.filter { $0.type == "field" && (company == nil || !company!.overlaps($0.range)) }
        let fieldEntity = fields.first { f in entities.contains { $0.type == f.value } } ?? fields.first
        // A typed value after the change word names its field (把她调成A卡 is the card, though
        // 打电话 came before it).
        let typedAfterChange = changeEnds.last.flatMap { after in
            entities.first { ["card", "level", "phone", "email", "role"].contains($0.type) && $0.range.lowerBound >= after && !isDenied($0) }
        }
        var field = slots["field"] ?? typedAfterChange?.type ?? fieldEntity?.value
        if field == nil {
            for type in ["phone", "email", "card", "level", "role"] where pick(type) != nil { field = type; break }
            if field == nil, pick("region") != nil, !changeEnds.isEmpty { field = "region" }
        }
        guard let field else { return }
        // The value in the field's own format when the sentence holds one (a pattern may have
        // taken the words around it: 搬去孝感了, +86 159…, 11月12日); else the text as typed,
        // up to the end of its clause (温州华联批发，温州的 → 温州华联批发).
        var value = slots["value"].map { typed in
            typed.firstIndex(where: { "，,;；。?？".contains($0) }).map { String(typed[..<$0]).trimmingSpaces() } ?? typed
        }
        // 改成B，哦不对，改成A / 生日不是4月21，是4月12: the value after the slip taken back.
        if let start = fieldEntity?.range.upperBound ?? changeEnds.first {
            let marks = group("correction").filter { $0.lowerBound > start } + Self.denials(in: s, after: start)
            if let mark = marks.max(by: { $0.upperBound < $1.upperBound }) {
                var from = mark.upperBound
                while from < s.count, ScalarClass(s[from]) == .separator { from += 1 }
                for lead in ["改成", "改为", "换成", "应该是", "是"] where text.folded(from..<min(s.count, from + lead.count)) == lead {
                    from += lead.count
                    break
                }
                let e = clauseEnd(from: from)
                if e > from { value = text.typed(from..<e) }
            }
        }
        switch field {
        case "phone", "email", "card", "level", "role", "region":
            if let e = pick(field) { value = e.value }
        case "birthday":
            let lunar = ["农历", "阴历", "lunar", "正月", "腊月"].contains { text.foldedText.contains($0) }
            if !lunar, let date = entities.first(where: { $0.type == "date" }) { value = String(date.value.dropFirst(5)) }
        case "company":
            if let company { value = text.typed(company) }
        default:
            break
        }
        // Else what follows the change word, or the field's name (生日2月30日: the dialogue
        // then says what is wrong with it).
        if value == nil, let end = changeEnds.last ?? fieldEntity.map({ afterLink($0.range.upperBound) }) {
            let e = clauseEnd(from: end)
            if e > end { value = text.typed(end..<e) }
        }
        guard var value else { return }
        // A value typed with its particle (改成 1 吧) or a number typed with spaces where no
        // phone entity was found (电话改做 9876 5432: the cue word is not next to it).
        while let last = value.last, "吧啊了哦呀嘛呢哈啦喇咯嘞".contains(last) || last == " " { value.removeLast() }
        // 4月12 (no 日 or 号, so no date was read): the month and the day.
        if field == "birthday", let monthDay = Self.monthDay(value) { value = monthDay }
        if field == "phone", let phone = PhoneExtractor.normalizedPhone(value) { value = phone }
        // 卡片换成C吧 感觉短期签不下来了: the card is the letter.
        if field == "card", let first = value.uppercased().first, "ABC".contains(first), value.count == 1 || !value.dropFirst().first!.isLetter || !value.dropFirst().first!.isASCII {
            value = String(first)
        }
        if field == "level", let first = value.first, ("1"..."4").contains(first), value.count == 1 || !value.dropFirst().first!.isNumber {
            value = String(first)
        }
        // 改返 2: the level's digit after what is left of the change word.
        if field == "level", value.count <= 4, let digit = value.first(where: { ("1"..."4").contains($0) }),
           value.filter(\.isNumber).count == 1 { value = String(digit) }
        slots["field"] = field
        slots["value"] = value
        // The dialogue takes level, card and role from their own slots.
        if ["level", "card", "role"].contains(field) { slots[field] = value }
    }

    // 不是…，是: where the 是 that says the right value ends.
    static func denials(in s: [Unicode.Scalar], after start: Int) -> [Range<Int>] {
        guard let no = (start..<max(start, s.count - 1)).first(where: { s[$0] == "不" && s[$0 + 1] == "是" }) else { return [] }
        guard let yes = ((no + 2)..<max(no + 2, s.count)).first(where: { s[$0] == "是" && ScalarClass(s[$0 - 1]) == .separator }) else { return [] }
        return [(yes - 1)..<yes]
    }

    // 4月12, 4月12日, 4月12号 → 04-12.
    static func monthDay(_ typed: String) -> String? {
        let parts = typed.trimmingSpaces().split(separator: "月", maxSplits: 1)
        guard parts.count == 2, let month = Int(parts[0]), (1...12).contains(month) else { return nil }
        let dayText = parts[1].hasSuffix("日") || parts[1].hasSuffix("号") ? parts[1].dropLast() : parts[1][...]
        guard let day = Int(dayText), (1...31).contains(day) else { return nil }
        return String(format: "%02d-%02d", month, day)
    }

    // Whether 不是 / 不再是 / not stands right before the entity.
    func isDenied(_ e: Entity) -> Bool {
        let before = String(String.UnicodeScalarView(s[max(0, e.range.lowerBound - 4)..<e.range.lowerBound])).trimmingSpaces()
        return ["不是", "不再是", "并非", "not", "not a", "no longer"].contains { before.hasSuffix($0) }
    }
}
