import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore

/// `kaiqu serve`'s work, one request line in and one response line out. Each user has a
/// conversation of their own, on a book of their own (a manager's reaches the team); its
/// state is saved in the store before its response goes out, so a restarted bridge picks it up.
final class Bridge {
    private let session: Session
    private let store: Store
    private let options: ServeOptions
    private let dialogues: Dialogues
    private var conversations: [String: Held] = [:]
    private var uses = 0
    /// Users by platform id, and when each was read (uptime, ns).
    private var users: [String: (User, UInt64)] = [:]
    /// Users whose conversation state changed since it was last saved.
    private var changed: Set<String> = []
    /// The requests answered in the open batch: their ids and texts.
    private var batch: [(id: String, text: String)] = []
    /// Reads requests, ahead on `Lookahead`'s thread; told what customers each sender's
    /// conversation knows.
    let preparer: RequestPreparer
    /// Conversations taken up so far: each is numbered, so a parse made ahead with the
    /// customers of one that has since been dropped is never taken.
    private var taken = 0

    /// How many conversations stay in memory; the others are read back from the store.
    static let kept = 4_096
    /// The longest request line read; its text must also fit `Conversation.lineLimit`.
    static let requestLimit = 65_536

    private struct Held {
        let conversation: Conversation
        let number: Int
        var saved: DialogueState
        var lastUse: Int
        var customers: CustomersStamp { CustomersStamp(conversation: number, learned: conversation.learnedNames) }
    }

    init(session: Session, store: Store, options: ServeOptions) {
        self.session = session
        self.store = store
        self.options = options
        dialogues = Dialogues(session.data)
        let clock: @Sendable () -> Date = { [fixed = session.fixedNow] in fixed ?? Date() }
        preparer = RequestPreparer(parser: session.data.parser, parses: session.parses, timeZone: session.timeZone, clock: clock, options: options)
    }

    private var normalizer: Normalizer { session.data.parser.rules.normalizer }

    /// The response to a request read and prepared (see `Lookahead`): a line written already
    /// (an error), or the turn's replies, which `ResponseWriter` renders and writes.
    func respond(to prepared: PreparedRequest) -> PendingResponse {
        let bytes: [UInt8]
        switch prepared.line {
        case .tooLong(let prefix):
            return .line(error(Self.leadingID(prefix), "too_long", "bridge.too_long", .zhHans, ["limit": String(Self.requestLimit)]))
        case .bytes(let read): bytes = read
        }
        let request: BridgeRequest
        switch prepared.request ?? BridgeRequest.parse(bytes) {
        case .failure(.badJSON(let reason)):
            return .line(error(BridgeRequest.bestID(bytes), "bad_json", "bridge.bad_json", .zhHans, ["reason": reason]))
        case .failure(.missingField(let field, let id)):
            return .line(error(id, "missing_field", "bridge.missing_field", .zhHans, ["field": field]))
        case .success(let read): request = read
        }
        // The language an error is written in: the request's own.
        var language: Language { Language.detect(request.text, normalizer: normalizer) ?? .zhHans }
        if request.text.utf8.count > Conversation.lineLimit {
            return .line(error(request.id, "too_long", "bridge.too_long", language, ["limit": String(Conversation.lineLimit)]))
        }
        let user: User
        do {
            // The batch's transaction opens with its first request that reaches the store.
            try store.beginBatch()
            batch.append((request.id, request.text))
            guard let found = try self.user(reachedBy: request.user) ?? register(request) else {
                return .line(error(request.id, "unknown_user", "bridge.unknown_user", language, ["user": request.user]))
            }
            user = found
        } catch {
            return .line(self.error(request.id, "store", "bridge.store_failed", language, ["reason": Messages.reason(error, language)]))
        }
        var addressedText = request.text
        if request.isGroup {
            guard let addressed = ReplyShaping.addressed(request.text, botName: options.botName, prefix: options.prefix) else {
                return .line(JSON.object([("id", request.id), ("replies", "[]")]))
            }
            addressedText = addressed
        }
        do {
            let said = try converse(user, addressedText, from: request.user, ahead: prepared.parsed)
            return .turn(id: request.id, said: said, group: request.isGroup ? request.chat : nil)
        } catch {
            return .line(self.error(request.id, "store", "bridge.store_failed", language, ["reason": Messages.reason(error, language)]))
        }
    }

    // One line of a user's conversation. Its state, if changed, is saved by `saveStates`,
    // which the serve loop calls before any response is written.
    // A parse made ahead is taken when it was made with the customers the conversation
    // knows now; afterwards the preparer is told what they are.
    private func converse(_ user: User, _ text: String, from sender: String, ahead: ParsedAhead?) throws -> Conversation.Said {
        var held = try conversation(of: user)
        let before = held.customers
        if let ahead, ahead.customers == before { held.conversation.parsedAhead = (ahead.text, ahead.analysis) }
        let (said, _) = held.conversation.say(.bytes(Array(text.utf8)))
        held.conversation.parsedAhead = nil
        if held.conversation.state != held.saved { changed.insert(user.id) }
        uses += 1
        held.lastUse = uses
        conversations[user.id] = held
        if ahead?.customers != held.customers { preparer.publish(held.conversation.customers, held.customers, for: sender) }
        return said
    }

