import Foundation

/// Comma-separated values as spreadsheets write them (RFC 4180): quoted fields may hold
/// commas, quotes ("") and line breaks; lines end in CRLF or LF. Files come in UTF-8, with
/// or without a byte-order mark (Excel, WPS), or in GB18030 (older Chinese Excel).
enum CSV {
    /// GB18030 as Foundation names it (kCFStringEncodingGB_18030_2000).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text of a file: UTF-8 (its BOM dropped), else GB18030; nil when it is neither.
    static func decode(_ data: Data) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        return String(data: bytes, encoding: gb18030)
    }

    /// What a file holds: its rows, each with the line it starts on, and the lines where a
    /// quote opened that never closed properly (those rows are left out).
    struct Table {
        var rows: [(line: Int, fields: [String])] = []
        var unclosedQuotes: [Int] = []
    }

    /// The rows of `text`. A quote that opens a field and is still open at the end of the
    /// file, or that closes lines later with more text right after it, is a stray quote (王五,"138…
    /// typed by hand): its row is dropped and reading starts again on the next line, so one
    /// stray quote costs one row, not every row after it.
    static func read(_ text: String) -> Table {
        let s = Array(text.unicodeScalars)
        var table = Table()
        var i = 0
        var line = 1
        while i < s.count {
            let rowLine = line
            var fields: [String] = []
            var stray: (line: Int, at: Int)?
            while true {
                var field = String.UnicodeScalarView()
                if s[i] == "\"" {
                    let openLine = line, openAt = i
                    i += 1
                    var closed = false
                    while i < s.count {
                        if s[i] == "\"" {
                            if i + 1 < s.count, s[i + 1] == "\"" { field.append("\""); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if s[i] == "\n" { line += 1 }
                        field.append(s[i])
                        i += 1
                    }
                    let endsField = i == s.count || s[i] == "," || s[i] == "\r" || s[i] == "\n"
                    if !closed || (line > openLine && !endsField) {
                        stray = (openLine, openAt)
                        break
                    }
                }
                // Unquoted text, and text after a closing quote on its line, as spreadsheets take it.
                while i < s.count, s[i] != ",", s[i] != "\r", s[i] != "\n" { field.append(s[i]); i += 1 }
                fields.append(String(field))
                guard i < s.count, s[i] == "," else { break }
                i += 1
                // A comma at the very end still opens one more (empty) field.
                if i == s.count { fields.append(""); break }
            }
            if let stray {
                table.unclosedQuotes.append(stray.line)
                (i, line) = (lineAfter(stray.at, in: s), stray.line + 1)
                continue
            }
            if i < s.count, s[i] == "\r" { i += 1 }
            if i < s.count, s[i] == "\n" { i += 1 }
            line += 1
            // A blank line is no row.
            if !(fields.count == 1 && fields[0].isEmpty) { table.rows.append((rowLine, fields)) }
        }
        return table
    }

    // Where the line after the one holding `index` starts (CRLF, LF or CR), or the end.
    private static func lineAfter(_ index: Int, in s: [Unicode.Scalar]) -> Int {
        var i = index
        while i < s.count, s[i] != "\r", s[i] != "\n" { i += 1 }
        if i < s.count, s[i] == "\r" { i += 1 }
        if i < s.count, s[i] == "\n" { i += 1 }
        return i
    }

    /// One row as a line of a file, quoted where needed, ending in CRLF. A cell a spreadsheet
    /// would run as a formula is neutralised first (see `neutralised`).
    static func line(_ fields: [String]) -> String {
        fields.map { value in
            let field = neutralised(value)
            guard field != value || field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }
}
