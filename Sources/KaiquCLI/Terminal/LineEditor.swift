import KaiquDialogue
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small line editor for the chat on a terminal: arrows, Home/End, Backspace and Delete by
/// whole characters (a Chinese character goes in one keystroke), Ctrl-A/E/B/F/K/U/W/L,
/// history with ↑/↓ kept in a file, and a cursor placed by display width.
final class LineEditor {
    enum Result {
        case line(String)
        case endOfInput
    }

    private let input: Int32
    private let output: Output
    private let raw: RawMode
    private let historyPath: String?
    private var history: [String] = []
    private static let historyLimit = 1_000

    init(input: Int32, output: Output, historyPath: String?) {
        self.input = input
        self.output = output
        self.raw = RawMode(fd: input)
        self.historyPath = historyPath
        if let historyPath, let text = try? String(contentsOfFile: historyPath, encoding: .utf8) {
            history = text.split(separator: "\n").map(String.init).suffix(Self.historyLimit)
        }
    }

    /// Reads one line after showing `prompt` (already styled) of `promptWidth` columns.
    func readLine(prompt: String, promptWidth: Int) -> Result {
        guard raw.enable() else { return .endOfInput }
        defer { raw.disable() }
        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var draft: [Character] = []

        func redraw() {
            let columns = max(raw.columns - promptWidth - 1, 10)
            // Scroll sideways so the cursor stays visible on one terminal row.
            var first = 0
            while DisplayWidth.of(String(buffer[first..<cursor])) > columns { first += 1 }
            var last = cursor
            var width = DisplayWidth.of(String(buffer[first..<cursor]))
            while last < buffer.count, width + DisplayWidth.of(buffer[last]) <= columns {
                width += DisplayWidth.of(buffer[last])
                last += 1
            }
            let back = DisplayWidth.of(String(buffer[cursor..<last]))
            output.write("\r" + prompt + String(buffer[first..<last]) + "\u{1B}[K" + (back > 0 ? "\u{1B}[\(back)D" : ""))
        }

        redraw()
        while let key = readKey() {
            switch key {
            case .enter:
                output.write("\r\n")
                let line = String(buffer)
                remember(line)
                return .line(line)
            case .character(let c):
                buffer.insert(c, at: cursor)
                cursor += 1
            case .backspace:
                if cursor > 0 {
                    buffer.remove(at: cursor - 1)
                    cursor -= 1
                }
            case .delete:
                if cursor < buffer.count { buffer.remove(at: cursor) }
            case .endOfInput:
                if buffer.isEmpty {
                    output.write("\r\n")
                    return .endOfInput
                }
                if cursor < buffer.count { buffer.remove(at: cursor) }
            case .interrupt:
                output.write("^C\r\n")
                buffer = []
                cursor = 0
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(buffer.count, cursor + 1)
            case .home: cursor = 0
            case .end: cursor = buffer.count
            case .killToEnd: buffer.removeSubrange(cursor...)
            case .killToStart:
                buffer.removeSubrange(..<cursor)
                cursor = 0
            case .killWord:
                var start = cursor
                while start > 0, buffer[start - 1] == " " { start -= 1 }
                while start > 0, buffer[start - 1] != " " { start -= 1 }
                buffer.removeSubrange(start..<cursor)
                cursor = start
            case .clearScreen:
                output.write("\u{1B}[H\u{1B}[2J")
            case .up, .down:
                if historyIndex == history.count { draft = buffer }
                historyIndex = key == .up ? max(0, historyIndex - 1) : min(history.count, historyIndex + 1)
                buffer = historyIndex == history.count ? draft : Array(history[historyIndex])
                cursor = buffer.count
            case .ignored:
                continue
            }
            redraw()
        }
        return .endOfInput
    }

    private func remember(_ line: String) {
        let line = line.trimmingSpaces()
        guard !line.isEmpty, history.last != line else { return }
        history.append(line)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        guard let historyPath else { return }
        // Rewritten whole: the file stays short, and a crash mid-write loses at most history.
        let text = history.joined(separator: "\n") + "\n"
        _ = try? text.write(toFile: historyPath, atomically: true, encoding: .utf8)
        // A history from before files were made private is made so now.
        chmod(historyPath, 0o600)
    }

    enum Key: Equatable {
        case character(Character)
        case enter, backspace, delete, endOfInput, interrupt
        case left, right, up, down, home, end
        case killToEnd, killToStart, killWord, clearScreen, ignored
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func readKey() -> Key? {
        guard let byte = readByte() else { return nil }
        switch byte {
        case 13, 10: return .enter
        case 127, 8: return .backspace
        case 4: return .endOfInput
        case 3: return .interrupt
        case 1: return .home
        case 5: return .end
        case 2: return .left
        case 6: return .right
        case 11: return .killToEnd
        case 21: return .killToStart
        case 23: return .killWord
        case 12: return .clearScreen
        case 16: return .up
        case 14: return .down
        case 27: return readEscape()
        case 0..<32: return .ignored
        default:
            var bytes = [byte]
            let expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            while bytes.count < expected, let more = readByte() { bytes.append(more) }
            guard let text = String(validating: bytes, as: UTF8.self), let c = text.first else { return .ignored }
            // Controls and bidi overrides typed or pasted into the line never reach the screen.
            if case .empty = InputCleaner.clean(Array(String(c).utf8)), c != " " { return .ignored }
            return .character(c)
        }
    }

    // ESC [ A…, ESC O H…, ESC [ 3 ~ …; anything else is swallowed whole.
    private func readEscape() -> Key {
        guard let kind = readByte() else { return .ignored }
        guard kind == 91 || kind == 79 else { return .ignored }
        var parameter = ""
        while let b = readByte() {
            if (0x40...0x7E).contains(b) {
                switch (b, parameter) {
                case (65, _): return .up
                case (66, _): return .down
                case (67, _): return .right
                case (68, _): return .left
                case (72, _): return .home
                case (70, _): return .end
                case (126, "1"), (126, "7"): return .home
                case (126, "4"), (126, "8"): return .end
                case (126, "3"): return .delete
                default: return .ignored
                }
            }
            parameter.append(Character(Unicode.Scalar(b)))
            if parameter.count > 16 { return .ignored }
        }
        return .ignored
    }

}
