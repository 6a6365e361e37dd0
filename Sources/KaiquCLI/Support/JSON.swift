/// Just enough JSON writing for `kaiqu nlu --json` and `kaiqu serve`, with keys in the order given.
enum JSON {
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` to `out` as a JSON string, quotes included.
    static func append(_ text: String, to out: inout [UInt8]) {
        // By bytes: a reply is mostly Chinese, which passes through untouched, a run at a time.
        // Quotes, backslashes, controls and U+2028/2029 (line breaks to JavaScript) are escaped.
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 16)
            out.append(0x22)
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
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22: replace(1, with: "\\\"")
                case 0x5C: replace(1, with: "\\\\")
                case 0x0A: replace(1, with: "\\n")
                case 0x0D: replace(1, with: "\\r")
                case 0x09: replace(1, with: "\\t")
                case 0..<0x20, 0x7F: replace(1, with: "\\u00" + String(byte, radix: 16).leftPadded(to: 2))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    replace(3, with: bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                default: index += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
            out.append(0x22)
        }
    }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
