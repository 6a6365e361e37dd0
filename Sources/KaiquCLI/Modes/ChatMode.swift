import Foundation
import KaiquDialogue
import KaiquNLU
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kaiqu` with no mode: a conversation on standard input and output.
///
/// On a terminal it has a prompt, colour and a line editor with history; piped, it prints
/// only the replies, each flushed as soon as it is said, and ends with the input.
struct ChatMode {
    let session: Session
    let environment: [String: String]
    /// `kaiqu train [SCENARIO]`: the role-play to open with (`.some(nil)`: the menu).
    var training: String?? = nil

    func run() -> ExitCode {
        guard let book = session.book else { return .cannotCreate }
        let conversation = Conversation(session: session, book: book)
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let style = Style(fd: 1, environment: environment)
        let out = Output.standard
        var reader = LineReader(fd: 0, limit: Conversation.lineLimit)
        let editor = interactive ? LineEditor(input: 0, output: out, historyPath: session.paths.history) : nil
        if let training {
            for reply in conversation.start(training: training) { out.line(reply) }
        } else if interactive {
            out.line(conversation.catalogue.render("welcome", conversation.language))
        }

        while true {
            let line: LineReader.Line
            if let editor {
                // The catalogue trims values, so the space after the prompt is added here.
                let prompt = conversation.catalogue.render("prompt", conversation.language) + " "
                guard case .line(let text) = editor.readLine(prompt: style.prompt(prompt), promptWidth: DisplayWidth.of(prompt)) else {
                    out.line(conversation.catalogue.render("goodbye", conversation.language))
                    return .ok
                }
                line = .bytes(Array(text.utf8))
            } else {
                guard let next = reader.next() else { return .ok }
                line = next
            }
            let (replies, ended) = conversation.handle(line)
            for reply in replies { out.line(reply) }
            if ended { return .ok }
        }
    }
}
