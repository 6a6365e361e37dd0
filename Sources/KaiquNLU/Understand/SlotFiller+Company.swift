/// Companies (the run ending in 商贸, 五金, Ltd or after 公司叫) and the clause arithmetic the
/// other slot readers share.
extension SlotFiller {
    /// A clause that names a company: after 公司叫 / 公司 / company, or ending in a company
    /// word (商贸, 五金, 有限公司, Supplies).
    func companySpan() -> Range<Int>? {
        // 公司 inside a company's own ending (宏铭实业有限公司) marks nothing after it.
        let endings = group("company-suffix")
        // 原来叫建平商贸，现在叫建平食品: the new name, after the words that give it.
        let renames = group("company-rename")
        // Of the markers, the fullest first: 公司名叫 X over the 公司 of 他原来那个鞋业公司早就不做了.
        let markers = group("company-marker").sorted { ($1.count, $0.lowerBound) < ($0.count, $1.lowerBound) }
        for marker in renames.reversed() + markers
        where !endings.contains(where: { $0.lowerBound < marker.lowerBound && $0.upperBound >= marker.upperBound }) {
            var i = afterLink(marker.upperBound)
            var end = clauseEnd(from: i)
            // 公司名改成 X typed 公司明改成 X: the value follows the change word.
            if let change = group("change-marker").first(where: { $0.lowerBound >= i && $0.lowerBound < end }) {
                i = afterLink(change.upperBound)
                end = clauseEnd(from: i)
            } else if i < s.count, "改换变".unicodeScalars.contains(s[i]), end - i <= 3, end < s.count {
                // 公司名改程 X (改成 mistyped): the change word stands alone, the name after it.
                i = afterLink(end)
                end = clauseEnd(from: i)
            }
            if end - i >= 2 { return i..<end }
        }
        // At each place the longest company word first: 批发行 before 批发.
        // (Typed as they are: seems is no slip of seeds here.)
        let suffixes = group("company-suffix").filter { suffix in !hits.fuzzy.contains { $0.range == suffix } }.sorted { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
        let placesAndRoles = entities.filter { $0.type == "role" || $0.type == "region" }.map(\.range)
        // An address or a number holds no company word (Tom@Fletcher.co.uk).
        let contacts = entities.filter { $0.type == "email" || $0.type == "phone" }.map(\.range)
        for suffix in suffixes where !contacts.contains(where: { $0.overlaps(suffix) }) {
            // 批发 inside 批发商 names a role, not a company.
            if placesAndRoles.contains(where: { $0.lowerBound <= suffix.lowerBound && $0.upperBound >= suffix.upperBound && $0.count > suffix.count }) { continue }
            let start = clauseStart(before: suffix.lowerBound)
            // The company is the run of the clause that ends at the suffix word; a run that
            // begins with a verb or a name marker is not one.
            // Suffix words in a row are one ending: 商贸有限公司.
            var end = suffix.upperBound
            // (Latin ones may have a space between: Trading Co.)
            while let next = suffixes.first(where: { $0.lowerBound == end || ($0.lowerBound == end + 1 && s[end] == " " && ScalarClass(s[end - 1]) == .letter) }) {
                end = next.upperBound
            }
            // An abbreviated Latin ending keeps its full stop (Foster Supply Co.).
            if end < s.count, s[end] == ".", ScalarClass(s[end - 1]) == .letter { end += 1 }
            var begin = start
            // (Jason Lim from Lim Sanitary Supplies: the company starts after from.)
            for r in group("name-marker") + group("company-marker") + group("company-lead") where r.upperBound <= suffix.lowerBound && r.upperBound > begin { begin = r.upperBound }
            for e in entities where e.type == "customer" && e.range.upperBound <= suffix.lowerBound && e.range.upperBound > begin && e.source != CustomerExtractor.backReference {
                begin = e.range.upperBound
            }
            while begin < end, ScalarClass(s[begin]) == .separator || s[begin] == "的" || s[begin] == "是" { begin += 1 }
            // 佢係深水埗康寧藥房嘅老闆: he is the owner of the company, not part of its name.
            if begin + 2 < end, "他她".unicodeScalars.contains(s[begin]), s[begin + 1] == "是" { begin += 2 }
            // Sixteen Han characters, or forty Latin ones (Foster Supply Co.), at most.
            let latin = ScalarClass(s[end - 1]) == .letter || s[end - 1] == "."
            guard end - begin >= 3, end - begin <= (latin ? 40 : 16) else { continue }
            if group("company-verb").contains(where: { $0.overlaps(begin..<end) && actsAsVerb($0, suffixes) }) { continue }
            // 常州的门店 is a place and a role: nothing in it is a company's own name; nor is
            // 高雄的茶饮门市, a kind of shop in a place.
            if (begin..<end).allSatisfy({ i in s[i] == "的" || placesAndRoles.contains { $0.contains(i) } }) { continue }
            if entities.contains(where: { $0.type == "region" && $0.range.lowerBound == begin && $0.range.upperBound < end && s[$0.range.upperBound] == "的" }) { continue }
            // a dealer from Taiyuan who supplies…: a clause word, not a company's.
            // Nor is at the beauty expo (a company is not named "the …").
            if latin, (begin..<end).contains(where: { i in (i == begin || s[i - 1] == " ") && ["who ", "which ", "that "].contains { w in s[i...].starts(with: w.unicodeScalars) } })
                || ["the ", "a ", "an ", "my ", "our "].contains(where: { w in text.original[begin...].starts(with: w.unicodeScalars) }) { continue }
            return begin..<end
        }
        return placeLedCompany() ?? capitalizedCompany()
    }

    /// In English details listed after a name (Grace Lim, GL Beauty Corner, 139…), the clause of
    /// capitalized words that follows the clause ending in the name: companies are named so,
    /// whatever their trade.
    private func capitalizedCompany() -> Range<Int>? {
        let clauses = CueScorer.clauses(s).filter { !$0.isEmpty }
        for (previous, clause) in zip(clauses, clauses.dropFirst()) {
            guard let words = capitalizedWords(clause), words.count >= 2, words.count <= 4,
                  let before = capitalizedWords(previous.upperBound - min(previous.count, 40)..<previous.upperBound, trailing: true),
                  before.count >= 2 else { continue }
            let span = words[0].lowerBound..<words[words.count - 1].upperBound
            // Not a place, a kind of customer or a detail of its own (Beijing Dealer, Phone).
            if entities.contains(where: { $0.range == span || ($0.range.overlaps(span) && $0.type != "region") }) { continue }
            if words.allSatisfy({ isCueWord($0) }) { continue }
            return span
        }
        return nil
    }

    // The words of a clause when each is capitalized as typed (GL, Beauty, O'Brien); with
    // `trailing`, the capitalized words at its end.
    private func capitalizedWords(_ range: Range<Int>, trailing: Bool = false) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if s[i] == " " { i += 1; continue }
            let w = i
            while i < range.upperBound, ScalarClass(s[i]) == .letter || s[i] == "'" || s[i] == "&" || s[i] == "." { i += 1 }
            guard i > w, ScalarClass(s[w]) == .letter, text.original[w].properties.isUppercase else {
                if trailing { words = []; while i < range.upperBound, s[i] != " " { i += 1 }; continue }
                return nil
            }
            words.append(w..<i)
        }
        return words.isEmpty ? nil : words
    }

    /// A clause of its own that is a place and a name (泉州永发医药, 三亚椰风鲜茶): how Chinese
    /// companies are named, city first, whatever their trade. Only in a list of details
    /// (李娜，泉州永发医药，电话…), where the clause holds nothing else.
    private func placeLedCompany() -> Range<Int>? {
        for region in entities where region.type == "region" {
            let begin = region.range.lowerBound
            guard begin == 0 || isClauseBreak(begin - 1) else { continue }
            let end = clauseEnd(from: begin)
            guard end == s.count || isClauseBreak(end), end - region.range.upperBound >= 2, end - begin <= 12,
                  (region.range.upperBound..<end).allSatisfy({ ScalarClass(s[$0]) == .han && !"的那这边里做在是搞开人".unicodeScalars.contains(s[$0]) }),
                  !entities.contains(where: { $0.range.overlaps(region.range.upperBound..<end) && $0.type != "number" }),
                  !group("company-verb").contains(where: { $0.overlaps(begin..<end) }) else { continue }
            return begin..<end
        }
        return nil
    }

    // A verb word inside a would-be company: always (添加, 帮我, 做, 在), except the
    // name-verb words (建, 加), which also start names: they are verbs only before a
    // verb-object word (建个, 加一位), and never inside a company word (建材) or after a city.
    private func actsAsVerb(_ verb: Range<Int>, _ suffixes: [Range<Int>]) -> Bool {
        guard group("name-verb").contains(verb) else { return true }
        if suffixes.contains(where: { $0.overlaps(verb) }) { return false }
        // 唐山建新口腔器械: right after a city, a name begins.
        if entities.contains(where: { $0.type == "region" && $0.range.upperBound == verb.lowerBound }) { return false }
        return verb.upperBound == s.count || group("verb-object").contains { $0.lowerBound == verb.upperBound }
    }

    // Past separators and the linking words between a marker and its value (姓名：, 叫, 是,
    // 为, 改成).
    func afterLink(_ start: Int) -> Int {
        var i = start
        let changes = group("change-marker")
        while i < s.count {
            if ScalarClass(s[i]) == .separator || s[i] == "是" || s[i] == "叫" || s[i] == "为" { i += 1 }
            else if let change = changes.first(where: { $0.lowerBound == i }) { i = change.upperBound }
            else { break }
        }
        return i
    }

    func clauseStart(before i: Int) -> Int {
        var j = i
        while j > 0, !isClauseBreak(j - 1) { j -= 1 }
        return j
    }

    func clauseEnd(from i: Int) -> Int {
        var j = i
        while j < s.count, !isClauseBreak(j) { j += 1 }
        while j > i, s[j - 1] == " " { j -= 1 }
        return j
    }

    func isClauseBreak(_ i: Int) -> Bool {
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
}
