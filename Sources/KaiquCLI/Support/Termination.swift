#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM and SIGINT for the bridge: the request in hand is answered, then the process ends.
/// The handler only sets a flag; a read the signal interrupts returns, and the loop stops.
enum Termination {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    /// True once SIGTERM or SIGINT has arrived.
    static var requested: Bool { flag != 0 }

    /// Installs the handlers, without SA_RESTART so a blocked read returns at once.
    static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Termination.flag = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in Termination.flag = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
    }

    /// Runs `start` (which starts threads) with SIGTERM and SIGINT blocked, so the threads it
    /// starts never take them: they must end the serving thread's read.
    static func withSignalsBlocked(_ start: () -> Void) {
        var signals = sigset_t(), previous = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, &previous)
        start()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
