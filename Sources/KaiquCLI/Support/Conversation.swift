import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore

/// One rep's conversation: reads a line, lets the dialogue decide, applies the changes it
/// asks for to the rep's book, and returns what to say. The chat mode drives one; a bridge
/// would drive one per user.
final class Conversation {
    private let session: Session
    private let book: Book
    private let dialogues: Dialogues
    private var dialogue: Dialogue
    /// What the conversation remembers: saved by the bridge after each line, given back
    /// when a conversation is taken up again.
    private(set) var state: DialogueState
    /// The customers the parser knows; grows as cards are added.
    private(set) var customers: Gazetteer
    /// How many names `customers` has learned since the conversation began.
    private(set) var learnedNames = 0
    /// The parse of the next line, made ahead with these customers (`kaiqu serve`'s
    /// `Lookahead`); taken for that text only.
    var parsedAhead: (text: String, analysis: Analysis)?

    /// True for a messaging app: lists as lines, not columns.
    var plainText = false

    /// Lines longer than this many bytes are answered with a message, not parsed.
    static let lineLimit = 4_096

    /// A conversation on `book`, knowing `customers`, going on from `state`.
    init(session: Session, book: Book, dialogues: Dialogues, customers: Gazetteer, state: DialogueState = DialogueState()) {
        self.session = session
        self.book = book
        self.dialogues = dialogues
        self.customers = customers
        self.state = state
        dialogue = dialogues.dialogue(needsTraditional: state.language == .zhHant)
    }

    /// A terminal's conversation: the session's own book and customers.
    convenience init(session: Session, book: Book) {
        self.init(session: session, book: book, dialogues: Dialogues(session.data), customers: session.customers)
    }

    /// The language of the conversation now.
    var language: Language { state.language }

    var catalogue: ReplyCatalogue { dialogue.catalogue }

    /// What to say for one line of input, and whether the conversation ends.
    func handle(_ line: LineReader.Line) -> (replies: [String], ended: Bool) {
        let (said, ended) = say(line)
        return (said.rendered, ended)
    }

    /// What to say for one line of input, not yet rendered, and whether the conversation ends.
    func say(_ line: LineReader.Line) -> (said: Said, ended: Bool) {
        guard let event = event(for: line) else { return (Said(replies: [], catalogue: catalogue), false) }
        if case .utterance(let u) = event, u.result.language == .zhHant { dialogue = dialogues.dialogue(needsTraditional: true) }
        var (replies, ended) = run(event)
        // A manager's looks at other reps' cards, and lists of their customers, are in the audit
        // log before the reply goes out.
        if book.seesTeam, case let views = book.views.take(), case let listed = book.views.takeListed(), !views.isEmpty || !listed.isEmpty {
            let stamp = session.stamp()
            let entries = views.map { AuditEntry(at: stamp, actor: book.owner, action: .view, owner: $0.owner, customer: $0.customer, name: $0.name) }
                + listed.map { AuditEntry(at: stamp, actor: book.owner, action: .list, owner: $0.owner, name: Self.someNames($0.names), detail: String($0.names.count)) }
            do {
                try session.store?.audit(entries)
            } catch {
                replies = [Reply("change.failed", language, ["reason": Messages.reason(error, language)])]
            }
        }
        return (Said(replies: replies, catalogue: catalogue), ended)
    }

    // A list's names for the audit log: the first ten, then an ellipsis.
    private static func someNames(_ names: [String]) -> String {
        names.count > 10 ? names.prefix(10).joined(separator: "、") + "…" : names.joined(separator: "、")
    }

    /// `kaiqu train [SCENARIO]`: starts that role-play, or shows the menu (nil).
    func start(training id: String?) -> [String] { rendered(run(.startTraining(id)).replies) }

    /// `kaiqu report`: a report's lines, as chat says them.
    func report(_ kind: String, from: String?, to: String?) -> [String] { rendered(run(.report(kind: kind, from: from, to: to)).replies) }

    private func rendered(_ replies: [Reply]) -> [String] { Said(replies: replies, catalogue: catalogue).rendered }

