import KaiquNLU

/// The conversation as a function: state + event → state + effects. It reads the rep's
/// records through `Records` and asks for every change as an `Effect.apply`; it never does
/// I/O itself and never reads the clock (the context brings it).
public struct Dialogue: Sendable {
    // What a dialogue holds, behind one reference: every turn carries its dialogue, and a turn
    // is copied often (a closure in a mutating method copies it), which copied every table of
    // the rules and the data, a retain and a release each.
    private final class Contents: Sendable {
        let rules: RuleSet
        let data: DialogueData
        let valueLabels: [String: [String: [Language: String]]]
        let profileCueWords: [[Unicode.Scalar]]
        let fieldLabels: [String: [Language: String]]
        let profileLines: ProfileLines
        let dayTexts = Memo<DayTextKey, String>()
        let birthdayKeys = Memo<PeriodKey, BirthdayKeys>(limit: 256)
        let calendarDays = Memo<PeriodKey, CalendarDays>(limit: 256)
        let dueReasons = Memo<DueReasonKey, String>(limit: 16_384)
        let backReferences = Memo<BytesKey, Bool>()

        init(rules: RuleSet, data: DialogueData, valueLabels: [String: [String: [Language: String]]], profileCueWords: [[Unicode.Scalar]]) {
            self.rules = rules
            self.data = data
            self.valueLabels = valueLabels
            self.profileCueWords = profileCueWords
            fieldLabels = data.catalogue.rendered(prefixed: "field.")
            profileLines = ProfileLines(fieldLabels: fieldLabels)
        }
    }

    private let contents: Contents

    /// The rules the parser compiled: lists, lookups and the normalizer names fold with.
    public var rules: RuleSet { contents.rules }
    public var data: DialogueData { contents.data }
    /// How lookup values read to a person: slot → value → label by language.
    var valueLabels: [String: [String: [Language: String]]] { contents.valueLabels }
    /// The profile cue words (`DialogueData.profileCues`) folded as notes are, once.
    var profileCueWords: [[Unicode.Scalar]] { contents.profileCueWords }
    /// The labels of a card's fields (the `field.` replies) by field and language, rendered
    /// once: a card shows twenty of them.
    var fieldLabels: [String: [Language: String]] { contents.fieldLabels }
    /// A card's profile lines: their labels, and the parts made once (`ProfileLines`).
    var profileLines: ProfileLines { contents.profileLines }
    /// Days as written (`Turn.dayText`, `Turn.ago`), kept once made: an agenda writes dozens.
    var dayTexts: Memo<DayTextKey, String> { contents.dayTexts }
    /// The birthday keys of an agenda's period (`LunarBirthdays.keys(from:to:)`), kept once
    /// worked out: every agenda of the week asks for the same days.
    var birthdayKeys: Memo<PeriodKey, BirthdayKeys> { contents.birthdayKeys }
    /// The festivals, days off and 调休 of an agenda's period, kept once worked out.
    var calendarDays: Memo<PeriodKey, CalendarDays> { contents.calendarDays }
    /// Why a customer is due (`Turn.why`), kept once written: agendas and follow-ups show the
    /// same customers for days.
    var dueReasons: Memo<DueReasonKey, String> { contents.dueReasons }
    /// Whether a customer slot's text is a back-reference (他, 这个客户), kept once tokenized:
    /// nearly every message names a customer, mostly by one of a few names.
    var backReferences: Memo<BytesKey, Bool> { contents.backReferences }

    public init(rules: RuleSet, data: DialogueData, valueLabels: [String: [String: [Language: String]]] = [:]) {
        contents = Contents(rules: rules, data: data, valueLabels: valueLabels,
                            profileCueWords: data.profileCues.map { Array(rules.normalizer.normalize($0.word).foldedText.unicodeScalars) })
    }

    public var catalogue: ReplyCatalogue { contents.data.catalogue }

    /// Handles one event. A read that fails throws, and then the state is left as it was.
    public func handle(_ event: DialogueEvent, in state: inout DialogueState, context: DialogueContext, records: any Records) throws -> [Effect] {
        var turn = Turn(dialogue: self, records: records, context: context, state: state)
        switch event {
        case .tooLong(let limit, let language):
            if let language { turn.state.language = language }
            turn.say("input.too_long", ["limit": String(limit)])
        case .unreadable:
            turn.say("input.unreadable")
        case .startTraining(let id):
            turn.startTraining(id: id)
        case .report(let kind, let from, let to):
            try turn.report(kind, from: from, to: to)
        case .utterance(let utterance):
            // A bare answer (a Latin name in a Chinese conversation) keeps the language.
            let answering = state.pending != nil && utterance.mayAnswer
            if let language = utterance.result.language, !answering { turn.state.language = language }
            try turn.respond(to: utterance)
        case .applied(let change, let outcome):
            try turn.acknowledge(change, outcome)
        case .failed(_, let reason):
            turn.state.pending = nil
            turn.state.resume = nil
            turn.say("change.failed", ["reason": reason])
        }
        state = turn.state
        return turn.effects
    }
}

extension Dialogue {
    /// What one event comes to once every change it asks for is made: the replies in order,
    /// and whether the conversation ends. `apply` makes a change (the store, in the CLI and
    /// in tests) and returns its outcome; a change it throws for is answered with
    /// `.failed`, described by `describe`. `parse` reads a line again when asked to, given the conversation's language. A read
    /// that fails throws, state untouched.
    public func run(_ event: DialogueEvent, in state: inout DialogueState, context: DialogueContext, records: any Records,
                    apply: (Change) throws -> Outcome, parse: (String, Language) -> Utterance,
                    describe: (any Error) -> String) throws -> (replies: [Reply], ended: Bool) {
        var replies: [Reply] = []
        // The effects still to do, the next one last: what an effect leads to goes before the
        // rest, and taking from the front of an array moved all the others each time.
        var pending = Array(try handle(event, in: &state, context: context, records: records).reversed())
        while let effect = pending.popLast() {
            switch effect {
            case .say(let reply):
                replies.append(reply)
            case .end:
                return (replies, true)
            case .reread(let text):
                pending += try handle(.utterance(parse(text, state.language)), in: &state, context: context, records: records).reversed()
            case .apply(let change):
                let next: DialogueEvent
                do { next = .applied(change, try apply(change)) } catch { next = .failed(change, reason: describe(error)) }
                pending += try handle(next, in: &state, context: context, records: records).reversed()
            }
        }
        return (replies, false)
    }
}
