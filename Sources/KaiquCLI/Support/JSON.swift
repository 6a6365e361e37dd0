/// Just enough JSON writing for `kaiqu nlu --json` and `kaiqu serve`, with keys in the order given.
enum JSON {
    static func string(_ text: String) -> String {
        // By bytes: a reply is mostly Chinese, which passes through untouched. Quotes,
        // backslashes, controls and U+2028/2029 (line breaks to JavaScript) are escaped.
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = [0x22]
            out.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22, 0x5C: out.append(0x5C); out.append(byte)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0..<0x20, 0x7F: out += Array("\\u00".utf8) + Array(String(byte, radix: 16).leftPadded(to: 2).utf8)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
