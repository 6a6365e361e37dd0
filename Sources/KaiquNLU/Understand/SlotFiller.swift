/// Takes every slot an intent accepts from anywhere in the sentence, not only from where a
/// pattern foresaw it: a phone in the third clause, a region after the name, a company
/// clause ending in 五金 or 商贸. The intent's `slots:` line in its `cue` block says which.
///
/// Slots a pattern already filled are kept; filling only adds. Words it relies on are
/// `words` blocks of intents/: name-marker (叫, 姓名, named), company-suffix (商贸, 五金, Ltd),
/// company-marker (公司叫), note-marker (记一下, 备注), change-marker (改成, 升为),
/// customer-noun (客户, 经销商), not-a-name (words a bare name never is).
struct SlotFiller {
    let book: CueBook
    let text: NormalizedText
    let entities: [Entity]
    let hits: CueScorer.Hits
    /// Today as YYYY-MM-DD.
    let today: String

    private var s: [Unicode.Scalar] { text.scalars }

    func fill(_ intent: String, into slots: inout [String: String]) {
        let wanted = Set(book.slots(of: intent))
        guard !wanted.isEmpty else { return }
        let company = wanted.contains("company") || intent == "customer.update" ? companySpan() : nil
        func outside(_ e: Entity) -> Bool { company.map { !$0.overlaps(e.range) } ?? true }

        // A pattern may take words around a name for an unknown customer (约了吃饭 → 吃饭, 把韩经理):
        // a customer the store knows, named in the sentence, is the one meant.
        if let taken = slots["customer"], !isPronoun(taken), !entities.contains(where: { $0.type == "customer" && $0.value == taken }),
           let known = entities.first(where: { $0.type == "customer" && $0.source != CustomerExtractor.backReference && outside($0) }) {
            slots["customer"] = known.value
        }
        if wanted.contains("customer"), slots["customer"] == nil || isPronoun(slots["customer"]!) {
            // After 再去 (见完黄志强再去趟李娜那) the customer is the one gone to next.
            let next = group("then-go").first?.upperBound ?? Int.max
            let named = entities.filter { $0.type == "customer" && $0.source != CustomerExtractor.backReference && outside($0) }
            if let named = named.first(where: { $0.range.lowerBound >= next }) ?? named.first {
                slots["customer"] = named.value
            } else if !group("coach-question").isEmpty {
                // 他, 这个客户 bind only in statements about the customer (他签了); a coaching
                // question (他说已经有供应商了咋办) is general unless it names someone.
                slots["customer"] = nil
            } else if slots["customer"] == nil, let pronoun = entities.first(where: {
                // …as its subject: 他说太贵了, not the dealer says others will undercut him.
                $0.type == "customer" && $0.source == CustomerExtractor.backReference && clauseStart(before: $0.range.lowerBound) == $0.range.lowerBound
            }) {
                slots["customer"] = pronoun.value
            }
        }
        if wanted.contains("name"), slots["name"] == nil, let name = newName(avoiding: company) { slots["name"] = name }
        if let company, wanted.contains("company"), slots["company"] == nil { slots["company"] = text.typed(company) }
        for type in ["phone", "email", "role", "level", "card", "step", "amount"] where wanted.contains(type) && slots[type] == nil {
            if let e = entities.first(where: { $0.type == type && outside($0) }) { slots[type] = e.value }
        }
        if wanted.contains("objection") {
            // The first objection said, one of the contract's kinds before the playbook's finer
            // ones (牌子没名气，怕卖不动 is brand_unknown first).
            let said = entities.filter { $0.type == "objection" }.sorted { $0.range.lowerBound < $1.range.lowerBound }
            if let first = said.first(where: { Self.contractObjections.contains($0.value) }) ?? said.first,
               slots["objection"] == nil || !Self.contractObjections.contains(slots["objection"]!) {
                slots["objection"] = first.value
            }
        }
        // Asking about terms is a buying signal, not an objection (问了起订量和账期): a pattern
        // may have taken the word before it was known to be asked about.
        if let objection = slots["objection"], !entities.contains(where: { $0.type == "objection" && $0.value == objection }) {
            slots["objection"] = nil
        }
        // A Chinese name has no space in it: 赵敏 点话 is the name and the next word.
        if let name = slots["name"], name.unicodeScalars.contains(where: { ScalarClass($0) == .han }), let space = name.firstIndex(of: " ") {
            slots["name"] = String(name[..<space])
        }
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
        if intent == "customer.update" { fillFieldValue(&slots, company: company) }
    }