    // Runs an event and every change it asks for, in order: a change is applied, and its
    // acknowledgement said, before anything after it.
    private func run(_ event: DialogueEvent) -> (replies: [Reply], ended: Bool) {
        let context = DialogueContext(now: session.now(), timeZone: session.timeZone, plainText: plainText)
        do {
            let (replies, ended) = try dialogue.run(event, in: &state, context: context, records: book, apply: { change in
                let outcome = try book.apply(change, at: context.stamp)
                learnNames(change, outcome)
                return outcome
            }, parse: { [self] in utterance($0, after: $1) }, describe: { [language] in Messages.reason($0, language) })
            return (replies, ended)
        } catch {
            return ([Reply("change.failed", language, ["reason": Messages.reason(error, language)])], false)
        }
    }

    // The parser learns new names as cards are added or renamed. Names are never forgotten
    // here: a name without a card only makes Kaiqu say it has no such card.
    private func learnNames(_ change: Change, _ outcome: Outcome) {
        let rules = dialogue.rules
        switch change {
        case .addCustomer(let card, _):
            customers.add(card.name, normalizer: rules.normalizer)
            learnedNames += 1
        case .updateCustomer(_, let edits):
            for case .name(let name) in edits {
                customers.add(name, normalizer: rules.normalizer)
                learnedNames += 1
            }
        default: break
        }
    }

    /// Turns a raw line into a dialogue event; nil for a line with nothing to say.
    private func event(for line: LineReader.Line) -> DialogueEvent? {
        let parser = session.data.parser
        switch line {
        case .tooLong(let prefix):
            let language = String(validating: prefix, as: UTF8.self).flatMap { Language.detect($0, normalizer: parser.rules.normalizer) }
            return .tooLong(limit: Self.lineLimit, language: language)
        case .bytes(let bytes):
            switch InputCleaner.clean(bytes) {
            case .empty: return nil
            case .unreadable: return .unreadable
            case .text(let text):
                return .utterance(utterance(text, after: state.language))
            }
        }
    }

    /// What the parser makes of a line, with the customers known now, in a conversation in
    /// `language` so far.
    private func utterance(_ text: String, after language: Language) -> Utterance {
        let parser = session.data.parser
        var analysis: Analysis
        if let ahead = parsedAhead, ahead.text == text {
            analysis = ahead.analysis
            parsedAhead = nil
        } else {
            analysis = parser.analyze(text, context: session.parseContext(customers), cache: session.parses)
        }
        analysis.result.language = Language.continuing(analysis.result.language, after: language, text: text) { [dialogues] in
            dialogues.simplifiedOnly
        }
        let suggestions = analysis.result.intent == ParseResult.fallback
            ? parser.suggestions(for: text, language: analysis.result.language ?? language) : []
        return Utterance(analysis, suggestions: suggestions)
    }

    /// What a turn says: its replies and the catalogue they are rendered with. A bridge renders
    /// them on its writer's thread (`ResponseWriter`), not the one that answers the next turn.
    struct Said {
        let replies: [Reply]
        let catalogue: ReplyCatalogue

        /// Each reply as text, safe for a terminal.
        var rendered: [String] { replies.map { Conversation.safe(catalogue.render($0)) } }
    }

    /// A reply as it may reach a terminal: no escape or control characters, whatever a
    /// stored value holds (an imported file, an older store).
    static func safe(_ text: String) -> String {
        // Looked for by bytes, as every reply line passes here: a C1 control is C2 80–9F.
        var bytes = text
        let clean = bytes.withUTF8 { utf8 in
            for i in utf8.indices {
                let byte = utf8[i]
                // Nearly every byte is printable ASCII or part of a character other than C2 xx.
                if byte >= 0x20, byte != 0x7F, byte != 0xC2 { continue }
                if byte == 0x0A || byte == 0xC2 && !(i + 1 < utf8.count && (0x80..<0xA0).contains(utf8[i + 1])) { continue }
                return false
            }
            return true
        }
        guard !clean else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !($0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)) }))
    }
}
