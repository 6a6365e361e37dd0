/// What the bridge does to a reply before a messaging platform gets it: group messages
/// addressed to the bot, phone numbers masked in groups, and texts cut to the platform's size.
enum ReplyShaping {
    /// The text of a group message addressed to the bot (`@开渠 …`, `…@开渠`, or the prefix),
    /// without the address; nil for a message to the others in the group.
    static func addressed(_ text: String, botName: String, prefix: String?) -> String? {
        let trimmed = text.trimmingSpaces
        for at in ["@", "＠"] {
            let mention = at + botName
            if trimmed.hasPrefix(mention) { return String(trimmed.dropFirst(mention.count)).trimmingSpaces }
            if trimmed.hasSuffix(mention) { return String(trimmed.dropLast(mention.count)).trimmingSpaces }
        }
        if let prefix, !prefix.isEmpty, trimmed.hasPrefix(prefix) { return String(trimmed.dropFirst(prefix.count)).trimmingSpaces }
        return nil
    }

    /// Phone numbers with the middle digits hidden (13800138000 → 138****8000; 138-0013-8003
    /// → 138-****-8003): a group sees that a number is on the card, not the number. A phone
    /// is a run of 7 to 15 digits, grouped by single spaces or hyphens; other numbers
    /// (amounts, dates, times) are shorter or grouped otherwise.
    static func maskPhones(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                index += 1
                continue
            }
            // The run: groups of digits, with single joiners between them.
            var end = index
            var groups: [[Int]] = [[]]
            while end < scalars.count {
                if isDigit(scalars[end]) { groups[groups.count - 1].append(end); end += 1; continue }
                if isJoiner(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) { groups.append([]); end += 1; continue }
                break
            }
            // A phone is written whole (13800138000), after an area or country code
            // (021-12345678, +86 13800138000), or in groups of three or four digits
            // (138-0013-8003, +852 9123 4567). A date's or a time's groups have two digits
            // (2026-11-18 15:00) and end it; a long group after a whole number is another one.
            let international = index > 0 && scalars[index - 1] == "+"
            var phone: [Int] = []
            for (offset, group) in groups.enumerated() {
                if group.count >= 5 {
                    if offset == 0 || offset == 1 && phone.count <= 4 { phone += group }
                    break
                }
                guard group.count >= 3 || offset == 0 && international else { break }
                phone += group
            }
            let whole = phone.count == groups.reduce(0) { $0 + $1.count }
            let followedByWord = whole && end < scalars.count && (scalars[end].properties.isAlphabetic && scalars[end].isASCII || scalars[end] == ".")
            if (7...15).contains(phone.count), !followedByWord {
                for position in phone.dropFirst(3).dropLast(4) { scalars[position] = "*" }
            }
            index = end
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == " " }

    /// A text cut into parts of at most `limit` UTF-8 bytes, between lines where it can be
    /// and between characters where a line alone is longer.
    static func split(_ text: String, limit: Int) -> [String] {
        let bytes = text.utf8
        guard bytes.count > limit else { return [text] }
        // Lines are found and measured as UTF-8 bytes (a newline is never inside a character),
        // by offset in the text's own bytes: a long list is cut for every turn that shows one.
        var copy = text
        let lineEnds: [Int] = copy.withUTF8 { buffer in
            var ends: [Int] = []
            for offset in buffer.indices where buffer[offset] == 0x0A { ends.append(offset) }
            ends.append(buffer.count)
            return ends
        }
        func at(_ offset: Int) -> String.Index { bytes.index(bytes.startIndex, offsetBy: offset) }
        var parts: [String] = []
        var partStart = 0, partEnd = 0, partBytes = 0
        var lineStart = 0
        func flush() {
            if partBytes > 0 { parts.append(String(text[at(partStart)..<at(partEnd)])) }
            partBytes = 0
        }
        for lineEnd in lineEnds {
            let count = lineEnd - lineStart
            if partBytes > 0, partBytes + 1 + count <= limit {
                partEnd = lineEnd
                partBytes += 1 + count
            } else if count <= limit {
                flush()
                partStart = lineStart
                partEnd = lineEnd
                partBytes = count
            } else {
                // A line alone longer than the limit: cut between characters.
                flush()
                var current = ""
                for character in text[at(lineStart)..<at(lineEnd)] {
                    if current.utf8.count + character.utf8.count > limit {
                        parts.append(current)
                        current = ""
                    }
                    current.append(character)
                }
                if !current.isEmpty { parts.append(current) }
            }
            lineStart = lineEnd + 1
        }
        flush()
        return parts
    }

    /// Replies joined into at most `count` messages (the later ones gathered into the last),
    /// each within `limit` bytes where the texts allow: fewer messages for a group near its rate.
    static func coalesce(_ replies: [String], into count: Int, limit: Int) -> [String] {
        guard replies.count > count, count >= 1 else { return replies }
        var messages = Array(replies.prefix(count - 1))
        messages.append(replies.dropFirst(count - 1).joined(separator: "\n\n"))
        return messages.flatMap { split($0, limit: limit) }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
