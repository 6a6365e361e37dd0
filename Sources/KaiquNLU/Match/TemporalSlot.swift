/// How a date or time entity fills slots.
///
/// The four temporal slot types ({date} {time} {period}) and {when} each take any date or time
/// entity, because a rep may say 明天, 明天三点 or 本周 in the same place. Unnamed, they fill
/// the contract's slots from the value: a date → `date`; a time → `time`; a date and time →
/// `date` and `time`; a period → `from` and `to`. A named one ({deadline:date}) keeps the
/// entity's value whole under its own name.
enum TemporalSlot {
    /// The slot type for "any date or time".
    static let anyTime = "when"

    static func isTemporal(_ type: String) -> Bool {
        type == anyTime || TemporalExtractor.types.contains(type)
    }

    static func slots(named name: String, from entity: Entity) -> [(name: String, value: String)] {
        guard isTemporal(name) else { return [(name, entity.value)] }
        switch entity.type {
        case "datetime":
            let parts = entity.value.split(separator: "T", maxSplits: 1).map(String.init)
            return [("date", parts[0]), ("time", parts.count > 1 ? parts[1] : "")]
        case "period":
            let parts = entity.value.split(separator: "/", maxSplits: 1).map(String.init)
            return [("from", parts[0]), ("to", parts.count > 1 ? parts[1] : parts[0])]
        default:
            return [(entity.type, entity.value)]
        }
    }
}
