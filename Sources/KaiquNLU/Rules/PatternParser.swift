/// Turns the text of a pattern into elements.
///
///     word        fixed text; Chinese is matched character by character, English word by word
///     (a|b|c)     one of the alternatives
///     [a|b]       optional: one of the alternatives, or nothing
///     {type}      a typed slot, named after its type: {customer} {name} {number} {role} …
///     {name:type} a slot with its own name: {note:text}, {value:text}
///     ~list       any entry of a named synonym list
///     *           one or more tokens of anything
struct PatternParser {
    let source: String
    let location: SourceLocation
    let compiler: RuleCompiler

    // Scalars, not Characters: grapheme breaking made pattern parsing a fifth of start-up.
    private var chars: [Unicode.Scalar] = []
    private var index = 0

    init(source: String, location: SourceLocation, compiler: RuleCompiler) {
        self.source = source
        self.location = location
        self.compiler = compiler
        self.chars = Array(source.unicodeScalars)
    }

    mutating func parse() throws(DataError) -> [PatternElement] {
        let elements = try sequence(closing: nil)
        if elements.isEmpty {
            throw location.error(.emptyPattern)
        }
        return elements
    }

    private mutating func sequence(closing: Unicode.Scalar?) throws(DataError) -> [PatternElement] {
        var elements: [PatternElement] = []
        while index < chars.count {
            let c = chars[index]
            if c == closing || (closing != nil && c == "|") { break }
            switch c {
            case " ", "\t":
                index += 1
            case "(", "[":
                let start = index
                index += 1
                let close: Unicode.Scalar = c == "(" ? ")" : "]"
                var alternatives: [[PatternElement]] = []
                while true {
                    alternatives.append(try sequence(closing: close))
                    guard index < chars.count else {
                        throw location.error(.unclosed(String(c)), offset: start)
                    }
                    index += 1
                    if chars[index - 1] == close { break }
                }
                if alternatives.contains(where: \.isEmpty) {
                    throw location.error(.emptyAlternative, offset: start)
                }
                elements.append(.choice(alternatives, optional: c == "["))
            case "{":
                let start = index
                guard let end = chars[index...].firstIndex(of: "}") else {
                    throw location.error(.unclosed("{"), offset: start)
                }
                let inside = Self.string(chars[index + 1..<end]).trimmingSpaces()
                index = end + 1
                let parts = inside.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
                let name = parts.first ?? ""
                let typeName = parts.count == 2 ? parts[1] : name
                guard !name.isEmpty, let type = compiler.slotType(named: typeName) else {
                    throw location.error(.unknownSlotType(typeName, known: compiler.slotTypeNames), offset: start)
                }
                elements.append(.slot(name: name, type: type))
            case "~":
                let start = index
                index += 1
                var name = ""
                while index < chars.count, chars[index].isASCII,
                      chars[index].properties.isAlphabetic || chars[index].isASCIIDigit || chars[index] == "-" || chars[index] == "_" {
                    name.unicodeScalars.append(chars[index])
                    index += 1
                }
                guard let element = compiler.listElement(named: name) else {
                    throw location.error(.unknownList(name), offset: start)
                }
                elements.append(element)
            case "*":
                index += 1
                elements.append(.wildcard)
            case ")", "]", "}", "|":
                throw location.error(.strayCharacter(String(c)), offset: index)
            default:
                let start = index
                while index < chars.count, !Self.isDelimiter(chars[index]) { index += 1 }
                let word = Self.string(chars[start..<index])
                elements.append(contentsOf: compiler.words(word).map(PatternElement.word))
            }
        }
        return elements
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func isDelimiter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "\t", "(", ")", "[", "]", "{", "}", "|", "~", "*": return true
        default: return false
        }
    }
}