    /// The objection kinds of the NLU contract; intents/ may add finer ones for its playbooks.
    static let contractObjections: Set<String> = ["price", "no_time", "has_supplier", "think_it_over", "need_approval", "quality_doubt",
                                                   "no_need", "payment_terms", "low_margin", "brand_unknown", "after_sales", "bad_experience"]

    // MARK: customer and name

    private func isPronoun(_ value: String) -> Bool {
        entities.contains { $0.type == "customer" && $0.source == CustomerExtractor.backReference && $0.value == value }
    }

    private func inName(_ e: Entity, _ name: String?) -> Bool {
        guard let name else { return false }
        return text.typed(e.range).count < name.count && name.contains(text.typed(e.range))
    }

    private func group(_ name: String) -> [Range<Int>] { book.groupIndex(name).map { hits.byGroup[$0] } ?? [] }

    /// A new customer's name: after 叫 / 姓名 / named; else the first name-like run after the
    /// customer word (客户, 经销商, new dealer).
    private func newName(avoiding company: Range<Int>?) -> String? {
        for marker in group("name-marker") {
            if let name = nameRun(from: marker.upperBound, avoiding: company) { return name }
        }
        // After the customer word or a role first (those after the verb before the others:
        // 碰到一个老板…帮我建个档：刘德强); after the verb only when neither names one.
        var starts = group("customer-noun").map(\.upperBound)
        starts += entities.filter { $0.type == "role" }.map(\.range.upperBound)
        let verb = group("add-verb").first?.lowerBound ?? 0
        for start in starts.sorted(by: { ($0 < verb ? 1 : 0, $0) < ($1 < verb ? 1 : 0, $1) }) {
            if let name = nameRun(from: start, avoiding: company) { return name }
        }
        for start in group("add-verb").map(\.upperBound) where starts.isEmpty {
            if let name = nameRun(from: start, avoiding: company) { return name }
        }
        return nil
    }

    /// A name-like run starting at `start` (after separators): 2–4 Han characters standing
    /// alone, or one to three Latin words; not a region, a role, a company or a known word.
    private func nameRun(from start: Int, avoiding company: Range<Int>?) -> String? {
        let i = afterLink(start)
        guard i < s.count else { return nil }
        if let company, company.contains(i) { return nil }
        if ScalarClass(s[i]) == .han {
            var j = i
            while j < s.count, ScalarClass(s[j]) == .han, j - i < 5 { j += 1 }
            // A name is followed by a clause break, a digit or Latin, or a word that starts
            // the next detail (电话, 的, 是…).
            var end = j
            if j - i > 4 || (j < s.count && ScalarClass(s[j]) == .han) {
                guard let stop = nameStop(in: i..<min(j, i + 5)) else { return nil }
                end = stop
            } else if let stop = nameStop(in: i..<j) {
                end = stop
            }
            guard end - i >= 2, end - i <= 4 else { return nil }
            let span = i..<end
            if entities.contains(where: { ($0.type == "region" || $0.type == "role" || $0.type == "level" || $0.type == "card" || $0.type == "field")
                && $0.range.overlaps(span) && $0.range.lowerBound == i }) { return nil }
            if group("not-a-name").contains(where: { $0.overlaps(span) }) { return nil }
            // A name starts with a surname (see the surnames words of intents/).
            let surnames = group("surnames")
            if book.groupIndex("surnames") != nil, !surnames.contains(where: { $0.lowerBound == i }) { return nil }
            // A run that starts with the customer word itself (客护 typed for 客户) is no name.
            if group("customer-noun").contains(where: { $0.lowerBound == i }) { return nil }
            return text.typed(span)
        }
        if ScalarClass(s[i]) == .letter {
            var words: [Range<Int>] = []
            var j = i
            while j < s.count, words.count < 3 {
                guard ScalarClass(s[j]) == .letter else { break }
                let w = j
                while j < s.count, ScalarClass(s[j]) == .letter || s[j] == "." || s[j] == "'" { j += 1 }
                // Names are typed capitalized; a lower-case word ends the name.
                guard text.original[w].properties.isUppercase || (words.isEmpty && text.original[w].value < 0x80 && isTitle(w..<j)) else { break }
                words.append(w..<j)
                if j < s.count, s[j] == " ", j + 1 < s.count, ScalarClass(s[j + 1]) == .letter { j += 1 } else { break }
            }
            guard let first = words.first, let last = words.last else { return nil }
            if words.count == 1, !isTitle(first) && text.typed(first).count < 2 { return nil }
            return text.typed(first.lowerBound..<last.upperBound)
        }
        return nil
    }

