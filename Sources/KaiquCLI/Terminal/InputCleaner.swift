/// Makes a raw line safe to read and to echo: valid UTF-8 only, no terminal escape sequences,
/// no control characters. Nothing that came in can ever drive the terminal on the way out.
enum InputCleaner {
    enum Cleaned: Equatable {
        case text(String)
        case empty
        case unreadable
    }

    static func clean(_ bytes: [UInt8]) -> Cleaned {
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return .unreadable }
        // What is kept is gathered as UTF-8 and made a String once: appending scalars to a
        // String one by one costs several times more.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var scalars = decoded.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s.value {
            case 0x1B:
                skipEscape(&scalars)
            case 0x09:
                out.append(UInt8(ascii: " "))
            case 0x00..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                // Controls, and bidi overrides that would make a line display unlike its text.
                continue
            default:
                UTF8.encode(s) { out.append($0) }
            }
        }
        let text = String(decoding: out, as: UTF8.self).trimmingSpaces()
        return text.isEmpty ? .empty : .text(text)
    }

    // ESC [ … final, ESC ] … BEL or ESC \, or ESC and one character.
    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[":
            while let s = scalars.next(), !(0x40...0x7E).contains(s.value) {}
        case "]", "P", "_", "^":
            var previous: Unicode.Scalar = " "
            while let s = scalars.next() {
                if s.value == 0x07 || (previous.value == 0x1B && s == "\\") { break }
                previous = s
            }
        default:
            break
        }
    }
}
