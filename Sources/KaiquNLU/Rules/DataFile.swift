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

    /// The entries of `a | b | c`, trimmed, empty ones left out.
    public var entries: [String] {
        // By bytes: regions alone have thousands of entries, read at every start, and
        // splitting a String by Characters walks grapheme clusters.
        var value = value
        return value.withUTF8 { bytes in
            var entries: [String] = []
            entries.reserveCapacity(bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "|") ? 1 : 0) })
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "|") { end += 1 }
                let entry = String(trimmingSpaces: bytes[start..<end])
                if !entry.isEmpty { entries.append(entry) }
                start = end + 1
            }
            return entries
        }
    }
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
        // Bytes, not Characters: every file under intents/ is read at every start, and the
        // syntax is all ASCII (indentation, `#`, `key:`, `|`), so only values become Strings.
        let bytes = Array(text.utf8)
        var blocks: [DataBlock] = []
        var errors: [DataError] = []
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == carriageReturn { end -= 1 }
            var start = lineStart
            while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
            let indent = start - lineStart
            if start == end || bytes[start] == hash { continue }
            let here = SourceLocation(file: file, line: lineNumber, column: indent + 1)
            if indent == 0 {
                // `kind name`: the kind ends at the first space.
                var kindEnd = start
                while kindEnd < end, bytes[kindEnd] != space { kindEnd += 1 }
                let kind = string(bytes, start, kindEnd)
                guard kinds.contains(kind) else {
                    errors.append(here.error(.unknownBlock(kind, known: kinds.sorted())))
                    continue
                }
                let name = kindEnd < end ? String(trimmingSpaces: bytes[kindEnd + 1..<end]) : ""
                blocks.append(DataBlock(kind: kind, name: name, location: here, lines: []))
                continue
            }
            guard !blocks.isEmpty else {
                errors.append(here.error(.lineOutsideBlock))
                continue
            }
            let last = blocks.count - 1
            if bytes[start] == pipe, let previous = blocks[last].lines.indices.last, blocks[last].lines[previous].key != nil {
                var more = start + 1
                while more < end, bytes[more] == space { more += 1 }
                blocks[last].lines[previous].value += "\n" + string(bytes, more, end)
                continue
            }
            if let colon = keyEnd(bytes, start, end) {
                var value = colon + 1
                while value < end, bytes[value] == space || bytes[value] == tab { value += 1 }
                let column = indent + 1 + (value - start)
                blocks[last].lines.append(
                    DataLine(key: string(bytes, start, colon), value: String(trimmingSpaces: bytes[value..<end]),
                             location: SourceLocation(file: file, line: lineNumber, column: column)))
            } else {
                blocks[last].lines.append(DataLine(key: nil, value: String(trimmingSpaces: bytes[start..<end]), location: here))
            }
        }
        if !errors.isEmpty { throw DataErrors(errors) }
        return blocks
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "),
                       tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#"), pipe = UInt8(ascii: "|"), colon = UInt8(ascii: ":")

    private static func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // A key is ASCII letters, digits, '-', '_' or '.', followed by ':' and a space, a tab or the end.
    private static func keyEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            let c = bytes[index]
            if c == colon {
                let after = index + 1
                let ok = index > start && (after == end || bytes[after] == space || bytes[after] == tab)
                return ok ? index : nil
            }
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                index += 1
            default:
                return nil
            }
        }
        return nil
    }
}
