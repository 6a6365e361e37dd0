/// `kaiqu serve`: the JSON-lines protocol a messaging bridge speaks. One request a line on
/// standard input, exactly one response line per request on standard output, in order and
/// flushed at once. End of input, SIGTERM or SIGINT end it after the request in hand.
struct ServeMode {
    let session: Session
    let options: ServeOptions

    func run() -> ExitCode {
        guard let store = session.store else { return .cannotCreate }
        Termination.install()
        let bridge = Bridge(session: session, store: store, options: options)
        var reader = LineReader(fd: 0, limit: Bridge.requestLimit)
        while !Termination.requested, let line = reader.next() {
            // A blank line (a keep-alive) is no request: nothing is answered.
            if case .bytes(let bytes) = line, bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            Output.standard.line(bridge.respond(to: line))
        }
        return .ok
    }
}
