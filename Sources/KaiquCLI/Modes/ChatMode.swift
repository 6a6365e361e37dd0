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
    /// Lines longer than this many bytes are answered with a message, not parsed.
    static let lineLimit = 4_096

    func run() -> ExitCode {
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let style = Style(fd: 1, environment: environment)
        let out = Output.standard
        let rules = session.data.parser.rules
        var dialogue = Dialogue(catalogue: session.data.catalogue, valueLabels: Self.valueLabels(rules, traditional: false))
        var traditionalLabels = false
        var scripts: Set<Unicode.Scalar>?
        var state = DialogueState()
        let catalogue = session.data.catalogue
        var reader = LineReader(fd: 0, limit: Self.lineLimit)
        let editor = interactive ? LineEditor(input: 0, output: out, historyPath: session.paths.history) : nil
        if interactive { out.line(catalogue.render("welcome", state.language)) }

        while true {
            let event: DialogueEvent
            if let editor {
                // The catalogue trims values, so the space after the prompt is added here.
                let prompt = catalogue.render("prompt", state.language) + " "
                guard case .line(let text) = editor.readLine(prompt: style.prompt(prompt), promptWidth: DisplayWidth.of(prompt)) else {
                    out.line(catalogue.render("goodbye", state.language))
                    return .ok
                }
                guard let next = Self.event(for: .bytes(Array(text.utf8)), session: session, language: state.language, scripts: &scripts) else { continue }
                event = next
            } else {
                guard let line = reader.next() else { return .ok }
                guard let next = Self.event(for: line, session: session, language: state.language, scripts: &scripts) else { continue }
                event = next
            }
            // Traditional labels cost an ICU transliterator (~10 ms): made when first needed.
            if !traditionalLabels, case .utterance(let parse, _) = event, parse.language == .zhHant {
                dialogue = Dialogue(catalogue: session.data.catalogue, valueLabels: Self.valueLabels(rules, traditional: true))
                traditionalLabels = true
            }
            for effect in dialogue.handle(event, in: &state) {
                switch effect {
                case .say(let reply): out.line(catalogue.render(reply))
                case .end: return .ok
                }
            }
        }
    }

    /// Lookup values as words for replies: each value's first Chinese and first English synonym.
    /// Traditional labels come from ICU's Hans-Hant, as the data holds simplified words.
    static func valueLabels(_ rules: RuleSet, traditional: Bool) -> [String: [String: [Language: String]]] {
        var labels: [String: [String: [Language: String]]] = [:]
        var keys: [(String, String)] = []
        var chinese: [String] = []
        for (lookup, values) in rules.lookupWords where lookup != "region" {
            for value in values.keys {
                let zh = rules.label(of: value, lookup: lookup, chinese: true) ?? value
                labels[lookup, default: [:]][value] = [.zhHans: zh, .en: rules.label(of: value, lookup: lookup, chinese: false) ?? value]
                keys.append((lookup, value))
                chinese.append(zh)
            }
        }
        guard traditional else { return labels }
        // One ICU call for all labels: each call sets up a transliterator.
        let joined = chinese.joined(separator: "\n")
        let traditional = (joined.applyingTransform(StringTransform(rawValue: "Hans-Hant"), reverse: false) ?? joined).components(separatedBy: "\n")
        for (index, key) in keys.enumerated() {
            labels[key.0]?[key.1]?[.zhHant] = traditional.count == keys.count ? traditional[index] : chinese[index]
        }
        return labels
    }

    /// Turns a raw line into a dialogue event; nil for a line with nothing to say.
    /// `language` is the conversation's, for lines that have no letters of their own.
    /// `scripts` caches the simplified-only characters, made the first time a line needs them.
    static func event(for line: LineReader.Line, session: Session, language: Language, scripts: inout Set<Unicode.Scalar>?) -> DialogueEvent? {
        switch line {
        case .tooLong(let prefix):
            let language = String(validating: prefix, as: UTF8.self).flatMap { Language.detect($0, normalizer: session.data.parser.rules.normalizer) }
            return .tooLong(limit: lineLimit, language: language)
        case .bytes(let bytes):
            switch InputCleaner.clean(bytes) {
            case .empty: return nil
            case .unreadable: return .unreadable
            case .text(let text):
                let parser = session.data.parser
                var result = parser.parse(text, context: session.context)
                result.language = Language.continuing(result.language, after: language, text: text) {
                    if let scripts { return scripts }
                    let made = Language.simplifiedOnly(parser.rules.normalizer)
                    scripts = made
                    return made
                }
                let suggestions = result.intent == ParseResult.fallback
                    ? parser.suggestions(for: text, language: result.language ?? language) : []
                return .utterance(result, suggestions: suggestions)
            }
        }
    }
}
