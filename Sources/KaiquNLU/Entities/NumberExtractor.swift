/// Plain digit runs ("3", "13800138000", full-width "１２" after folding): the value is the digits.
public struct NumberExtractor: EntityExtractor {
    public let name = "number"
    public init() {}

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        for token in tokens where token.text.unicodeScalars.first.map({ $0.value >= 0x30 && $0.value <= 0x39 }) == true {
            entities.append(Entity(type: "number", range: token.range, value: token.text, source: name))
        }
    }
}
