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
        // Split at the first " => " by bytes: Foundation's components(separatedBy:) made
        // examples a tenth of start-up.
        let parts = Self.splitArrow(line.value)
        let text = parts[0].trimmingSpaces()
        guard !text.isEmpty else {
            throw line.location.error(.emptyExample)
        }
        var slots: [String: String] = [:]
        if parts.count > 1 {
            guard positive else {
                throw line.location.error(.negativeExampleWithSlots)
            }
            for pair in parts[1].utf8.split(separator: UInt8(ascii: ";")).map({ Substring($0) }) {
                let kv = pair.utf8.split(separator: UInt8(ascii: "="), maxSplits: 1).map { String(Substring($0)).trimmingSpaces() }
                guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                    throw line.location.error(.badSlotPair(pair.trimmingCharacters(in: .whitespaces)), offset: text.count + 4)
                }
                slots[kv[0]] = kv[1]
            }
        }
        return Example(text: text, slots: slots, positive: positive, location: line.location)
    }

    // [text] or [text, slots], split at the first " => ".
    private static func splitArrow(_ value: String) -> [String] {
        let bytes = Array(value.utf8)
        let arrow: [UInt8] = Array(" => ".utf8)
        guard bytes.count >= arrow.count else { return [value] }
        for i in 0...(bytes.count - arrow.count) where bytes[i] == arrow[0] && Array(bytes[i..<i + arrow.count]) == arrow {
            return [String(decoding: bytes[..<i], as: UTF8.self), String(decoding: bytes[(i + arrow.count)...], as: UTF8.self)]
        }
        return [value]
    }
}
