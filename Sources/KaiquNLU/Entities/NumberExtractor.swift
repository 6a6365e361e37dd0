/// Plain numbers: digit runs ("3", "13800138000", full-width "１２" after folding) and Chinese
/// numerals (三十, 两, 十五) as their value in digits. A lone 一 is left alone: 一下, 一个 and
/// 一起 are words, not numbers.
public struct NumberExtractor: EntityExtractor {
    public let name = "number"
    public init() {}

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        for token in tokens where token.text.unicodeScalars.first.map({ $0.value >= 0x30 && $0.value <= 0x39 }) == true {
            entities.append(Entity(type: "number", range: token.range, value: token.text, source: name))
        }
        let s = text.scalars
        var i = 0
        while i < s.count {
            guard !s[i].isASCIIDigit, Numerals.canStart(s[i]), i == 0 || !Numerals.canStart(s[i - 1]),
                  let reading = Numerals.read(s, at: i), reading.isChinese else {
                i += 1
                continue
            }
            if !(reading.end - i == 1 && s[i] == "一") {
                entities.append(Entity(type: "number", range: i..<reading.end, value: Numerals.format(reading.value), source: name))
            }
            i = reading.end
        }
    }
}