    /// Ends the open batch: saves the conversation states changed in it and commits, in one
    /// transaction. The serve loop calls it before it writes the batch's responses, so a
    /// response never goes out ahead of the change or the state it acknowledges (a bridge
    /// killed after reading it picks up from there). Nil when all is kept; otherwise the
    /// responses to write instead, one store error per request of the batch, for nothing
    /// of it was kept.
    func settle() -> [String]? {
        let answered = batch
        batch = []
        do {
            try saveStates()
            try store.commitBatch()
            return nil
        } catch {
            // Nothing of the batch is kept, and what is in memory ran ahead of the store:
            // read it all back.
            store.rollbackBatch()
            conversations = [:]
            preparer.forgetAll()
            users = [:]
            changed = []
            return answered.map { id, text in
                let language = Language.detect(text, normalizer: normalizer) ?? .zhHans
                return self.error(id, "store", "bridge.store_failed", language, ["reason": Messages.reason(error, language)])
            }
        }
    }

    private func saveStates() throws {
        guard !changed.isEmpty else { return }
        var states: [(user: String, state: String)] = []
        let encoder = JSONEncoder()
        for user in changed.sorted() {
            guard let held = conversations[user] else { continue }
            states.append((user, try StateJSON.encode(held.conversation.state, with: encoder)))
            conversations[user]?.saved = held.conversation.state
        }
        try store.saveConversationStates(states, at: session.stamp())
        changed = []
    }

    // The user's conversation: in memory, else taken up from the store's saved state.
    private func conversation(of user: User) throws -> Held {
        if let held = conversations[user.id] { return held }
        // A conversation whose state is not saved yet stays in memory until it is.
        if conversations.count >= Self.kept, let oldest = conversations.filter({ !changed.contains($0.key) }).min(by: { $0.value.lastUse < $1.value.lastUse }) {
            conversations[oldest.key] = nil
        }
        let book = store.book(of: user.id, zone: session.timeZone.identifier, seesTeam: user.seesTeam)
        let customers = session.data.parser.rules.gazetteer(try book.customerNames())
        // A state saved by another version that no longer reads is dropped: a fresh start
        // loses a pending question, never a card.
        let state = try store.conversationState(of: user.id).flatMap { try? JSONDecoder().decode(DialogueState.self, from: Data($0.utf8)) }
            ?? DialogueState()
        let conversation = Conversation(session: session, book: book, dialogues: dialogues, customers: customers, state: state)
        conversation.plainText = true
        taken += 1
        return Held(conversation: conversation, number: taken, saved: state, lastUse: uses)
    }

    // The user a platform id reaches, looked up at most once a second: `kaiqu users` in
    // another process takes effect within that second, and a message costs no query.
    private func user(reachedBy platformID: String) throws -> User? {
        let now = DispatchTime.now().uptimeNanoseconds
        if let (user, at) = users[platformID], now - at < 1_000_000_000 { return user }
        guard let user = try store.user(reachedBy: platformID) else {
            users[platformID] = nil
            return nil
        }
        if users.count >= Self.kept { users.removeAll() }
        users[platformID] = (user, now)
        return user
    }

    // A stranger becomes a rep of their own when the bridge allows it.
    private func register(_ request: BridgeRequest) throws -> User? {
        guard options.openRegistration else { return nil }
        let name = request.name.map(\.trimmingSpaces).flatMap { $0.isEmpty ? nil : $0 } ?? request.user
        let user = User(id: request.user, name: name, role: .rep)
        let stamp = session.stamp()
        try store.saveUser(user, at: stamp)
        return user
    }

    private func error(_ id: String, _ code: String, _ key: String, _ language: Language, _ parameters: ReplyParameters) -> String {
        let message = dialogues.dialogue(needsTraditional: language == .zhHant).catalogue.render(key, language, parameters)
        return JSON.object([("id", id), ("error", JSON.object([("code", JSON.string(code)), ("message", JSON.string(message))]))])
    }

    /// The id of a line cut for length, when it starts `{"id":"…"` or `{"id":123`: so even
    /// an over-long request is answered under its own id.
    static func leadingID(_ prefix: [UInt8]) -> String {
        let text = String(decoding: prefix.prefix(512), as: UTF8.self)
        guard let key = text.range(of: "\"id\"") else { return "null" }
        var rest = text[key.upperBound...].drop { $0 == " " }
        guard rest.first == ":" else { return "null" }
        rest = rest.dropFirst().drop { $0 == " " }
        if rest.first == "\"", let close = rest.dropFirst().firstIndex(where: { $0 == "\"" || $0 == "\\" }), rest[close] == "\"" {
            return JSON.string(String(rest[rest.index(after: rest.startIndex)..<close]))
        }
        let digits = rest.prefix { $0.isNumber || $0 == "-" }
        return digits.isEmpty ? "null" : String(digits)
    }
}
