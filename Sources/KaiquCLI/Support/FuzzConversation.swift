import Foundation

/// The chat mode's conversation, driven in-process: what `kaiqu-fuzz` and the fuzz tests feed
/// generated lines to. It is `kaiqu --store STORE --now NOW` with its input piped, minus the
/// process: the same session, store, `Conversation` and dialogue, so a line that crashes or
/// stalls here does so in the product too.
public final class FuzzConversation {
    private let conversation: Conversation

    /// What chat mode makes of one line.
    public struct Answer {
        /// The reply lines chat mode prints, in order.
        public let replies: [String]
        /// The conversation ended (退出): chat mode would exit after these replies.
        public let ended: Bool
        /// The line had nothing to say once cleaned (spaces, control bytes): chat mode stays
        /// silent, so no reply is right.
        public let blank: Bool
    }

    /// Longer lines are refused with a message, not parsed (`LineReader`'s limit).
    public static var lineLimit: Int { Conversation.lineLimit }

    /// Opens, or creates, the store at `store` with the built-in intents, as the rep "fuzz",
    /// with the clock fixed at `now` (ISO 8601) when given. Reads the customer names the
    /// parser knows from the store, as a fresh `kaiqu` does.
    public init(store: String, now: String?) throws {
        var arguments = ["--store", store]
        if let now { arguments += ["--now", now] }
        let session = try Session(options: try Options(arguments), environment: ["USER": "fuzz"], store: .write)
        guard let book = session.book else { throw CLIError.store(.cannotOpen(path: store, reason: "no book")) }
        conversation = Conversation(session: session, book: book)
    }

    /// Answers one line: its raw bytes without the newline, as `LineReader` would hand them
    /// to chat mode (a trailing "\r" dropped, a line over the limit refused whole).
    public func handle(_ bytes: [UInt8]) -> Answer {
        var bytes = bytes
        let line: LineReader.Line
        if bytes.count > Conversation.lineLimit {
            // LineReader keeps the first `limit` bytes of an overlong line, then drops a "\r".
            var prefix = Array(bytes.prefix(Conversation.lineLimit))
            if prefix.last == 13 { prefix.removeLast() }
            line = .tooLong(prefix: prefix)
        } else {
            if bytes.last == 13 { bytes.removeLast() }
            line = .bytes(bytes)
        }
        let (replies, ended) = conversation.handle(line)
        let blank = replies.isEmpty && line == .bytes(bytes) && InputCleaner.clean(bytes) == .empty
        return Answer(replies: replies, ended: ended, blank: blank)
    }
}
