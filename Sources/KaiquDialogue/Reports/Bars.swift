/// Horizontal bars drawn with block characters, for a report in a terminal: labels padded
/// to one display width (a Chinese character takes two columns), each bar as long as its
/// value against the largest, in eighths of a column.
enum Bars {
    /// The longest bar, in columns.
    static let width = 20

    /// One line a row: the label, the bar, then the note (a count, a share).
    static func lines(_ rows: [(label: String, value: Int, note: String)]) -> [String] {
        let labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let largest = max(rows.map(\.value).max() ?? 0, 1)
        return rows.map { row in
            let bar = Self.bar(Double(max(row.value, 0)) / Double(largest) * Double(width))
            return row.label + String(repeating: " ", count: labelWidth - DisplayWidth.of(row.label)) + "  "
                + bar + String(repeating: " ", count: width - bar.count + 1) + row.note
        }
    }

    // `columns` (0…width) as full blocks and one partial block, eighths rounded; a value
    // above zero shows at least a sliver.
    static func bar(_ columns: Double) -> String {
        let eighths = columns > 0 ? max(1, Int((columns * 8).rounded())) : 0
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }
}