    private func isTitle(_ r: Range<Int>) -> Bool {
        ["mr", "mr.", "ms", "ms.", "mrs", "mrs."].contains(text.folded(r))
    }

    // Where a name running into further Han text ends: before a detail word (电话, 的, 是,
    // 公司…, the `name-stop` words) or a region or role.
    private func nameStop(in span: Range<Int>) -> Int? {
        var best: Int?
        for r in group("name-stop") where r.lowerBound > span.lowerBound + 1 && r.lowerBound <= span.upperBound {
            best = min(best ?? r.lowerBound, r.lowerBound)
        }
        for e in entities where e.range.lowerBound > span.lowerBound + 1 && e.range.lowerBound <= span.upperBound {
            best = min(best ?? e.range.lowerBound, e.range.lowerBound)
        }
        return best
    }

    // MARK: company

    /// A clause that names a company: after 公司叫 / 公司 / company, or ending in a company
    /// word (商贸, 五金, 有限公司, Supplies).
    private func companySpan() -> Range<Int>? {
        for marker in group("company-marker") {
            let i = afterLink(marker.upperBound)
            let end = clauseEnd(from: i)
            if end - i >= 2 { return i..<end }
        }
        let suffixes = group("company-suffix")
        for suffix in suffixes {
            let start = clauseStart(before: suffix.lowerBound)
            // The company is the run of the clause that ends at the suffix word; a run that
            // begins with a verb or a name marker is not one.
            // Suffix words in a row are one ending: 商贸有限公司.
            var end = suffix.upperBound
            while let next = suffixes.first(where: { $0.lowerBound == end }) { end = next.upperBound }
            var begin = start
            for r in group("name-marker") + group("company-marker") where r.upperBound <= suffix.lowerBound && r.upperBound > begin { begin = r.upperBound }
            for e in entities where e.type == "customer" && e.range.upperBound <= suffix.lowerBound && e.range.upperBound > begin && e.source != CustomerExtractor.backReference {
                begin = e.range.upperBound
            }
            while begin < end, ScalarClass(s[begin]) == .separator || s[begin] == "的" || s[begin] == "是" { begin += 1 }
            guard end - begin >= 3, end - begin <= 16 else { continue }
            if group("company-verb").contains(where: { $0.overlaps(begin..<end) }) { continue }
            return begin..<end
        }
        return nil
    }

    // Past separators and the linking words between a marker and its value (姓名：, 叫, 是,
    // 为, 改成).
    private func afterLink(_ start: Int) -> Int {
        var i = start
        let changes = group("change-marker")
        while i < s.count {
            if ScalarClass(s[i]) == .separator || s[i] == "是" || s[i] == "叫" || s[i] == "为" { i += 1 }
            else if let change = changes.first(where: { $0.lowerBound == i }) { i = change.upperBound }
            else { break }
        }
        return i
    }

    private func clauseStart(before i: Int) -> Int {
        var j = i
        while j > 0, !isClauseBreak(j - 1) { j -= 1 }
        return j
    }

    private func clauseEnd(from i: Int) -> Int {
        var j = i
        while j < s.count, !isClauseBreak(j) { j += 1 }
        while j > i, s[j - 1] == " " { j -= 1 }
        return j
    }

    private func isClauseBreak(_ i: Int) -> Bool {
        let c = s[i]
        if ScalarClass(c) != .separator || c == "-" || c == "." || c == "@" || c == "_" || c == "'" || c == "&" { return false }
        if c == " " {
            // A space between two Latin words is inside a clause; between Han text it breaks.
            let before = i > 0 ? ScalarClass(s[i - 1]) : .separator
            let after = i + 1 < s.count ? ScalarClass(s[i + 1]) : .separator
            return !(before == .letter && after == .letter)
        }
        return true
    }

