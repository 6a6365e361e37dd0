/// One piece of a compiled pattern.
indirect enum PatternElement: Sendable {
    /// A fixed word (one token id).
    case word(Int)
    /// `(a|b)`, `[a|b]` (optional) or `~list`: one of several sequences.
    case choice([[PatternElement]], optional: Bool)
    /// `{type}` or `{name:type}`.
    case slot(name: String, type: SlotType)
    /// `*`: one or more tokens of anything.
    case wildcard
}

/// What a `{slot}` in a pattern accepts.
public enum SlotType: Sendable, Equatable {
    /// An entity of this type found by an extractor (number, a lookup list, later date, time…).
    case entity(String)
    /// A known customer, or else a name-like span as typed.
    case customer
    /// A new name: 2–4 Han characters or 1–3 Latin words, none of them a known non-name.
    case name
    /// Any text of one token or more, as typed.
    case text

    var typeName: String {
        switch self {
        case .entity(let type): type
        case .customer: "customer"
        case .name: "name"
        case .text: "text"
        }
    }
}

/// A compiled pattern of an intent.
public struct Pattern: Sendable {
    /// The intent it stands for.
    public var intent: String
    /// `zh` or `en`: which key it was written under.
    public var language: String
    /// The pattern as written.
    public var source: String
    /// Where it was written.
    public var location: SourceLocation
    /// Its place in load order (files by name, then lines): the last tie-breaker.
    public var order: Int
    var elements: [PatternElement]
    /// Groups of token ids: a matching sentence holds at least one token of each group.
    /// Checking them first skips most patterns without trying to match them.
    var required: [[Int]]
    /// Groups of entity types: a matching sentence holds an entity of at least one type of
    /// each group ({objection} needs an objection word somewhere).
    var requiredTypes: [[String]] = []

    /// The entity-type groups for `elements`: a typed slot that must match, or a choice whose
    /// every alternative starts with one. Temporal slots accept any date or time entity.
    static func typeRequirements(_ elements: [PatternElement]) -> [[String]] {
        func types(_ element: PatternElement) -> [String]? {
            switch element {
            case .slot(_, .entity(let type)):
                return TemporalSlot.isTemporal(type) ? TemporalExtractor.types : [type]
            case .choice(let alternatives, optional: false):
                var all: [String] = []
                for alternative in alternatives {
                    guard let first = alternative.first, let found = types(first) else { return nil }
                    all += found
                }
                return all
            default:
                return nil
            }
        }
        return elements.compactMap(types)
    }

    /// The groups for `elements`: each fixed word is a group of one; a choice that must match
    /// gives the first group of each of its alternatives, merged (any of them will do).
    static func requirements(_ elements: [PatternElement]) -> [[Int]] {
        var groups: [[Int]] = []
        for element in elements {
            switch element {
            case .word(let id):
                if !groups.contains([id]) { groups.append([id]) }
            case .choice(let alternatives, optional: false):
                var any: Set<Int> = []
                for alternative in alternatives {
                    guard let first = requirements(alternative).first else { any = []; break }
                    any.formUnion(first)
                }
                if !any.isEmpty { groups.append(any.sorted()) }
            case .choice, .slot, .wildcard:
                continue
            }
        }
        return groups
    }
}
