/// Turns the text of a pattern into `PatternOp`s, and works out what a sentence must hold for
/// the pattern to match (`Pattern.required`, `Pattern.requiredTypes`).
///
///     word        fixed text; Chinese is matched character by character, English word by word
///     (a|b|c)     one of the alternatives
///     [a|b]       optional: one of the alternatives, or nothing
///     {type}      a typed slot, named after its type: {customer} {name} {number} {role} …
///     {name:type} a slot with its own name: {note:text}, {value:text}
///     ~list       any entry of a named synonym list
///     *           one or more tokens of anything
///
/// One pass, left to right: ops are written as the text is read, and jumps whose target is
/// not known yet (the end of a choice) are filled in when it is.
struct PatternCompiler {
    let location: SourceLocation

    // UTF-8 bytes: the syntax is ASCII, and a word's text is a run of bytes made into a String
    // in one go (Characters, and then scalars appended one by one, each cost a large share of
    // start-up). Errors give columns in scalars, counted only when there is an error.
    private let bytes: [UInt8]
    private var index = 0
    private var ops: [PatternOp] = []
    // The ids of the word being read, in one array for the whole pattern.
    private var wordIDs: [Int] = []

    init(source: String, location: SourceLocation) {
        self.location = location
        self.bytes = Array(source.utf8)
        ops.reserveCapacity(bytes.count)
    }

    /// The ops, and the word and entity-type groups a matching sentence holds. `rules` gives
    /// the lists, lookups and types the pattern may name, and numbers its words and slots.
    mutating func compile(with rules: inout RuleCompiler) throws(DataError)
        -> (program: [PatternOp], required: [[Int]], requiredTypes: [[Int]]) {
        let needs = try sequence(closing: nil, &rules)
        if ops.isEmpty {
            throw location.error(.emptyPattern)
        }
        resolveLookahead()
        return (ops, needs.words, needs.types)
    }

    /// What a run of elements needs from a sentence. Each fixed word is a group of one; a
    /// choice that must match gives, merged, the first group of each alternative (any will do);
    /// a typed slot that must match needs an entity of its type, and so does a choice whose
    /// every alternative starts with one.
    private struct Needs {
        /// Whether every group is kept: only the pattern's own run needs them all; of an
        /// alternative, a choice only asks for its first group and its first element's types.
        let keepingAll: Bool
        var words: [[Int]] = []
        var types: [[Int]] = []
        /// The first group, which an enclosing choice merges with its other alternatives'.
        var firstGroup: Group?
        /// The entity types the first element needs, if it needs any.
        var firstTypes: [Int]?
        private var elements = 0

        /// One word, or the words a list or a choice gives (no array made for one word).
        enum Group {
            case word(Int)
            case words([Int])
        }

        init(keepingAll: Bool) { self.keepingAll = keepingAll }

        mutating func add(words group: [Int]?, types: [Int]?) {
            if let group, !group.isEmpty {
                if keepingAll { words.append(group) }
                if firstGroup == nil { firstGroup = .words(group) }
            }
            if let types, keepingAll { self.types.append(types) }
            if elements == 0 { firstTypes = types }
            elements += 1
        }

        mutating func add(word id: Int) {
            if firstGroup == nil { firstGroup = .word(id) }
            // A word already required once is not a second group.
            if keepingAll, !words.contains(where: { $0.count == 1 && $0[0] == id }) { words.append([id]) }
            if elements == 0 { firstTypes = nil }
            elements += 1
        }
    }

