/// E-mail addresses, lower-cased (the contract's format): local@domain.tld.
public struct EmailExtractor: EntityExtractor {
    public let name = "email"
    public init() {}

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        let s = text.scalars
        for at in s.indices where s[at] == "@" {
            var start = at
            while start > 0, Self.isLocal(s[start - 1]) { start -= 1 }
            var end = at + 1
            while end < s.count, Self.isDomain(s[end]) { end += 1 }
            // Trailing dots and dashes belong to the sentence, not the address.
            while end > at + 1, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
            let domain = s[(at + 1)..<end]
            guard start < at, let dot = domain.lastIndex(of: "."), dot > at + 1, end - dot - 1 >= 2,
                  s[(dot + 1)..<end].allSatisfy({ ScalarClass($0) == .letter }) else { continue }
            entities.append(Entity(type: "email", range: start..<end, value: text.folded(start..<end), source: name))
        }
    }

    private static func isLocal(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.isASCIIDigit || ScalarClass(c) == .letter || "._%+-".unicodeScalars.contains(c)) && c != "'"
    }

    private static func isDomain(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.isASCIIDigit || ScalarClass(c) == .letter || c == "." || c == "-") && c != "'"
    }
}
