/// A string as a dictionary key by its UTF-8 bytes: hashed and compared byte for byte.
///
/// A `String` key hashes its text in normalization form C, which costs several hundred
/// instructions even for one Chinese character. The parser's keys are folded text already,
/// so their bytes tell them apart as well; and a message looks up a surname for each of its
/// tokens, in the reading thread of a bridge that parses every message.
public struct BytesKey: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (lhs: BytesKey, rhs: BytesKey) -> Bool {
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in right.withUTF8 { b in a.elementsEqual(b) } }
    }
}