    // MARK: dates

    /// Dates and times from anywhere. The longest expression leads; a time said apart from its
    /// day joins it (下周三…两点半到四点, 下周二上午有空，约10点); a part of the day with no hour
    /// (这周五下午) gives the day only. `recording`: what happened happened today or before, so a
    /// bare weekday is the last one (周二见了…), and a later day is part of what was said.
    private func fillTemporal(_ slots: inout [String: String], periods: Bool, recording: Bool) {
        var temporal = entities.filter { TemporalSlot.isTemporal($0.type) }
        if recording, let said = slots["date"], said > today,
           let e = temporal.first(where: { day(of: $0) == said }), day(of: lastWeekday(e)) != said {
            // A pattern read a bare weekday forward; in a record it is the last one.
            slots["date"] = day(of: lastWeekday(e))
        }
        if recording {
            // A deadline (needs a quote by Friday) is part of what was said, not when it happened.
            let deadlines = group("deadline-marker")
            temporal = temporal.filter { e in
                !deadlines.contains { ($0.upperBound <= e.range.lowerBound && e.range.lowerBound - $0.upperBound <= 1) || $0.lowerBound == e.range.upperBound }
            }
            temporal = temporal.map(lastWeekday).filter { $0.type == "time" || day(of: $0) <= today }
        }
        // A part of the day alone (下午) says least: any day or span said elsewhere leads.
        func rank(_ e: Entity) -> (Int, Int, Int) { (isPartOfDay(e) ? 0 : 1, e.range.count, -e.range.lowerBound) }
        guard var best = temporal.max(by: { rank($0) < rank($1) }) else { return }
        let others = temporal.filter { !$0.range.overlaps(best.range) }
        let otherDay = others.first { $0.type != "time" && day(of: $0) != today }.map(day(of:))
        if best.type != "time", day(of: best) == today, let otherDay, hasHours(best) { best = rebased(best, onto: otherDay) }
        let clock = others.first { $0.type == "time" }?.value
        var found: [String: String] = [:]
        switch best.type {
        case "time":
            found["time"] = best.value
            if let otherDay { found["date"] = otherDay }
        case "period" where best.value.contains("T"):
            if hasHours(best), periods, clock == nil {
                for (name, value) in TemporalSlot.slots(named: "when", from: best) { found[name] = value }
            } else {
                found["date"] = day(of: best)
                if let clock { found["time"] = clock }
            }
        case "period":
            let ends = best.value.split(separator: "/").map(String.init)
            if periods { for (name, value) in TemporalSlot.slots(named: "when", from: best) { found[name] = value } }
            else if ends.first == ends.last { found["date"] = ends[0] }
        default:
            for (name, value) in TemporalSlot.slots(named: "when", from: best) { found[name] = value }
            if best.type == "date", let clock { found["time"] = clock }
        }
        // A pattern's own reading stays, but a part of the day is no span of hours: 今天上午 is
        // the day (and its hour, when one is said apart).
        if let from = slots["from"], temporal.contains(where: { isPartOfDay($0) && $0.value.hasPrefix(from) }), found["from"] == nil {
            slots["from"] = nil
            slots["to"] = nil
        }
        // Only what the pattern lacks is added, never beside a span.
        if slots["from"] != nil { return }
        if found["from"] != nil, slots["date"] != nil || slots["time"] != nil { return }
        for (name, value) in found where slots[name] == nil { slots[name] = value }
    }

    // A span within one day named without an hour: 上午, 下午, this morning.
    private func isPartOfDay(_ e: Entity) -> Bool { e.type == "period" && e.value.contains("T") && !hasHours(e) }

    private func day(of e: Entity) -> String { e.type == "time" ? today : String(e.value.prefix(10)) }

    // Whether the expression names an hour (三点, 10:30, 3pm), not only a part of the day (下午).
    private func hasHours(_ e: Entity) -> Bool {
        let said = text.folded(e.range)
        return said.unicodeScalars.contains { $0.isASCIIDigit || "点时:半".unicodeScalars.contains($0) }
            || said.hasSuffix("am") || said.hasSuffix("pm")
    }

