/// Lines as they can be printed in a report or a test failure.
public enum LineText {
    /// Control and format characters shown as escapes, bad bytes as U+FFFD, cut at `limit`
    /// characters with the line's length in bytes.
    public static func printable(_ bytes: [UInt8], limit: Int = 60) -> String {
        var text = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars.prefix(limit) {
            text += scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.properties.generalCategory == .format
                ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return text + (bytes.count > limit ? "… (\(bytes.count) bytes)" : "")
    }
}
