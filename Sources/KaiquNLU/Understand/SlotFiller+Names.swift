/// Customers and new names: a known customer named anywhere, a pronoun only as the subject
/// of a statement, a new name after 叫 / 姓名 / the customer word, starting with a surname.
extension SlotFiller {
    /// The customer: a known one named anywhere beats a pattern's capture of unknown words;
    /// else a pronoun, only as the subject of a statement.
    func fillCustomer(_ slots: inout [String: String], wanted: Set<String>, outside: (Entity) -> Bool) {
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
    }

    /// A new customer's name, as a pattern took it or read from anywhere (see `newName`).
    func fillName(_ slots: inout [String: String], avoiding company: Range<Int>?) {
        // A pattern's {name} that is a word never a name (名字 of 名字是廉秋菊) is read again.
        if let taken = slots["name"], group("not-a-name").contains(where: { text.folded($0) == taken }) { slots["name"] = nil }
        // Nor one that runs across a question or a full stop (add a customer for me? Ma Jun).
        if let taken = slots["name"], taken.unicodeScalars.contains(where: ScalarClass.endsPhrase) { slots["name"] = nil }
        if slots["name"] == nil, let name = newName(avoiding: company) { slots["name"] = name }
        // 叫王小明, 名叫王小明: the word that introduces a Chinese name is not part of it.
        if let name = slots["name"], let marker = ["名字叫", "名字是", "名叫", "叫做", "叫"].first(where: { name.hasPrefix($0) }),
           name.count - marker.count >= 2, name.unicodeScalars.allSatisfy({ ScalarClass($0) == .han || $0 == " " }) {
            slots["name"] = String(name.dropFirst(marker.count))
        }
        // A Chinese name has no space in it: 赵敏 点话 is the name and the next word.
        if let name = slots["name"], name.unicodeScalars.contains(where: { ScalarClass($0) == .han }), let space = name.firstIndex(of: " ") {
            slots["name"] = String(name[..<space])
        }
    }

    func isPronoun(_ value: String) -> Bool {
        entities.contains { $0.type == "customer" && $0.source == CustomerExtractor.backReference && $0.value == value }
    }

    func inName(_ e: Entity, _ name: String?) -> Bool {
        guard let name else { return false }
        return text.typed(e.range).count < name.count && name.contains(text.typed(e.range))
    }

    func group(_ name: String) -> [Range<Int>] { book.groupIndex(name).map { hits.byGroup[$0] } ?? [] }

    /// A new customer's name: after 叫 / 姓名 / named; else the first name-like run after the
    /// customer word (客户, 经销商, new dealer).
    func newName(avoiding company: Range<Int>?) -> String? {
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
        // Else a clause that is a name of its own (…，俞文斌，做批发的), or the name after 的
        // (温州鸿运鞋材的章立群, 台南的許雅雯); in English two capitalized words (Marcus Webb).
        var others = CueScorer.clauses(s).map(\.lowerBound)
        others += s.indices.filter { s[$0] == "的" }.map { $0 + 1 }
        for start in others.sorted() {
            if let name = nameRun(from: start, avoiding: company), name.unicodeScalars.contains(where: { ScalarClass($0) == .han }) { return name }
        }
        return capitalizedName(avoiding: company)
    }

    /// A name-like run starting at `start` (after separators): 2–4 Han characters standing
    /// alone, or one to three Latin words; not a region, a role, a company or a known word.
    func nameRun(from start: Int, avoiding company: Range<Int>?) -> String? {
        let i = afterLink(start)
        guard i < s.count else { return nil }
        if let company, company.contains(i) { return nil }
        if ScalarClass(s[i]) == .han {
            // Inside the customer word (the 户 of 客户 after 客) no name starts.
            if group("customer-noun").contains(where: { $0.lowerBound < i && $0.upperBound > i }) { return nil }
            var j = i
            while j < s.count, ScalarClass(s[j]) == .han, j - i < 5 { j += 1 }
            // 艾力·买买提: a name written with the middle dot is a name whole, dot and all.
            if j < s.count, j - i >= 2, "·•・".unicodeScalars.contains(s[j]), j + 1 < s.count, ScalarClass(s[j + 1]) == .han {
                var k = j + 1
                while k < s.count, ScalarClass(s[k]) == .han, k - j <= 5 { k += 1 }
                if k - j - 1 >= 2 { return text.typed(i..<k) }
            }
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
            // 杨老板 names a boss whose given name is not known yet, as 杨总 does: a surname and 老板.
            let boss = span.count == 3 && text.folded(i + 1..<i + 3) == "老板"
            if !boss, group("not-a-name").contains(where: { $0.overlaps(span) }) { return nil }
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
            // Please, His: a word that opens a sentence, not a name (the not-a-name words).
            if group("not-a-name").contains(first) { return nil }
            // A place or a kind of customer (…, retailer, Qingdao) is no name, capitalized or not.
            if entities.contains(where: { ["region", "role", "level", "card", "field"].contains($0.type) && $0.range.lowerBound == first.lowerBound }) { return nil }
            return text.typed(first.lowerBound..<last.upperBound)
        }
        return nil
    }

    // Two or three capitalized Latin words in a row that are no known customer, company or
    // place: the name of a new contact in an English sentence.
    func capitalizedName(avoiding company: Range<Int>?) -> String? {
        let typed = text.original
        var i = 0
        while i < s.count {
            guard ScalarClass(s[i]) == .letter, typed[i].properties.isUppercase, i == 0 || ScalarClass(s[i - 1]) != .letter else { i += 1; continue }
            var words: [Range<Int>] = []
            var j = i
            while j < s.count, words.count < 3, ScalarClass(s[j]) == .letter, typed[j].properties.isUppercase {
                let w = j
                while j < s.count, ScalarClass(s[j]) == .letter { j += 1 }
                guard j - w >= 2 else { break }
                // A word the cues know (Add, New, Customer) is no part of a name.
                if !isCueWord(w..<j) { words.append(w..<j) } else if !words.isEmpty { break }
                guard j + 1 < s.count, s[j] == " " else { break }
                j += 1
            }
            if words.count >= 2, let first = words.first, let last = words.last {
                let span = first.lowerBound..<last.upperBound
                if !entities.contains(where: { $0.range.overlaps(span) }), !(company?.overlaps(span) ?? false) { return text.typed(span) }
            }
            i = max(j, i + 1)
        }
        return nil
    }

    func isCueWord(_ r: Range<Int>) -> Bool {
        book.words(startingWith: s[r.lowerBound]).contains { book.word($0).elementsEqual(s[r]) }
    }

    func isTitle(_ r: Range<Int>) -> Bool {
        ["mr", "mr.", "ms", "ms.", "mrs", "mrs."].contains(text.folded(r))
    }

    // Where a name running into further Han text ends: before a detail word (电话, 的, 是,
    // 公司…, the `name-stop` words) or a region or role.
    func nameStop(in span: Range<Int>) -> Int? {
        var best: Int?
        for r in group("name-stop") where r.lowerBound > span.lowerBound + 1 && r.lowerBound <= span.upperBound {
            best = min(best ?? r.lowerBound, r.lowerBound)
        }
        for e in entities where e.range.lowerBound > span.lowerBound + 1 && e.range.lowerBound <= span.upperBound {
            best = min(best ?? e.range.lowerBound, e.range.lowerBound)
        }
        return best
    }
}
