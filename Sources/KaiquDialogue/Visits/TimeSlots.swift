import KaiquNLU

/// When a rep means, from the contract's temporal slots: a day, maybe a time and an end;
/// or a span of days still to narrow down (下周 → which day?).
struct TimeSlots: Equatable {
    var day: CivilDay?
    var time: Int?
    var endTime: Int?
    /// A span of several days, when no single day was named.
    var span: (CivilDay, CivilDay)?
    var purpose: String?
    /// A call, WeChat or samples to send; nil for a visit.
    var kind: ContactKind?

    static func == (a: TimeSlots, b: TimeSlots) -> Bool {
        a.day == b.day && a.time == b.time && a.endTime == b.endTime && a.span?.0 == b.span?.0 && a.span?.1 == b.span?.1
    }

    init() {}

    /// From `date`, `time`, `from` and `to` slots.
    init(slots: [String: String]) {
        day = slots["date"].flatMap(Turn.day)
        time = slots["time"].flatMap(LocalTime.minutes)
        if let from = slots["from"], let to = slots["to"] { setSpan(from, to) }
    }

    /// From one temporal entity: a bare answer to "which day?".
    init(entity: Entity) {
        self.init(value: entity.type == "time" ? "" : entity.value)
        if entity.type == "time" { time = LocalTime.minutes(entity.value) }
    }

    /// From `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `a/b` (a named slot keeps the entity whole).
    init(value: String) {
        let parts = value.split(separator: "/").map(String.init)
        if parts.count == 2 {
            setSpan(parts[0], parts[1])
        } else {
            day = Turn.day(value)
            if value.count > 11 { time = LocalTime.minutes(String(value.dropFirst(11))) }
        }
    }

    private mutating func setSpan(_ from: String, _ to: String) {
        guard let a = Turn.day(from), let b = Turn.day(to) else { return }
        let startTime = from.count > 11 ? LocalTime.minutes(String(from.dropFirst(11))) : nil
        let endTime = to.count > 11 ? LocalTime.minutes(String(to.dropFirst(11))) : nil
        if a == b || (startTime != nil && b.ordinal - a.ordinal <= 1) {
            day = a
            time = startTime
            self.endTime = endTime.map { b == a ? $0 : $0 + 1_440 }
        } else {
            span = (a, b)
        }
    }

    /// A clock time with no day is today while it is still ahead, else tomorrow.
    mutating func settleDay(now minute: Int, today: CivilDay) {
        if day == nil, span == nil, let time { day = time > minute ? today : today.adding(days: 1) }
    }
}
