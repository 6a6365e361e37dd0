import KaiquNLU

/// visit.cancel: calls off a planned visit, or moves it when a new day is said (改到周五).
/// When several planned visits fit, the rep picks one by number.
extension Turn {
    mutating func cancelVisit(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        var moveTo: VisitMove?
        if let moved = u.slots["moved"] {
            var target = TimeSlots(value: moved)
            target.settleDay(now: context.minute, today: today)
            guard let day = target.day else {
                say("visit.move_which_day", ["name": card.name])
                return
            }
            if day < today {
                say("visit.in_past", ["when": dayText(day), "name": card.name])
                return
            }
            moveTo = VisitMove(day: day.description, time: target.time.map(LocalTime.text))
        }
        var visits = try records.visits(of: card.id, limit: 50).filter { $0.status == .planned && $0.day >= today.description }
        // For a move, the day said is the new one (改到周五), not the visit's.
        if let date = u.slots["date"], !(u.slots["moved"]?.hasPrefix(date) ?? false) { visits = visits.filter { $0.day == date } }
        visits.sort { $0.start < $1.start }
        switch visits.count {
        case 0:
            say("visit.none_planned", ["name": card.name])
        case 1:
            if let moveTo { apply(.moveVisit(visits[0].id, day: moveTo.day, time: moveTo.time ?? visits[0].time)) }
            else { apply(.cancelVisit(visits[0].id)) }
        default:
            say(moveTo == nil ? "visit.which_to_cancel" : "visit.which_to_move", ["name": card.name])
            for (index, visit) in visits.enumerated() { line("\(index + 1). " + describe(visit)) }
            say("customer.choose_hint")
            state.pending = .chooseVisit(visits, moveTo: moveTo)
        }
    }
}
