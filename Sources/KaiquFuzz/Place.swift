/// Where a line is in a run: its number, and the scenario and position within it that make
/// it again (`LineGenerator.scenario(scenario).lines[offset]`).
public struct Place: Equatable, Sendable {
    public var line: Int
    public var scenario: Int
    public var offset: Int

    public init(line: Int, scenario: Int, offset: Int) {
        self.line = line
        self.scenario = scenario
        self.offset = offset
    }

    /// "line 12 (scenario 4, line 2 of it)", as `last-position.txt` holds it.
    public var description: String { "line \(line) (scenario \(scenario), line \(offset) of it)" }

    /// Reads `description` back.
    public init?(description: String) {
        let numbers = description.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard description.hasPrefix("line "), numbers.count >= 3 else { return nil }
        self.init(line: numbers[0], scenario: numbers[1], offset: numbers[2])
    }
}
