import Foundation

/// A response line of `kaiqu serve` waiting to be written.
enum PendingResponse {
    /// Written already: an error, or a group message not addressed to the bot.
    case line(String)
    /// A turn's replies, to render; `group` is the chat of a group message.
    case turn(id: String, said: Conversation.Said, group: String?)
}

/// Makes response lines of turns: the replies rendered and joined into one message, as a
/// person would write it, masked in a group, cut to the platform's size, gathered to keep a
/// group under its rate; then written as JSON bytes, a reply escaped straight into the output.
struct ResponseShaper {
    let options: ServeOptions
    let clock: () -> Date
    private var rate: GroupRate

    init(options: ServeOptions, clock: @escaping () -> Date) {
        self.options = options
        self.clock = clock
        rate = GroupRate(perMinute: options.groupRate)
    }

    /// Appends the response's line to `out`, without its newline.
    mutating func write(_ response: PendingResponse, into out: inout [UInt8]) {
        guard case .turn(let id, let said, let group) = response else {
            if case .line(let line) = response { out.append(contentsOf: line.utf8) }
            return
        }
        let rendered = said.rendered
        // A direct message that fits in one reply (most do) is that reply: its pieces are
        // escaped one after another with the newlines between, not joined first.
        let joinedBytes = rendered.reduce(rendered.count - 1) { $0 + $1.utf8.count }
        let whole = group == nil && joinedBytes > 0 && joinedBytes <= options.replyBytes
        var replies: [String] = []
        var delay = 0
        if !whole {
            var text = rendered.joined(separator: "\n")
            if group != nil { text = ReplyShaping.maskPhones(text) }
            replies = text.isEmpty ? [] : ReplyShaping.split(text, limit: options.replyBytes)
            if let group {
                let now = clock().timeIntervalSince1970
                replies = ReplyShaping.coalesce(replies, into: rate.room(group, now: now), limit: options.replyBytes)
                delay = rate.send(replies.count, chat: group, now: now)
            }
        }
        // {"id":…,"replies":[{"text":"…"},…]} and ,"delay_ms":N when the group must wait.
        out.append(contentsOf: #"{"id":"#.utf8)
        out.append(contentsOf: id.utf8)
        out.append(contentsOf: #","replies":["#.utf8)
        if whole {
            out.append(contentsOf: #"{"text":""#.utf8)
            for (index, text) in rendered.enumerated() {
                if index > 0 { out.append(contentsOf: #"\n"#.utf8) }
                JSON.appendEscaped(text, to: &out)
            }
            out.append(contentsOf: #""}"#.utf8)
        }
        for (index, reply) in replies.enumerated() {
            out.append(contentsOf: (index == 0 ? #"{"text":"# : #",{"text":"#).utf8)
            JSON.append(reply, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if delay > 0 { out.append(contentsOf: #","delay_ms":\#(delay)"#.utf8) }
        out.append(UInt8(ascii: "}"))
    }
}

/// Writes `kaiqu serve`'s responses on a thread of its own, batch after batch, in order. The
/// serving thread hands a batch over once its changes and states are committed, and goes on
/// with the next while this one renders and writes: rendering is a tenth of a message's work,
/// and needs nothing the next turns change.
final class ResponseWriter: @unchecked Sendable {
    private var shaper: ResponseShaper
    private let condition = NSCondition()
    private var batches: [[PendingResponse]] = []
    /// Batches handed over and not yet written.
    private var unwritten = 0
    private let write: ([UInt8]) -> Void

    /// A writer shaping with `shaper` and writing each batch's bytes with `write`.
    init(shaper: ResponseShaper, write: @escaping ([UInt8]) -> Void) {
        self.shaper = shaper
        self.write = write
        Termination.withSignalsBlocked { Thread { [self] in work() }.start() }
    }

    /// Batches waiting at most: past this the serving thread waits too, so a bridge that
    /// stops reading responses stops Kaiqu reading requests (instead of filling memory).
    static let queued = 4

    /// Hands a batch of responses over, to be written after those before it.
    func write(_ batch: [PendingResponse]) {
        guard !batch.isEmpty else { return }
        condition.lock()
        while batches.count >= Self.queued { condition.wait() }
        batches.append(batch)
        unwritten += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every batch handed over is written.
    func finish() {
        condition.lock()
        while unwritten > 0 { condition.wait() }
        condition.unlock()
    }

    private func work() {
        var out: [UInt8] = []
        while true {
            condition.lock()
            while batches.isEmpty { condition.wait() }
            let batch = batches.removeFirst()
            // A place in the queue is free for the serving thread.
            condition.broadcast()
            condition.unlock()
            for response in batch {
                shaper.write(response, into: &out)
                out.append(0x0A)
            }
            write(out)
            out.removeAll(keepingCapacity: true)
            condition.lock()
            unwritten -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
