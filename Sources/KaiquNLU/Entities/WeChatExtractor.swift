/// WeChat ids after a cue (微信, 微信号, vx, wx, wechat): 6–20 characters starting with a
/// letter (letters, digits, '-' and '_'), or a mobile number, which many reps use as their id.
/// The value is the id as typed.
public struct WeChatExtractor: EntityExtractor {
    public let name = "wechat"
    public init() {}

    private static let cues = Cues(["微信", "微信号", "加微信", "wechat", "weixin", "vx", "wx", "v信"])

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        let s = text.scalars
        var i = 0
        while i < s.count {
            guard s[i].isASCII, ScalarClass(s[i]) == .letter || s[i].isASCIIDigit,
                  i == 0 || !(s[i - 1].isASCII && (ScalarClass(s[i - 1]) == .letter || s[i - 1].isASCIIDigit)),
                  Self.cues.start(before: i, in: s) != nil else {
                i += 1
                continue
            }
            var end = i
            while end < s.count, s[end].isASCII, ScalarClass(s[end]) == .letter || s[end].isASCIIDigit || s[end] == "-" || s[end] == "_" {
                end += 1
            }
            let id = s[i..<end]
            let isPhone = id.count == 11 && id.allSatisfy(\.isASCIIDigit) && id.first == "1"
            if isPhone || ((6...20).contains(id.count) && ScalarClass(id.first!) == .letter && s[i] != "'") {
                entities.append(Entity(type: "wechat", range: i..<end, value: text.typed(i..<end), source: name))
            }
            i = end
        }
    }
}
