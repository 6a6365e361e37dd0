/// Rows of text in columns aligned by display width, so Chinese and Latin text line up in a
/// terminal. Long cells are cut with "…" so a row fits a phone-sized chat. A messaging app
/// gets plain lines instead.
enum Table {
    /// The widest a cell may be, in columns.
    static let cellWidth = 16

    /// The rows aligned, the first a header.
    static func lines(_ rows: [[String]]) -> [String] {
        let cut = rows.map { $0.map(truncated) }
        let columns = cut.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in cut { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        return cut.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - DisplayWidth.of(cell) + 2) }
            }
            return line
        }
    }

    /// A row for a messaging app's proportional font, its number left to the caller:
    /// "王建国 · 四级 · 杭州", empty cells ("-") skipped.
    static func plainLine(_ cells: [String]) -> String {
        var line = ""
        // By bytes: comparing Chinese text as a String costs more than appending it.
        for cell in cells where !cell.utf8.elementsEqual("-".utf8) {
            if !line.isEmpty { line += " · " }
            line += cell
        }
        return line
    }

    static func truncated(_ cell: String) -> String {
        guard DisplayWidth.of(cell) > cellWidth else { return cell }
        var out = ""
        var width = 0
        for character in cell {
            let w = DisplayWidth.of(character)
            if width + w > cellWidth - 1 { break }
            out.append(character)
            width += w
        }
        return out + "…"
    }
}
