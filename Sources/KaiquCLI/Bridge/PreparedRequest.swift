import Foundation
import KaiquNLU

/// A request line as `Lookahead` leaves it for `Bridge.respond`: read as JSON and,
/// when the sender's customers are known, its text already parsed. Parsing is a quarter of
/// a message's work and needs nothing from the store, so `kaiqu serve` does it on a second
/// core while the first answers the requests before it.
struct PreparedRequest {
    let line: LineReader.Line
    /// The request read from the line; nil for a line cut for length.
    let request: Result<BridgeRequest, BridgeRequest.Problem>?
    /// The text's parse, when one could be made ahead.
    let parsed: ParsedAhead?
}

/// A parse made ahead of the conversation, and the customers it was made with: the
/// conversation takes it only if they are still the ones it knows.
struct ParsedAhead {
    /// The text parsed: the request's, cleaned, without a group's address.
    let text: String
    let analysis: Analysis
    let customers: CustomersStamp
}

/// Which customers a conversation knows: the conversation (numbered as the bridge takes it
/// up) and how many names it has learned since.
struct CustomersStamp: Equatable {
    let conversation: Int
    let learned: Int
}

/// Reads request lines, on `Lookahead`'s thread or the serving one. It shares with the serving
/// thread only the customers each sender's conversation knows, which the serving thread
/// publishes after each of that sender's requests.
final class RequestPreparer: @unchecked Sendable {
    private let parser: Parser
    private let parses: ParseCache
    private let timeZone: TimeZone
    private let clock: @Sendable () -> Date
    private let botName: String
    private let prefix: String?
    private let lock = NSLock()
    private var known: [String: (Gazetteer, CustomersStamp)] = [:]

    /// Senders whose customers are kept; past this the table starts again (a sender not in
    /// it is parsed by the conversation, as its first request is).
    static let kept = 8_192

    init(parser: Parser, parses: ParseCache, timeZone: TimeZone, clock: @escaping @Sendable () -> Date, options: ServeOptions) {
        self.parser = parser
        self.parses = parses
        self.timeZone = timeZone
        self.clock = clock
        botName = options.botName
        prefix = options.prefix
    }

    /// Called by the serving thread: the customers the conversation of `sender` (a platform
    /// id) knows now.
    func publish(_ customers: Gazetteer, _ stamp: CustomersStamp, for sender: String) {
        lock.lock()
        defer { lock.unlock() }
        if known.count >= Self.kept && known[sender] == nil { known.removeAll() }
        known[sender] = (customers, stamp)
    }

    /// Called by the serving thread when what it published may no longer hold.
    func forgetAll() {
        lock.lock()
        known.removeAll()
        lock.unlock()
    }

    /// The line read and, when its sender's customers are known, its text parsed.
    func prepare(_ line: LineReader.Line) -> PreparedRequest {
        guard case .bytes(let bytes) = line else { return PreparedRequest(line: line, request: nil, parsed: nil) }
        let request = BridgeRequest.parse(bytes)
        guard case .success(let read) = request, read.text.utf8.count <= Conversation.lineLimit else {
            return PreparedRequest(line: line, request: request, parsed: nil)
        }
        lock.lock()
        let customers = known[read.user]
        lock.unlock()
        guard let (gazetteer, stamp) = customers,
              let addressed = read.isGroup ? ReplyShaping.addressed(read.text, botName: botName, prefix: prefix) : read.text,
              case .text(let text) = InputCleaner.clean(Array(addressed.utf8)) else {
            return PreparedRequest(line: line, request: request, parsed: nil)
        }
        let analysis = parser.analyze(text, context: ParseContext(now: clock(), timeZone: timeZone, customers: gazetteer), cache: parses)
        return PreparedRequest(line: line, request: request, parsed: ParsedAhead(text: text, analysis: analysis, customers: stamp))
    }
}
