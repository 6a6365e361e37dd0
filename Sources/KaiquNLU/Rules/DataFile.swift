/// A place in a data file, 1-based.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line)" }

    /// A data error at this place, `offset` characters further along the line.
    public func error(_ problem: DataProblem, offset: Int = 0) -> DataError {
        DataError(file: file, line: line, column: column + offset, problem: problem)
    }
}

/// One line inside a block: `key: value`, or a bare value in list-like blocks.
public struct DataLine: Sendable {
    public var key: String?
    public var value: String
    /// Where `value` starts.
    public var location: SourceLocation
}

/// A block of a data file: an unindented header `kind name`, then indented lines.
public struct DataBlock: Sendable {
    public var kind: String
    public var name: String
    public var location: SourceLocation
    public var lines: [DataLine]

    /// The values of every line with this key, in order.
    public func values(_ key: String) -> [DataLine] { lines.filter { $0.key == key } }
}

/// Reads the one syntax every file under intents/ shares:
///
///     # a comment
///     intent visit.schedule          ← header: kind and name, at the start of the line
///       zh: ~visit {customer}        ← keyed line, indented
///       en: visit {customer}
///     reply help.body
///       zh: 第一行
///         | 第二行                    ← continuation: appended after a line break
///     list visit
///       拜访 | 拜訪 | visit          ← bare line (lists, filler)
public enum DataFileParser {
    /// Parses `text`; `kinds` are the block kinds the caller understands.
    public static func parse(_ text: String, file: String, kinds: Set<String>) throws(DataErrors) -> [DataBlock] {
        var blocks: [DataBlock] = []
        var errors: [DataError] = []
        var lineNumber = 0
        // Split on bytes: splitting a String by Characters costs more than the rest of start-up.
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(raw)
            if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
            let indent = line.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            let body = Substring(line.utf8.dropFirst(indent))
            if body.isEmpty || body.utf8.first == UInt8(ascii: "#") { continue }
            let here = SourceLocation(file: file, line: lineNumber, column: indent + 1)
            if indent == 0 {
                let parts = body.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                let kind = String(parts[0])
                guard kinds.contains(kind) else {
                    errors.append(here.error(.unknownBlock(kind, known: kinds.sorted())))
                    continue
                }
                let name = parts.count > 1 ? String(parts[1]).trimmingSpaces() : ""
                blocks.append(DataBlock(kind: kind, name: name, location: here, lines: []))
                continue
            }
            guard !blocks.isEmpty else {
                errors.append(here.error(.lineOutsideBlock))
                continue
            }
            if body.hasPrefix("|"), let last = blocks[blocks.count - 1].lines.indices.last,
               blocks[blocks.count - 1].lines[last].key != nil {
                let more = body.dropFirst().drop { $0 == " " }
                blocks[blocks.count - 1].lines[last].value += "\n" + more
                continue
            }
            if let colon = keyEnd(body) {
                let key = String(body[..<colon])
                let rest = body[body.index(after: colon)...]
                let value = rest.drop { $0 == " " || $0 == "\t" }
                let column = indent + 1 + body.distance(from: body.startIndex, to: value.startIndex)
                blocks[blocks.count - 1].lines.append(
                    DataLine(key: key, value: String(value).trimmingSpaces(),
                             location: SourceLocation(file: file, line: lineNumber, column: column)))
            } else {
                blocks[blocks.count - 1].lines.append(DataLine(key: nil, value: String(body).trimmingSpaces(), location: here))
            }
        }
        if !errors.isEmpty { throw DataErrors(errors) }
        return blocks
    }

    // A key is ASCII letters, digits, '-', '_' or '.', followed by ':' and a space or the end.
    private static func keyEnd(_ body: Substring) -> Substring.Index? {
        var index = body.startIndex
        while index < body.endIndex {
            let c = body[index]
            if c == ":" {
                let after = body.index(after: index)
                let ok = index > body.startIndex && (after == body.endIndex || body[after] == " " || body[after] == "\t")
                return ok ? index : nil
            }
            guard c.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." else { return nil }
            index = body.index(after: index)
        }
        return nil
    }
}
