import Foundation
import KaiquNLU

/// `kaiqu nlu [--json] [--explain] [TEXT]`: what the parser makes of each utterance, one
/// answer a line (or one block with --explain), in input order. Never writes to the store.
struct NLUMode {
    let session: Session
    let options: Options

    func run() -> ExitCode {
        let out = Output.standard
        if let text = options.arguments.first {
            out.line(answer(InputCleaner.clean(Array(text.utf8))))
            return .ok
        }
        var reader = LineReader(fd: 0, limit: Conversation.lineLimit)
        while let line = reader.next() {
            switch line {
            case .bytes(let bytes): out.line(answer(InputCleaner.clean(bytes)))
            case .tooLong: out.line(answer(.empty))
            }
        }
        return .ok
    }

    // Every input line gets exactly one answer, so a caller can pair them up by order.
    private func answer(_ cleaned: InputCleaner.Cleaned) -> String {
        let text: String
        if case .text(let t) = cleaned { text = t } else { text = "" }
        let analysis = session.data.parser.analyze(text, context: session.parseContext(session.customers), keepCandidates: options.explain)
        if options.explain { return explain(analysis) }
        let result = analysis.result
        if options.json {
            let slots = JSON.object(result.slots.keys.sorted().map { ($0, JSON.string(result.slots[$0]!)) })
            return JSON.object([("text", JSON.string(text)), ("intent", JSON.string(result.intent)),
                                ("confidence", String(result.confidence)), ("slots", slots)])
        }
        let slots = result.slots.keys.sorted().map { "\($0)=\(result.slots[$0]!)" }
        return ([result.intent, Self.twoDecimals(result.confidence)] + slots).joined(separator: "  ")
    }

    /// A confidence (0…1, in hundredths) as "%.2f" writes it, without Foundation's formatter,
    /// which cost more than parsing the line.
    static func twoDecimals(_ confidence: Double) -> String {
        let hundredths = Int((confidence * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    // A cue weight as written: 4, -6, 2.5.
    private static func weight(_ w: Double) -> String { w == w.rounded() ? String(Int(w)) : String(w) }

    /// The debug dump: normalised text, rewrites and typos, tokens, entities with spans, the
    /// patterns that matched, the cue scores with the lines that held, and what won and why.
    private func explain(_ analysis: Analysis) -> String {
        var lines = ["text:        \(analysis.result.text)",
                     "language:    \(analysis.result.language?.rawValue ?? "-")",
                     "normalized:  \(analysis.normalized)"]
        if !analysis.rewrites.isEmpty {
            lines.append("rewritten:   " + analysis.rewrites.map { "\($0.from) → \($0.to)" }.joined(separator: "  "))
        }
        if !analysis.typos.isEmpty {
            lines.append("typos:       " + analysis.typos.map { "\($0.from) → \($0.to)" }.joined(separator: "  "))
        }
        lines += [
                     "tokens:      \(analysis.tokens.map(\.text).joined(separator: " "))"]
        lines.append("entities:    \(analysis.entities.isEmpty ? "-" : "")")
        for entity in analysis.entities {
            let span = analysis.normalized.unicodeScalars.dropFirst(entity.range.lowerBound).prefix(entity.range.count)
            lines.append("  \(entity.type) = \(entity.value)  [\(entity.range.lowerBound)..<\(entity.range.upperBound)] “\(String(String.UnicodeScalarView(span)))” (\(entity.source))")
        }
        lines.append("candidates:  \(analysis.candidates.isEmpty ? "-" : "")")
        var seen = Set<String>()
        for candidate in analysis.candidates where seen.insert(candidate.pattern.intent).inserted {
            lines.append("  \(candidate.pattern.intent)  \(Self.twoDecimals(candidate.confidence))  (\(candidate.specificity))  \(candidate.pattern.location)  \(candidate.pattern.source)")
        }
        lines.append("cues:        \(analysis.cueScores.isEmpty ? "-" : "")")
        for score in analysis.cueScores {
            lines.append("  \(score.intent)  \(Self.weight(score.score))")
            for line in score.lines {
                lines.append("    \(line.weight > 0 ? "+" : "")\(Self.weight(line.weight))  \(line.location)  \(line.source)")
            }
        }
        let result = analysis.result
        switch result.reading {
        case .pattern, .typoPattern:
            let winner = analysis.candidates.first { $0.pattern.intent == result.intent }
            lines.append("winner:      \(result.intent)  by \(result.reading.rawValue)" + (winner.map { "  \($0.pattern.location)  \($0.pattern.source)" } ?? ""))
        case .cues, .typoCues:
            lines.append("winner:      \(result.intent)  by \(result.reading.rawValue) (confidence \(Self.twoDecimals(result.confidence)))")
        case .none:
            lines.append("winner:      fallback")
        }
        let slots = analysis.result.slots.keys.sorted().map { "\($0)=\(analysis.result.slots[$0]!)" }
        lines.append("slots:       \(slots.isEmpty ? "-" : slots.joined(separator: "  "))")
        return lines.joined(separator: "\n") + "\n"
    }
}
