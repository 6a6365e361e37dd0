/// `kaiqu serve`: the JSON-lines protocol a messaging bridge speaks. One request a line on
/// standard input, exactly one response line per request on standard output, in order and
/// flushed at once. End of input, SIGTERM or SIGINT end it after the request in hand.
///
/// Requests read behind the one in hand are parsed on a second thread (`Lookahead`).
struct ServeMode {
    let session: Session
    let options: ServeOptions

    /// Responses held for one write and one commit, at most (a few hundred messages).
    static let batchBytes = 1 << 16

    func run() -> ExitCode {
        guard let store = session.store else { return .cannotCreate }
        Termination.install()
        let bridge = Bridge(session: session, store: store, options: options)
        var reader = LineReader(fd: 0, limit: Bridge.requestLimit)
        let ahead = Lookahead(preparer: bridge.preparer)
        // Responses wait while more requests are already read, and go out together before the
        // next read that could block: a bridge streaming requests costs one write and one
        // commit (its changes and the changed conversation states) per batch, one waiting for
        // each answer gets it at once.
        // Gathered as the bytes that are written, in a buffer kept from batch to batch.
        var pending: [UInt8] = []
        pending.reserveCapacity(Self.batchBytes + Bridge.requestLimit)
        func flush() {
            if let instead = bridge.settle() { pending = Array(instead.map { $0 + "\n" }.joined().utf8) }
            if !pending.isEmpty { Output.standard.write(bytes: pending) }
            pending.removeAll(keepingCapacity: true)
        }
        while !Termination.requested, let request = ahead.next(from: &reader) {
            bridge.respond(to: request, into: &pending)
            pending.append(0x0A)
            if !ahead.hasReady(reader) || pending.count > Self.batchBytes { flush() }
        }
        flush()
        return .ok
    }
}
