import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kaiqu serve`: the JSON-lines protocol a messaging bridge speaks. One request a line on
/// standard input, exactly one response line per request on standard output, in order and
/// flushed at once. End of input, SIGTERM or SIGINT end it after the request in hand.
///
/// Two threads: one reads the requests and parses their texts (pure work, see
/// `RequestPreparer`), the other answers them in order against the store.
struct ServeMode {
    let session: Session
    let options: ServeOptions

    func run() -> ExitCode {
        guard let store = session.store else { return .cannotCreate }
        Termination.install()
        let bridge = Bridge(session: session, store: store, options: options)
        let pipe = RequestPipe()
        let preparer = bridge.preparer
        let reading = Thread {
            var reader = LineReader(fd: 0, limit: Bridge.requestLimit)
            while let line = reader.next() {
                // A blank line (a keep-alive) is no request: nothing is answered.
                if case .bytes(let bytes) = line, bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                pipe.put(preparer.prepare(line))
            }
            pipe.close()
        }
        reading.start()
        // SIGTERM and SIGINT go to the reading thread, whose blocked read they end; this
        // thread, waiting on the pipe, would not wake for them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        // Responses wait while more requests are already read, and go out together before the
        // next wait for input: a bridge streaming requests costs one write and one commit (its
        // changes and the changed conversation states) per batch, one waiting for each
        // answer gets it at once.
        var pending = ""
        func flush() {
            if let instead = bridge.settle() { pending = instead.map { $0 + "\n" }.joined() }
            if !pending.isEmpty { Output.standard.write(pending) }
            pending = ""
        }
        while !Termination.requested, let request = pipe.take() {
            pending += bridge.respond(to: request) + "\n"
            if !pipe.hasReady || pending.utf8.count > 1 << 16 { flush() }
        }
        flush()
        pipe.close()
        return .ok
    }
}
