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
    /// What the matcher steps through (see `PatternOp`).
    var program: [PatternOp]
    /// Groups of token ids: a matching sentence holds at least one token of each group.
    /// Checking them first skips most patterns without trying to match them.
    var required: [[Int]]
    /// Groups of entity type ids (`RuleSet.entityTypes`): a matching sentence holds an entity
    /// of at least one type of each group ({objection} needs an objection word somewhere).
    var requiredTypes: [[Int]]
}

/// One instruction of a compiled pattern. The matcher starts at the first and the pattern
/// matches when it steps past the last with every token taken.
///
/// `[去] ~visit {customer}` compiles to
///
///     0  choice(optional: true, end: 4)
///     1  alternative(next: -1, first: 去)
///     2  word(去)
///     3  jump(4)
///     4  list(visit)
///     5  customer(slot: customer)
///
/// A choice is followed by its alternatives, each a header (where the next header is, and the
/// word the alternative starts with, so the matcher can skip it without a try) and its ops,
/// which end by jumping past the choice.
enum PatternOp: Sendable, Equatable {
    /// The token here is this word.
    case word(Int32)
    /// `~list`: one entry of this synonym list (`RuleSet.lists`), each a run of words.
    case list(Int32)
    /// `(a|b)`, or `[a|b]` when optional: each alternative in turn (the header follows this op),
    /// then, if optional, nothing at all, going on at `end`.
    case choice(optional: Bool, end: Int32)
    /// The header of one alternative, whose ops follow it: `next` is the next header (-1 after
    /// the last) and `first` the word the alternative starts with (-1 when it starts otherwise).
    case alternative(next: Int32, first: Int32)
    /// Go on at this op.
    case jump(Int32)
    /// `{type}` for an entity type: an entity of this type (`RuleSet.entityTypes`) starts here.
    /// `slot` is the slot's name in `RuleSet.slotNames`.
    case entity(type: Int32, slot: Int32)
    /// `{when}`, `{date}`, `{time}`, `{period}`: any date or time entity starts here.
    case anyTime(slot: Int32)
    /// `{customer}`: a known customer (an entity of `type`), else a name as typed.
    case customer(type: Int32, slot: Int32)
    /// `{name}`: a name as typed, 2–4 Han characters or 1–3 Latin words, none a known non-name.
    case name(slot: Int32)
    /// `{text}`: one token or more, as typed.
    case text(slot: Int32)
    /// `*`: one token or more; `next` is the word that must follow, when one must (-1 if not).
    case wildcard(next: Int32)
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
}
