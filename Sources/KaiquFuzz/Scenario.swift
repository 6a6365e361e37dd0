/// A few lines that belong together: one that opens a question or a list and the answers
/// after it, or a lone mutated example, or noise. Each line is raw bytes without its newline.
public struct Scenario: Sendable {
    /// What the scenario exercises ("pick", "checklist", "reproducer", …), for the report.
    public let kind: String
    public let lines: [[UInt8]]
    /// The store it runs on, a file in the run's folder; nil for the run's main store. A
    /// reproducer needs the store it was found on (fresh, but for the scenarios before it that
    /// name the same one), not one that thousands of other lines filled.
    public let store: String?

    public init(kind: String, lines: [[UInt8]], store: String? = nil) {
        self.kind = kind
        self.lines = lines
        self.store = store
    }

    init(kind: String, _ texts: [String], store: String? = nil) {
        self.init(kind: kind, lines: texts.map { Array($0.utf8) }, store: store)
    }
}
