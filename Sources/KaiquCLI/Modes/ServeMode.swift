/// `kaiqu serve`: the JSON-lines protocol a messaging bridge speaks. One request a line on
/// standard input, exactly one response line per request on standard output, in order and
/// flushed at once. End of input, SIGTERM or SIGINT end it after the request in hand.
///
/// Requests read behind the one in hand are parsed on a second thread (`Lookahead`).
struct ServeMode {
    let session: Session
    let options: ServeOptions

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
        var pending = ""
        func flush() {
            if let instead = bridge.settle() { pending = instead.map { $0 + "\n" }.joined() }
            if !pending.isEmpty { Output.standard.write(pending) }
            pending = ""
        }
        while !Termination.requested, let request = ahead.next(from: &reader) {
            pending += bridge.respond(to: request) + "\n"
            if !ahead.hasReady(reader) || pending.utf8.count > 1 << 16 { flush() }
        }
        flush()
        return .ok
    }
}
