/// A JSON value (RFC 8259) read from bytes, as `kaiqu serve` reads its request lines. Written
/// here rather than read with Foundation's JSONSerialization, which cost a fifth of the
/// reading thread's work a message (its strings go through a generic decoder).
enum JSONValue: Equatable {
    case string(String)
    /// As written: `7`, `-1.5e3`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// In the order written: a request has four or five, found by name faster in a list than
    /// hashed into a dictionary.
    case object([Member])

    struct Member: Equatable {
        let name: String
        let value: JSONValue
    }

    /// An object's member of this name (the last, if it has two); nil for any other value.
    subscript(member name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.name.utf8.elementsEqual(name.utf8) }?.value
    }
}

/// Reads one JSON value; `value(of:)` is nil unless the bytes are exactly one value, with
/// white space around it at most.
struct JSONReader {
    private let bytes: [UInt8]
    private var at = 0
    private var depth = 0

    /// Arrays and objects nest this deep at most: a line of ten thousand "[" is refused, not
    /// read into a stack overflow.
    static let maxDepth = 256

    static func value(of bytes: [UInt8]) -> JSONValue? {
        // Valid UTF-8 as a whole, so each string in it is: checked once, not string by string.
        guard bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var reader = JSONReader(bytes: bytes)
        guard let value = reader.value() else { return nil }
        reader.skipSpace()
        return reader.at == bytes.count ? value : nil
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { at += 1 }
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        switch current {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return word("true", .bool(true))
        case UInt8(ascii: "f"): return word("false", .bool(false))
        case UInt8(ascii: "n"): return word("null", .null)
        case let byte?: return byte == UInt8(ascii: "-") || Self.isDigit(byte) ? number() : nil
        case nil: return nil
        }
    }

    private mutating func word(_ text: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { return nil }
        for index in 0..<count where bytes[at + index] != text.utf8Start[index] { return nil }
        at += count
        return value
    }

    private mutating func object() -> JSONValue? {
        var members: [JSONValue.Member] = []
        let read = items(closedBy: UInt8(ascii: "}")) { reader in
            reader.skipSpace()
            guard reader.current == UInt8(ascii: "\""), let name = reader.string() else { return false }
            reader.skipSpace()
            guard reader.current == UInt8(ascii: ":") else { return false }
            reader.at += 1
            guard let member = reader.value() else { return false }
            members.append(JSONValue.Member(name: name, value: member))
            return true
        }
        return read ? .object(members) : nil
    }

    private mutating func array() -> JSONValue? {
        var elements: [JSONValue] = []
        let read = items(closedBy: UInt8(ascii: "]")) { reader in
            guard let element = reader.value() else { return false }
            elements.append(element)
            return true
        }
        return read ? .array(elements) : nil
    }

    // The items of an array or an object from its opening bracket to `close`, separated by
    // commas, each read by `item`; true when all were read and the bracket closed.
    private mutating func items(closedBy close: UInt8, _ item: (inout JSONReader) -> Bool) -> Bool {
        guard depth < Self.maxDepth else { return false }
        depth += 1
        defer { depth -= 1 }
        at += 1
        skipSpace()
        if current == close {
            at += 1
            return true
        }
        while true {
            guard item(&self) else { return false }
            skipSpace()
            switch current {
            case UInt8(ascii: ","): at += 1
            case close:
                at += 1
                return true
            default: return false
            }
        }
    }

    // A string from its opening quote: no control characters, valid escapes and UTF-8.
    private mutating func string() -> String? {
        at += 1
        let start = at
        // Most strings have no escape: their bytes are the text.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { return nil }
            at += 1
        }
        guard let stop = current else { return nil }
        if stop == UInt8(ascii: "\"") {
            defer { at += 1 }
            return Self.text(bytes[start..<at])
        }
        var text = Array(bytes[start..<at])
        while let byte = current {
            at += 1
            switch byte {
            case UInt8(ascii: "\""): return Self.text(text[...])
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return nil }
                at += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = escapedScalar() else { return nil }
                    UTF8.encode(scalar) { text.append($0) }
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                text.append(byte)
            }
        }
        return nil
    }

    // The scalar of a \u escape after its "u", a surrogate pair read whole; a lone surrogate
    // is refused.
    private mutating func escapedScalar() -> Unicode.Scalar? {
        guard let first = hex4() else { return nil }
        switch first {
        case 0xD800...0xDBFF:
            guard current == UInt8(ascii: "\\"), at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "u") else { return nil }
            at += 2
            guard let second = hex4(), (0xDC00...0xDFFF).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        case 0xDC00...0xDFFF: return nil
        default: return Unicode.Scalar(first)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[at..<at + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        at += 4
        return value
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func number() -> JSONValue? {
        let start = at
        if current == UInt8(ascii: "-") { at += 1 }
        guard let first = current, Self.isDigit(first) else { return nil }
        at += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            at += 1
            guard skipDigits() else { return nil }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            at += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { at += 1 }
            guard skipDigits() else { return nil }
        }
        return .number(String(decoding: bytes[start..<at], as: UTF8.self))
    }

    // Skips digits; true when there was one at least.
    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = at
        while let byte = current, Self.isDigit(byte) { at += 1 }
        return at > start
    }

    // Bytes known to be UTF-8 as a String: `value(of:)` checked the line whole, and escapes
    // write whole scalars.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
