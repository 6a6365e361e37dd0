import KaiquNLU

/// What the conversation remembers between lines.
public struct DialogueState: Sendable, Equatable {
    /// The language replies are in: the last one the rep wrote in (simplified Chinese at first).
    public var language: Language = .zhHans
    public init() {}
}

/// Something that happened in the conversation.
public enum DialogueEvent: Sendable {
    /// The rep wrote a line and the parser read it; `suggestions` are example sentences of
    /// the nearest intents, offered when nothing fits.
    case utterance(ParseResult, suggestions: [String])
    /// A line longer than the reader accepts.
    case tooLong(limit: Int, language: Language?)
    /// A line that was not valid UTF-8 even in part.
    case unreadable
}

/// A sentence for the rep, by catalogue key.
public struct Reply: Sendable, Equatable {
    public var key: String
    public var language: Language
    public var parameters: [String: String]

    public init(_ key: String, _ language: Language, _ parameters: [String: String] = [:]) {
        self.key = key
        self.language = language
        self.parameters = parameters
    }
}

/// What the caller must do after an event.
public enum Effect: Sendable, Equatable {
    /// Say this, rendered with the catalogue.
    case say(Reply)
    /// Say the rest, then end the session.
    case end
}

/// The conversation as a pure function: state + event → state + effects. No I/O, no clock.
public struct Dialogue: Sendable {
    /// For the labels of intents and slots that replies quote.
    let catalogue: ReplyCatalogue
    /// How lookup values read to a person: slot → value → label by language, from intents/.
    let valueLabels: [String: [String: [Language: String]]]

    public init(catalogue: ReplyCatalogue, valueLabels: [String: [String: [Language: String]]] = [:]) {
        self.catalogue = catalogue
        self.valueLabels = valueLabels
    }

    public func handle(_ event: DialogueEvent, in state: inout DialogueState) -> [Effect] {
        switch event {
        case .tooLong(let limit, let language):
            if let language { state.language = language }
            return [.say(Reply("input.too_long", state.language, ["limit": String(limit)]))]
        case .unreadable:
            return [.say(Reply("input.unreadable", state.language))]
        case .utterance(let parse, let suggestions):
            if let language = parse.language { state.language = language }
            return respond(to: parse, suggestions: suggestions, language: state.language)
        }
    }

    private func respond(to parse: ParseResult, suggestions: [String], language: Language) -> [Effect] {
        switch parse.intent {
        case "help":
            return [.say(Reply("help", language))]
        case "greet":
            return [.say(Reply(parse.slots["kind"] == "thanks" ? "thanks" : "greet", language))]
        case "quit":
            return [.say(Reply("goodbye", language)), .end]
        case "confirm", "deny", "cancel":
            return [.say(Reply("nothing.pending", language))]
        case "undo":
            return [.say(Reply("nothing.to_undo", language))]
        case ParseResult.fallback:
            var effects: [Effect] = [.say(Reply("fallback", language))]
            for example in suggestions { effects.append(.say(Reply("fallback.suggestion", language, ["example": example]))) }
            return effects
        default:
            // Understood, but acting on it comes with the store and the flow: say so plainly.
            var effects: [Effect] = [.say(Reply("understood", language, ["intent": label("intent." + parse.intent, language)]))]
            for name in parse.slots.keys.sorted(by: Self.displayOrder) {
                effects.append(.say(Reply("understood.slot", language, ["slot": label("slot." + name, language), "value": shown(parse.slots[name]!, slot: name, language)])))
            }
            return effects
        }
    }

    // Who, then when (from before to), then the rest: the order a rep reads a plan in.
    private static let slotOrder = ["customer", "name", "company", "phone", "email", "wechat", "region", "role", "level", "card",
                                    "date", "time", "from", "to", "amount", "objection", "step", "field", "value", "note"]
    private static func displayOrder(_ a: String, _ b: String) -> Bool {
        let x = slotOrder.firstIndex(of: a) ?? slotOrder.count
        let y = slotOrder.firstIndex(of: b) ?? slotOrder.count
        return x != y ? x < y : a < b
    }

    // A lookup value in words (price → 太贵), anything else as it came.
    private func shown(_ value: String, slot: String, _ language: Language) -> String {
        valueLabels[slot]?[value]?[language] ?? value
    }

    // The catalogue's label for an intent or slot, or its id when the catalogue has none.
    private func label(_ key: String, _ language: Language) -> String {
        catalogue.has(key) ? catalogue.render(key, language) : String(key.drop { $0 != "." }.dropFirst())
    }
}
