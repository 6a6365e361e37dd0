import Foundation

/// An example sentence of an intent: positive (`example:`) with the slots it must give, or
/// negative (`not:`), which must not parse as that intent. Tests and `kaiqu check` run both.
public struct Example: Sendable {
    public var text: String
    public var slots: [String: String]
    public var positive: Bool
    public var location: SourceLocation

    /// `text => slot=value; slot=value`
    static func parse(_ line: DataLine, positive: Bool) throws(DataError) -> Example {
        let parts = line.value.components(separatedBy: " => ")
        let text = parts[0].trimmingSpaces()
        guard !text.isEmpty else {
            throw line.location.error(.emptyExample)
        }
        var slots: [String: String] = [:]
        if parts.count > 1 {
            guard positive else {
                throw line.location.error(.negativeExampleWithSlots)
            }
            for pair in parts[1...].joined(separator: " => ").split(separator: ";") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
                guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                    throw line.location.error(.badSlotPair(pair.trimmingCharacters(in: .whitespaces)), offset: text.count + 4)
                }
                slots[kv[0]] = kv[1]
            }
        }
        return Example(text: text, slots: slots, positive: positive, location: line.location)
    }
}
