/// Dates and times from anywhere in the sentence, in the contract's shapes.
extension SlotFiller {
    /// Dates and times from anywhere. The longest expression leads; a time said apart from its
    /// day joins it (下周三…两点半到四点, 下周二上午有空，约10点); a part of the day with no hour
    /// (这周五下午) gives the day only. `recording`: what happened happened today or before, so a
    /// bare weekday is the last one (周二见了…), and a later day is part of what was said.
    func fillTemporal(_ slots: inout [String: String], periods: Bool, recording: Bool) {
        var temporal = entities.filter { TemporalSlot.isTemporal($0.type) }
        let partsOfDay = temporal.filter(isPartOfDay)
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
        // Now (她说现在仓库满了) says least, as a part of the day alone (下午) says little: any
        // day or span said elsewhere leads.
        func rank(_ e: Entity) -> (Int, Int, Int) { (isNow(e) ? -1 : isPartOfDay(e) ? 0 : 1, e.range.count, -e.range.lowerBound) }
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
        // (In a record the day may have moved back: 周二下午 is the last Tuesday.)
        if let from = slots["from"], partsOfDay.contains(where: { $0.value.hasPrefix(from) }), found["from"] == nil {
            slots["from"] = nil
            slots["to"] = nil
        }
        // Only what the pattern lacks is added, never beside a span.
        if slots["from"] != nil { return }
        if found["from"] != nil, slots["date"] != nil || slots["time"] != nil { return }
        for (name, value) in found where slots[name] == nil { slots[name] = value }
    }

    // 现在, 目前, now: the moment of speaking, named by a word alone.
    func isNow(_ e: Entity) -> Bool {
        guard e.type == "datetime" else { return false }
        let said = text.folded(e.range)
        return ChineseTime.nowWords.holds(said) || EnglishTime.nowPhrases.contains { $0.joined(separator: " ") == said }
    }

    // A span within one day named without an hour: 上午, 下午, this morning.
    func isPartOfDay(_ e: Entity) -> Bool { e.type == "period" && e.value.contains("T") && !hasHours(e) }

    func day(of e: Entity) -> String { e.type == "time" ? today : String(e.value.prefix(10)) }

    // Whether the expression names an hour (三点, 10:30, 3pm), not only a part of the day (下午).
    // The digits of a day (3月16号上午, March 16 morning) name none: an hour is a number said
    // with a clock word (10点, 3pm, 10:30, at 4).
    func hasHours(_ e: Entity) -> Bool {
        let said = Array(text.folded(e.range).unicodeScalars)
        if said.contains(where: { "点时:半".unicodeScalars.contains($0) }) { return true }
        var i = 0
        while i < said.count {
            guard said[i].isASCIIDigit else { i += 1; continue }
            let start = i
            while i < said.count, said[i].isASCIIDigit { i += 1 }
            var next = i
            while next < said.count, said[next] == " " { next += 1 }
            let after = String(String.UnicodeScalarView(said[next..<min(next + 2, said.count)]))
            if ["am", "pm", "a.", "p.", "o'", "h"].contains(where: after.hasPrefix) { return true }
            // at 4; tomorrow between 10 and 12, Thursday from 9 to 11 (the hours of a day's range).
            for lead in ["at ", "between ", "from "] where start >= lead.count
                && String(String.UnicodeScalarView(said[start - lead.count..<start])) == lead { return true }
        }
        return false
    }

    func rebased(_ e: Entity, onto day: String) -> Entity {
        var moved = e
        moved.value = e.value.split(separator: "/").map { day + $0.dropFirst(10) }.joined(separator: "/")
        return moved
    }

    // A bare weekday read forward (the planning reading) moved to the last such day.
    func lastWeekday(_ e: Entity) -> Entity {
        guard e.type != "time", day(of: e) > today else { return e }
        let said = text.folded(e.range)
        let weekday = ["周", "星期", "礼拜", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains { said.contains($0) }
        // (下午 is no 下周.)
        let relative = ["下周", "下星期", "下礼拜", "下个", "这周", "这个", "这星期", "这礼拜", "本周", "本星期", "next", "this", "coming"].contains { said.contains($0) }
        guard weekday, !relative else { return e }
        let parts = today.split(separator: "-").compactMap { Int($0) }
        let dayParts = day(of: e).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, dayParts.count == 3 else { return e }
        let shifted = CivilDay(dayParts[0], dayParts[1], dayParts[2]).adding(days: -7)
        return rebased(e, onto: shifted.description)
    }
}
