/// `kaiqu serve`: the JSON-lines protocol a messaging bridge speaks. One request a line on
/// standard input, exactly one response line per request on standard output, in order and
/// flushed at once. End of input, SIGTERM or SIGINT end it after the request in hand.
///
/// Requests read behind the one in hand are parsed on a second thread (`Lookahead`); the
/// responses are rendered and written on a third (`ResponseWriter`).
struct ServeMode {
    let session: Session
    let options: ServeOptions

    /// Requests answered together at most: one commit and one write for them all. A commit
    /// writes each page it changed, and a stream's batches change the same pages (the
    /// conversation states, each rep's journal), so bigger batches write less of them.
    static let batchRequests = 1_024

    func run() -> ExitCode {
        guard let store = session.store else { return .cannotCreate }
        Termination.install()
        HeapTuning.keepFreedMemory()
        let bridge = Bridge(session: session, store: store, options: options)
        PipeSize.widen(0)
        PipeSize.widen(1)
        // Read as much as the pipe holds: requests read in one go are offered to the parsing
        // thread together.
        var reader = LineReader(fd: 0, limit: Bridge.requestLimit, chunk: Int(PipeSize.wide))
        let ahead = Lookahead(preparer: bridge.preparer)
        let writer = ResponseWriter(shaper: ResponseShaper(options: options, clock: session.now)) { Output.standard.write(bytes: $0) }
        // Responses wait while more requests are already read, and go out together before the
        // next read that could block: a bridge streaming requests costs one commit (its changes
        // and the changed conversation states) and one write per batch, one waiting for each
        // answer gets it at once. A batch goes to the writer only once it is committed.
        var batch: [PendingResponse] = []
        batch.reserveCapacity(Self.batchRequests)
        func flush() {
            if let instead = bridge.settle() { batch = instead.map(PendingResponse.line) }
            writer.write(batch)
            batch.removeAll(keepingCapacity: true)
        }
        while !Termination.requested, let request = ahead.next(from: &reader) {
            batch.append(bridge.respond(to: request))
            if !ahead.hasReady(reader) || batch.count >= Self.batchRequests { flush() }
        }
        flush()
        writer.finish()
        return .ok
    }
}