    private func rebased(_ e: Entity, onto day: String) -> Entity {
        var moved = e
        moved.value = e.value.split(separator: "/").map { day + $0.dropFirst(10) }.joined(separator: "/")
        return moved
    }

    // A bare weekday read forward (the planning reading) moved to the last such day.
    private func lastWeekday(_ e: Entity) -> Entity {
        guard e.type != "time", day(of: e) > today else { return e }
        let said = text.folded(e.range)
        let weekday = ["周", "星期", "礼拜", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains { said.contains($0) }
        let relative = ["下", "这", "本", "next", "this", "coming"].contains { said.contains($0) }
        guard weekday, !relative else { return e }
        let parts = today.split(separator: "-").compactMap { Int($0) }
        let dayParts = day(of: e).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, dayParts.count == 3 else { return e }
        let shifted = CivilDay(dayParts[0], dayParts[1], dayParts[2]).adding(days: -7)
        return rebased(e, onto: shifted.description)
    }

    // MARK: notes

    /// What is recorded: the text after the customer's name (and the clause break after it),
    /// or, when nothing follows, the text before it without the note words.
    private func note(after customer: String?, before: Bool) -> String? {
        guard let named = entities.first(where: { $0.type == "customer" && $0.source != CustomerExtractor.backReference && ($0.value == customer || text.typed($0.range) == customer) }) else { return nil }
        var start = named.range.upperBound
        for marker in group("note-marker") where marker.lowerBound >= start && marker.lowerBound - start <= 2 { start = marker.upperBound }
        while start < s.count, ScalarClass(s[start]) == .separator || s[start] == "的" && start == named.range.upperBound { start += 1 }
        // What only says where the rep was (那边回来) is not a note.
        for r in group("note-skip") where r.lowerBound == start { start = r.upperBound }
        while start < s.count, ScalarClass(s[start]) == .separator { start += 1 }
        var end = s.count
        while end > start, ScalarClass(s[end - 1]) == .separator { end -= 1 }
        // A note word closing the sentence (…，记一下) is not part of the note.
        for marker in group("note-marker") where marker.upperBound >= end - 1 && marker.lowerBound > start {
            end = marker.lowerBound
            while end > start, ScalarClass(s[end - 1]) == .separator { end -= 1 }
        }
        if end - start >= 2, !group("note-skip").contains(where: { $0 == start..<end }) { return text.typed(start..<end) }
        guard before else { return nil }
        var before = named.range.lowerBound
        while before > 0, ScalarClass(s[before - 1]) == .separator { before -= 1 }
        var from = 0
        for marker in group("note-marker") where marker.upperBound <= before { from = max(from, marker.upperBound) }
        while from < before, ScalarClass(s[from]) == .separator { from += 1 }
        return before - from >= 2 ? text.typed(from..<before) : nil
    }

    // MARK: field and value

    private func fillFieldValue(_ slots: inout [String: String], company: Range<Int>?) {
        let changeEnds = group("change-marker").map(\.upperBound)
        // Of several values of one type, the one after a change word (改成 C类), else the last.
        func pick(_ type: String) -> Entity? {
            let all = entities.filter { $0.type == type }
            if let after = changeEnds.last, let e = all.first(where: { $0.range.lowerBound >= after }) { return e }
            return all.last
        }
        let fieldEntity = entities.first { $0.type == "field" && (company == nil || !company!.overlaps($0.range)) }
        var field = slots["field"] ?? fieldEntity?.value
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
        while let last = value.last, "吧啊了哦呀嘛呢".contains(last) || last == " " { value.removeLast() }
        if field == "phone", value.unicodeScalars.allSatisfy({ $0.isASCIIDigit || " -+()".unicodeScalars.contains($0) }) {
            let digits = String(String.UnicodeScalarView(value.unicodeScalars.filter(\.isASCIIDigit)))
            if let phone = PhoneExtractor.classify(digits, plus: value.hasPrefix("+"), cued: true) { value = phone }
        }
        if field == "level", let first = value.first, ("1"..."4").contains(first), value.count == 1 || !value.dropFirst().first!.isNumber {
            value = String(first)
        }
        slots["field"] = field
        slots["value"] = value
        // The dialogue takes level, card and role from their own slots.
        if ["level", "card", "role"].contains(field) { slots[field] = value }
    }
}
