import KaiquNLU

/// visit.log: a contact that happened — a visit, a call, WeChat or samples sent (the
/// `channel` slot); the day (today unless said; a bare weekday is the
/// last one, not the next), what came of it as free text, the planned visit it fulfils.
/// The last contact moves, and the level suggestion follows the number of contacts.
extension Turn {
    mutating func logVisit(_ u: Utterance) throws {
        guard u.slots["customer"] != nil || rules.mentionsBackReference(u.tokens) else {
            say("visit.log_who")
            return
        }
        guard let card = try customer(for: u) else { return }
        var day = u.slots["date"].flatMap(Self.day) ?? u.slots["from"].flatMap(Self.day) ?? today
        // The contract: when recording, a bare weekday is the nearest one not in the future.
        if day > today, day.ordinal - today.ordinal < 7, Self.namesBareWeekday(u) { day = day.adding(days: -7) }
        guard day <= today else {
            say("visit.log_future", ["when": dayText(day)])
            return
        }
        let time = u.slots["time"] ?? (day == today ? LocalTime.text(context.minute) : "12:00")
        let kind = u.slots["channel"].flatMap(ContactKind.init(rawValue:)) ?? .visit
        // A call fulfils a planned call, a visit a planned visit.
        let recent = try records.visits(of: card.id, limit: 20).filter { $0.status == .planned && $0.day <= day.description && $0.kind == kind }
        let planned = recent.first { $0.day == day.description } ?? recent.first { Self.day($0.day).map { day.ordinal - $0.ordinal <= 7 } ?? false }
        var after = card
        after.contactCount += 1
        let outcome = u.slots["note"]?.trimmingSpaces()
        // What the note shows for the flow goes with the contact, in the same change.
        let reading = outcome.map { read(note: $0, u, flow: try? records.flow(of: card.id)) } ?? NoteReading()
        apply(.logContact(ContactLog(customer: card.id, day: day.description, time: time,
                                     outcome: outcome?.isEmpty == false ? outcome : nil,
                                     planned: planned?.id, edits: Qualification.edits(for: after), flow: reading.changes, kind: kind)))
    }

    // 周五, 星期五, 礼拜五, Friday — without 下/这/本/上/next/this/last before it.
    static func namesBareWeekday(_ u: Utterance) -> Bool {
        guard let entity = u.entities.first(where: { $0.type == "date" }), let said = u.said(entity) else { return false }
        let starts = ["周", "週", "星期", "礼拜", "禮拜", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "on "]
        return starts.contains { said.hasPrefix($0) }
    }
}
