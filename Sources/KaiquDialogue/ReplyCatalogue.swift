import KaiquNLU

/// Every sentence Kaiqu says, from the `reply` blocks of intents/, in zh, zh-Hant and en.
///
///     reply greet
///       zh: 你好！我是开渠。
///       zh-Hant: 你好！我是開渠。
///       en: Hi! I'm Kaiqu.
///
/// `{name}` in a reply is filled from the reply's parameters. zh and en are required;
/// a reply without zh-Hant is converted from zh when a rep first writes traditional
/// (`filledTraditional`), so writing zh-Hant is only needed where the conversion is wrong.
public struct ReplyCatalogue: Sendable {
    private var texts: [String: Entry] = [:]
    /// Replies without a zh-Hant text, for `kaiqu check`.
    public private(set) var missingTraditional: [SourceLocation] = []
    private var missingTraditionalKeys: [String] = []

    public init(blocks: [DataBlock]) throws(DataErrors) {
        var errors: [DataError] = []
        for block in blocks where block.kind == "reply" {
            var entry = Entry()
            for line in block.lines {
                switch line.key {
                case "zh": entry[.zhHans] = line.value
                case "zh-Hant": entry[.zhHant] = line.value
                case "en": entry[.en] = line.value
                default:
                    errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "reply", expected: ["zh", "zh-Hant", "en"])))
                }
            }
            for (language, key) in [(Language.zhHans, "zh"), (.en, "en")] where entry[language] == nil {
                errors.append(block.location.error(.missingReplyLanguage(reply: block.name, language: key)))
            }
            if entry[.zhHant] == nil {
                missingTraditional.append(block.location)
                missingTraditionalKeys.append(block.name)
            }
            texts[block.name] = entry
        }
        for key in ReplyKeys.required where texts[key] == nil {
            let at = blocks.first?.location ?? SourceLocation(file: "intents/replies.kaiqu", line: 1, column: 1)
            errors.append(DataError(file: at.file, line: 1, column: 1, problem: .missingReply(key)))
        }
        if !errors.isEmpty { throw DataErrors(errors) }
    }

    /// The catalogue with every missing zh-Hant text made from its zh text by `convert`, which
    /// takes and returns the texts in order (one call, since a conversion is costly to set up).
    public func filledTraditional(_ convert: ([String]) -> [String]) -> ReplyCatalogue {
        let keys = missingTraditionalKeys.filter { texts[$0]?[.zhHant] == nil }
        guard !keys.isEmpty else { return self }
        let converted = convert(keys.map { texts[$0]?[.zhHans] ?? "" })
        guard converted.count == keys.count else { return self }
        var filled = self
        for (key, text) in zip(keys, converted) { filled.texts[key]?[.zhHant] = text }
        return filled
    }

    /// Adds a text from another kind of block (a checklist item, a playbook line) under `key`,
    /// so it renders and turns traditional as replies do.
    mutating func add(_ key: String, _ language: Language, _ text: String) {
        texts[key, default: Entry()][language] = text
        if language == .zhHans { missingTraditionalKeys.append(key) }
    }

    /// True when the catalogue has a reply with this key.
    public func has(_ key: String) -> Bool { texts[key] != nil }

    /// Every reply whose key starts with `prefix`, rendered in each language, by the rest of
    /// its key: `field.` gives the labels of the card's fields.
    func rendered(prefixed prefix: String) -> [String: [Language: String]] {
        var found: [String: [Language: String]] = [:]
        for key in texts.keys where key.hasPrefix(prefix) {
            found[String(key.dropFirst(prefix.count))] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, render(key, $0)) })
        }
        return found
    }

    /// The text of `key` in `language`, with `{name}` replaced from `parameters`.
    /// An unknown key renders as the key itself, so a mistake shows instead of crashing.
    public func render(_ key: String, _ language: Language, _ parameters: ReplyParameters = [:]) -> String {
        guard let entry = texts[key] else { return key }
        guard let template = entry.template(language) else { return key }
        guard !template.pieces.isEmpty else { return template.text }
        var out = ""
        out.reserveCapacity(template.text.utf8.count + 32)
        var one = false
        for piece in template.pieces {
            switch piece {
            case .literal(let chunk):
                // append(contentsOf:) with a Substring copies its bytes; `+=` took the generic
                // path for any sequence of characters, a fifth of a reply's rendering.
                out.append(contentsOf: one ? Self.singular(chunk) : chunk)
                one = false
            case .parameter(let name):
                let value = parameters[name] ?? "{\(name)}"
                out += value
                // English counts: 1 day, 1 customer (the templates are written for many).
                one = language == .en && value == "1"
            }
        }
        return out
    }

    /// What a reply of two values puts before, between and after them (`{a}、{b}` → "", "、",
    /// ""), read from its pieces: for joining a list without rendering the reply per item.
    /// Nil unless its text has exactly `{first}` and then `{second}`.
    public func around(_ key: String, _ language: Language, first: String, second: String) -> (before: Substring, between: Substring, after: Substring)? {
        guard let pieces = texts[key]?.template(language)?.pieces, pieces.count == 5,
              case .literal(let before) = pieces[0], case .parameter(first) = pieces[1],
              case .literal(let between) = pieces[2], case .parameter(second) = pieces[3],
              case .literal(let after) = pieces[4] else { return nil }
        return (before, between, after)
    }

    /// A reply's texts by language, each split once into its literal chunks and `{name}`s:
    /// a reply is rendered for every line of every list.
    struct Entry: Sendable {
        private var zhHans: Template?
        private var zhHant: Template?
        private var en: Template?

        subscript(language: Language) -> String? {
            get {
                switch language {
                case .zhHans: zhHans?.text
                case .zhHant: zhHant?.text
                case .en: en?.text
                }
            }
            set {
                let template = newValue.map(Template.init)
                switch language {
                case .zhHans: zhHans = template
                case .zhHant: zhHant = template
                case .en: en = template
                }
            }
        }

        /// The language's text, else the zh one.
        func template(_ language: Language) -> Template? {
            switch language {
            case .zhHans: zhHans
            case .zhHant: zhHant ?? zhHans
            case .en: en ?? zhHans
            }
        }
    }

    struct Template: Sendable {
        enum Piece: Sendable {
            case literal(Substring)
            case parameter(String)
        }

        let text: String
        /// Empty when the text has no `{name}`.
        let pieces: [Piece]

        init(_ text: String) {
            self.text = text
            // Scanned as UTF-8 bytes: `{` and `}` never occur inside a multi-byte character.
            let bytes = text.utf8
            var pieces: [Piece] = []
            var rest = bytes.startIndex
            while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")),
                  let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
                pieces.append(.literal(Substring(bytes[rest..<open])))
                pieces.append(.parameter(String(Substring(bytes[bytes.index(after: open)..<close]))))
                rest = bytes.index(after: close)
            }
            if !pieces.isEmpty { pieces.append(.literal(Substring(bytes[rest...]))) }
            self.pieces = pieces
        }
    }

    private static let singulars: [Substring: Substring] = [
        "days": "day", "customers": "customer", "visits": "visit", "orders": "order", "cards": "card", "reps": "rep",
        "payments": "payment", "times": "time", "weeks": "week", "months": "month", "deals": "deal", "objections": "objection",
        "accounts": "account", "contacts": "contact", "calls": "call", "lines": "line", "items": "item",
    ]

    // " customers match…" after a 1 → " customer match…".
    private static func singular(_ chunk: Substring) -> Substring {
        guard chunk.first == " " else { return chunk }
        let word = chunk.dropFirst().prefix { $0.isLetter }
        guard let one = singulars[word] else { return chunk }
        return " " + one + chunk.dropFirst(1 + word.count)
    }

    /// Renders a reply effect.
    public func render(_ reply: Reply) -> String { render(reply.key, reply.language, reply.parameters) }
}

extension ReplyCatalogue {
    /// Yuan as a rep writes it: 50000 → 5万, 3500 → 3500 元; ¥50,000 in English.
    public func money(_ yuan: Int, _ language: Language) -> String {
        if language != .en, yuan >= 10_000, yuan % 1_000 == 0 {
            let wan = Double(yuan) / 10_000
            return render("money.wan", language, ["amount": wan == wan.rounded() ? String(Int(wan)) : String(wan)])
        }
        guard language == .en else { return render("money.yuan", language, ["amount": String(yuan)]) }
        var digits = String(yuan)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return render("money.yuan", language, ["amount": digits + grouped])
    }
}
