/// A `.dialogue` file: a conversation written down, that `kaiqu replay` plays as a lesson and
/// checks, and the tests play through the binary.
///
///     # a comment
///     @ --now 2026-11-18T10:00:00+08:00      start Kaiqu with these options
///     > what the rep types
///     what Kaiqu answers, line by line
///     @ --now 2026-11-19T09:00:00+08:00      later: Kaiqu again, on the same store
///
/// Each `@` line starts a new session on the script's own store, so a script can let days pass.
struct DialogueScript {
    /// One session of Kaiqu: its options and its turns.
    struct Part {
        var arguments: [String]
        var turns: [Turn]
    }

    /// One line the rep types and the lines Kaiqu answers.
    struct Turn {
        var typed: String
        /// The file's line number of the typed line.
        var line: Int
        var expected: [String]
    }

    var parts: [Part] = []

    init(_ text: String) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("@ ") || parts.isEmpty {
                parts.append(Part(arguments: line.hasPrefix("@ ") ? line.dropFirst(2).split(separator: " ").map(String.init) : [], turns: []))
                if line.hasPrefix("@ ") { continue }
            }
            if line.hasPrefix("> ") {
                parts[parts.count - 1].turns.append(Turn(typed: String(line.dropFirst(2)), line: index + 1, expected: []))
            } else if !parts[parts.count - 1].turns.isEmpty {
                let last = parts[parts.count - 1].turns.count - 1
                parts[parts.count - 1].turns[last].expected.append(String(line))
            }
        }
    }
}
