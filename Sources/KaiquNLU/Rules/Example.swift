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
        let (sentence, slotText) = Self.splitArrow(line.value)
        let text = sentence.trimmingSpaces()
        guard !text.isEmpty else {
            throw line.location.error(.emptyExample)
        }
        var slots: [String: String] = [:]
        if let slotText {
            guard positive else {
                throw line.location.error(.negativeExampleWithSlots)
            }
            for pair in slotText.utf8.split(separator: UInt8(ascii: ";")).map({ Substring($0) }) {
                let kv = pair.utf8.split(separator: UInt8(ascii: "="), maxSplits: 1).map { String(Substring($0)).trimmingSpaces() }
                guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                    throw line.location.error(.badSlotPair(pair.trimmingCharacters(in: .whitespaces)), offset: text.count + 4)
                }
                slots[kv[0]] = kv[1]
            }
        }
        return Example(text: text, slots: slots, positive: positive, location: line.location)
    }

    // The text before the first " => ", and what follows it (nil without an arrow). By bytes:
    // Foundation's components(separatedBy:) made examples a tenth of start-up.
    private static func splitArrow(_ value: String) -> (String, Substring?) {
        let bytes = value.utf8
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == UInt8(ascii: " "), bytes[i...].starts(with: " => ".utf8) {
                let after = bytes.index(i, offsetBy: 4)
                return (String(Substring(bytes[..<i])), Substring(bytes[after...]))
            }
            i = bytes.index(after: i)
        }
        return (value, nil)
    }
}
