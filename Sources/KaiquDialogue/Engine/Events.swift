import Foundation
import KaiquNLU

/// One line the rep wrote, as the parser read it.
public struct Utterance: Sendable, Codable, Equatable {
    public var result: ParseResult
    /// The tokens the patterns saw (filler removed).
    public var tokens: [Token]
    /// Every entity found, whether or not a pattern used it (a bare phone number is one).
    public var entities: [Entity]
    /// Example sentences of the nearest intents, offered when nothing fits.
    public var suggestions: [String]

    public init(result: ParseResult, tokens: [Token] = [], entities: [Entity] = [], suggestions: [String] = []) {
        self.result = result
        self.tokens = tokens
        self.entities = entities
        self.suggestions = suggestions
    }

    public init(_ analysis: Analysis, suggestions: [String] = []) {
        self.init(result: analysis.result, tokens: analysis.tokens, entities: analysis.entities, suggestions: suggestions)
    }

    public var intent: String { result.intent }

    /// Whether the line may answer a pending question: nothing else was understood, or only a
    /// weak reading by cues that names no customer (没放弃，留了名片 at the checklist). A line
    /// that reads as its own request (a customer, an action) is that request.
    public var mayAnswer: Bool { result.intent == ParseResult.fallback || result.isTentative }
    public var slots: [String: String] { result.slots }
    public var text: String { result.text }

    /// The words an entity was read from, lower-cased (nil when its range is not in the text).
    public func said(_ entity: Entity) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard entity.range.upperBound <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[entity.range])).lowercased()
    }

    /// The entity of one of these types that covers every token, when the whole line is one
    /// value: a bare phone number, a bare date.
    public func wholeEntity(_ types: Set<String>) -> Entity? {
        guard let first = tokens.first, let last = tokens.last else { return nil }
        return entities.filter { types.contains($0.type) && $0.range.lowerBound <= first.range.lowerBound && $0.range.upperBound >= last.range.upperBound }
            .max { $0.range.count < $1.range.count }
    }

    /// The first entity of a type, anywhere in the line.
    public func entity(_ type: String) -> Entity? { entities.first { $0.type == type } }
}

/// Something that happened in the conversation.
public enum DialogueEvent: Sendable {
    /// The rep wrote a line.
    case utterance(Utterance)
    /// A change the dialogue asked for was committed, with what came of it.
    case applied(Change, Outcome)
    /// A change could not be made; `reason` says why, in the rep's language.
    case failed(Change, reason: String)
    /// A line longer than the reader accepts.
    case tooLong(limit: Int, language: Language?)
    /// A line that was not valid UTF-8 even in part.
    case unreadable
    /// `kaiqu train [SCENARIO]`: a role-play to start, or the menu (nil).
    case startTraining(String?)
    /// `kaiqu report [pipeline|abc]`: that report over these days (`YYYY-MM-DD`; this month when nil).
    case report(kind: String, from: String?, to: String?)
}

/// A sentence for the rep, by catalogue key.
public struct Reply: Sendable, Equatable {
    public var key: String
    public var language: Language
    public var parameters: ReplyParameters

    public init(_ key: String, _ language: Language, _ parameters: ReplyParameters = [:]) {
        self.key = key
        self.language = language
        self.parameters = parameters
    }
}

/// What the caller must do after an event, in order.
public enum Effect: Sendable, Equatable {
    /// Say this, rendered with the catalogue.
    case say(Reply)
    /// Apply this change to the store, then send `.applied` (or `.failed`) back before going on.
    /// Boxed: a change can hold a whole card, and every effect would be as big.
    indirect case apply(Change)
    /// Read this line again, as if the rep had just written it: the store has changed since
    /// it was parsed (a card it names now exists), so the parser must see it afresh.
    case reread(String)
    /// Say the rest, then end the session.
    case end
}

/// What the dialogue may know besides the conversation: the clock and the rep's time zone.
/// Only the CLI reads the real clock; tests pin it.
public struct DialogueContext: Sendable {
    public var now: Date
    public var timeZone: TimeZone
    /// True when replies go to a messaging app, not a terminal: no tables that assume a
    /// monospace font.
    public var plainText: Bool

    public init(now: Date, timeZone: TimeZone, plainText: Bool = false) {
        self.now = now
        self.timeZone = timeZone
        self.plainText = plainText
    }

    private var localSeconds: Int { Int(now.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: now) }

    /// The rep's local day.
    public var today: CivilDay { CivilDay(ordinal: Int((Double(localSeconds) / 86_400).rounded(.down))) }

    /// Minutes since local midnight.
    public var minute: Int { ((localSeconds % 86_400) + 86_400) % 86_400 / 60 }

    /// Local `YYYY-MM-DDTHH:MM`: how the store keeps times.
    public var stamp: String { today.description + "T" + LocalTime.text(minute) }
}

/// `HH:MM` and back.
public enum LocalTime {
    public static func text(_ minutes: Int) -> String { zeroPadded(minutes / 60) + ":" + zeroPadded(minutes % 60) }

    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