    private mutating func sequence(closing: UInt8?, _ rules: inout RuleCompiler) throws(DataError) -> Needs {
        var needs = Needs(keepingAll: closing == nil)
        while index < bytes.count {
            let c = bytes[index]
            if c == closing || (closing != nil && c == UInt8(ascii: "|")) { break }
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "("), UInt8(ascii: "["):
                try choice(opening: c, into: &needs, &rules)
            case UInt8(ascii: "{"):
                try slot(into: &needs, &rules)
            case UInt8(ascii: "~"):
                let start = index
                index += 1
                while index < bytes.count, Self.isListNameByte(bytes[index]) { index += 1 }
                let name = text(start + 1, index)
                guard let list = rules.listIndex(named: name) else {
                    throw error(.unknownList(name), at: start)
                }
                ops.append(.list(Int32(list)))
                // Entries are never empty, so each gives its first word; an empty list gives nothing.
                needs.add(words: rules.listFirstWords[list], types: nil)
            case UInt8(ascii: "*"):
                index += 1
                ops.append(.wildcard(next: -1))
                needs.add(words: nil, types: nil)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "|"):
                throw error(.strayCharacter(String(UnicodeScalar(c))), at: index)
            default:
                let start = index
                while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
                wordIDs.removeAll(keepingCapacity: true)
                rules.words(text(start, index), into: &wordIDs)
                for id in wordIDs {
                    ops.append(.word(Int32(id)))
                    needs.add(word: id)
                }
            }
        }
        return needs
    }

    // `(a|b)` or `[a|b]`: the choice op, then each alternative's header and ops.
    private mutating func choice(opening: UInt8, into needs: inout Needs, _ rules: inout RuleCompiler) throws(DataError) {
        let start = index
        index += 1
        let close = opening == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        let optional = opening == UInt8(ascii: "[")
        let choiceAt = ops.count
        ops.append(.choice(optional: optional, end: -1))
        var header = -1
        var anyEmpty = false
        // nil once an alternative gives none: then the choice needs no word (or type) at all.
        var firstWords: [Int]? = []
        var firstTypes: [Int]? = []
        while true {
            if header >= 0 { ops[header] = .alternative(next: Int32(ops.count), first: -1) }
            header = ops.count
            ops.append(.alternative(next: -1, first: -1))
            let alternative = try sequence(closing: close, &rules)
            if ops.count == header + 1 { anyEmpty = true }
            ops.append(.jump(-1))
            switch alternative.firstGroup {
            case .word(let id): firstWords?.append(id)
            case .words(let ids): firstWords?.append(contentsOf: ids)
            case nil: firstWords = nil
            }
            if let types = alternative.firstTypes { firstTypes?.append(contentsOf: types) } else { firstTypes = nil }
            guard index < bytes.count else {
                throw error(.unclosed(String(UnicodeScalar(opening))), at: start)
            }
            index += 1
            if bytes[index - 1] == close { break }
        }
        if anyEmpty {
            throw error(.emptyAlternative, at: start)
        }
        // Each alternative ends with a jump, right before the next header: all now go to the end.
        let end = ops.count
        ops[choiceAt] = .choice(optional: optional, end: Int32(end))
        header = choiceAt + 1
        while case .alternative(let next, _) = ops[header] {
            ops[next >= 0 ? Int(next) - 1 : end - 1] = .jump(Int32(end))
            if next < 0 { break }
            header = Int(next)
        }
        if optional {
            needs.add(words: nil, types: nil)
        } else {
            needs.add(words: firstWords.map(Self.sortedUnique), types: firstTypes)
        }
    }

    private static func sortedUnique(_ ids: [Int]) -> [Int] {
        var unique: [Int] = []
        for id in ids.sorted() where unique.last != id { unique.append(id) }
        return unique
    }

    // `{type}` or `{name:type}`.
    private mutating func slot(into needs: inout Needs, _ rules: inout RuleCompiler) throws(DataError) {
        let start = index
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else {
            throw error(.unclosed("{"), at: start)
        }
        let inside = text(index + 1, end).trimmingSpaces()
        index = end + 1
        let parts = inside.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 1).map { String(Substring($0)).trimmingSpaces() }
        let name = parts.first ?? ""
        let typeName = parts.count == 2 ? parts[1] : name
        guard !name.isEmpty, let type = rules.slotType(named: typeName) else {
            throw error(.unknownSlotType(typeName, known: rules.slotTypeNames), at: start)
        }
        let slot = Int32(rules.slotName(name))
        switch type {
        case .entity(let entityType) where TemporalSlot.isTemporal(entityType):
            ops.append(.anyTime(slot: slot))
            needs.add(words: nil, types: rules.temporalTypes)
        case .entity(let entityType):
            let id = rules.entityType(entityType)
            ops.append(.entity(type: Int32(id), slot: slot))
            needs.add(words: nil, types: [id])
        case .customer:
            ops.append(.customer(type: Int32(rules.entityType("customer")), slot: slot))
            needs.add(words: nil, types: nil)
        case .name:
            ops.append(.name(slot: slot))
            needs.add(words: nil, types: nil)
        case .text:
            ops.append(.text(slot: slot))
            needs.add(words: nil, types: nil)
        }
    }

    // Fills in what the matcher may look at before trying a branch: the word each alternative
    // starts with, and the word that must follow a wildcard (through the jumps that end
    // alternatives), so a wildcard only ends where that word is.
    private mutating func resolveLookahead() {
        func wordAt(_ pc: Int) -> Int32 {
            var pc = pc
            while pc < ops.count {
                switch ops[pc] {
                case .word(let id): return id
                case .jump(let target): pc = Int(target)
                default: return -1
                }
            }
            return -1
        }
        for pc in ops.indices {
            switch ops[pc] {
            case .alternative(let next, _):
                if case .word(let id) = ops[pc + 1] { ops[pc] = .alternative(next: next, first: id) }
            case .wildcard:
                ops[pc] = .wildcard(next: wordAt(pc + 1))
            default:
                break
            }
        }
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // An error at byte `at`, its column counted in scalars as the rest of intents/ is.
    private func error(_ problem: DataProblem, at byte: Int) -> DataError {
        location.error(problem, offset: bytes[..<byte].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
    }

    private static func isListNameByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }
}
