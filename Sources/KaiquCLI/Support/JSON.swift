/// Just enough JSON writing for `kaiqu nlu --json` and `kaiqu serve`, with keys in the order given.
enum JSON {
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` to `out` as a JSON string, quotes included.
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        appendEscaped(text, to: &out)
        out.append(0x22)
    }

    /// Appends `text` to `out` escaped as inside a JSON string, without quotes.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        // By bytes: a reply is mostly Chinese, which passes through untouched, a run at a time;
        // a byte is looked up in `escaped` (every reply of every response goes through here).
        // Quotes, backslashes, controls and U+2028/2029 (line breaks to JavaScript) are escaped.
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 16)
            var run = 0
            var index = 0
            // The bytes before `index` since the last escape, then `escape` for the `length`
            // bytes at `index`.
            func replace(_ length: Int, with escape: String) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                out.append(contentsOf: escape.utf8)
                index += length
                run = index
            }
            escaped.withUnsafeBufferPointer { escaped in
                while index < bytes.count {
                    let byte = bytes[index]
                    guard escaped[Int(byte)] else {
                        index += 1
                        continue
                    }
                    switch byte {
                    case 0x22: replace(1, with: "\\\"")
                    case 0x5C: replace(1, with: "\\\\")
                    case 0x0A: replace(1, with: "\\n")
                    case 0x0D: replace(1, with: "\\r")
                    case 0x09: replace(1, with: "\\t")
                    case 0xE2:
                        guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                            index += 1
                            continue
                        }
                        replace(3, with: bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    default: replace(1, with: "\\u00" + String(byte, radix: 16).leftPadded(to: 2))
                    }
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
    }

    /// The bytes `appendEscaped` looks at twice: controls, the quote, the backslash, DEL, and 0xE2 (the
    /// first byte of U+2028 and U+2029).
    private static let escaped: [Bool] = (0...255).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
