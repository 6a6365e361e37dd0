/// Phone numbers, as digits only (the contract's format):
///
/// - mainland mobiles, 1[3-9] and 9 more digits, with or without +86 / 0086 / 86, spaces and
///   dashes (138-0013-8000, +86 138 0013 8000): the country code is dropped;
/// - mainland landlines with their area code (010, 021, 0571 …) and an optional extension
///   (转 123, ext 123): 0571-88886666 → 057188886666, the extension as "phone_ext";
/// - Hong Kong (+852 and 8 digits) and Taiwan mobiles (09xx xxx xxx, or +886 9xx…);
/// - after a cue word (电话, 手机, phone, tel …) a local number of 7–8 digits, and a Hong Kong
///   mobile written 4 + 4 (5123 8874) without one;
/// - any of these said digit by digit in Chinese (一五八 六七二三 九九零一), as voice input writes it.
///
/// A number after a cue that cannot be a phone number becomes "bad_phone", so the rep is told
/// instead of a wrong number being stored.
public struct PhoneExtractor: EntityExtractor {
    public let name = "phone"
    public init() {}

    private static let cues = Cues(["电话", "手机", "手机号", "手机号码", "电话号码", "号码", "联系电话", "座机", "固话", "tel", "phone", "mobile", "cell", "call"])
    private static let extensionCues: [[Unicode.Scalar]] = ["转", "分机", "ext", "ext.", "x", "-"].map { Array($0.unicodeScalars) }

    public func extract(from text: NormalizedText, tokens: [Token], context: ParseContext, into entities: inout [Entity]) {
        extractSpoken(from: text.scalars, everyCued: false, into: &entities)
        Self.extractWritten(from: text.scalars, everyCued: false, into: &entities)
    }

    /// The number `text` holds when it is one phone number and nothing more (a phone column's
    /// cell, the answer to "phone?", the value of 电话改成 …), in the form the chat stores, or
    /// nil. It is read as a number after a cue word (电话 …) is, so `kaiqu import` and the chat
    /// accept the same numbers and store them alike.
    public static func normalizedPhone(_ text: String) -> String? {
        let s = text.unicodeScalars.map(widthFolding.fold)
        guard s.allSatisfy({ $0.isASCIIDigit || chineseDigit($0) != nil || separators.contains($0) || $0 == "+" }) else { return nil }
        var found: [Entity] = []
        PhoneExtractor().extractSpoken(from: s, everyCued: true, into: &found)
        extractWritten(from: s, everyCued: true, into: &found)
        let phones = found.filter { $0.type == "phone" }
        guard phones.count == 1, !found.contains(where: { $0.type == "bad_phone" }) else { return nil }
        return phones[0].value
    }

    // Full-width digits and '＋' as typed with a Chinese input method; no traditional table is
    // needed for digits.
    private static let widthFolding = Normalizer(pairs: [])
    private static let separators: Set<Unicode.Scalar> = [" ", "-", "(", ")", "."]

    // Numbers in digits. `everyCued`: the whole text is known to be a phone number.
    private static func extractWritten(from s: [Unicode.Scalar], everyCued: Bool, into entities: inout [Entity]) {
        var i = 0
        while i < s.count {
            // A candidate starts at '+' or a digit that does not continue a word or number.
            guard s[i] == "+" || s[i].isASCIIDigit, i == 0 || !(s[i - 1].isASCIIDigit || ScalarClass(s[i - 1]) == .letter) else {
                i += 1
                continue
            }
            var end = i + (s[i] == "+" ? 1 : 0)
            var digits: [Unicode.Scalar] = []
            var lastDigit = i
            while end < s.count {
                let c = s[end]
                if c.isASCIIDigit { digits.append(c); lastDigit = end }
                else if !separators.contains(c) { break }
                // A separator must be followed by more of the number.
                else if end + 1 >= s.count || !(s[end + 1].isASCIIDigit || s[end + 1] == " " || s[end + 1] == "(") { break }
                end += 1
            }
            let range = i..<lastDigit + 1
            defer { i = max(i + 1, lastDigit + 1) }
            guard digits.count >= 7 else { continue }
            // A decimal or a letter right after the digits means this is no phone number.
            if lastDigit + 1 < s.count, ScalarClass(s[lastDigit + 1]) == .letter, !["x", "e"].contains(s[lastDigit + 1]) { continue }
            // A Hong Kong mobile is written 4 + 4 (5123 8874): the grouping says phone.
            let hongKongGrouping = digits.count == 8 && lastDigit - i == 8 && (s[i + 4] == " " || s[i + 4] == "-") && "569".unicodeScalars.contains(digits[0])
            let cued = everyCued || hongKongGrouping || cues.start(before: i, in: s) != nil
            if let value = classify(String(String.UnicodeScalarView(digits)), plus: s[i] == "+", cued: cued) {
                entities.append(Entity(type: "phone", range: range, value: value, source: "phone"))
                if let ext = extensionAfter(lastDigit + 1, in: s) {
                    entities.append(Entity(type: "phone_ext", range: ext.range, value: ext.digits, source: "phone"))
                }
            } else if cued {
                entities.append(Entity(type: "bad_phone", range: range, value: String(String.UnicodeScalarView(digits)), source: "phone"))
            }
        }
    }

    // Digits said one by one in Chinese, as voice input writes them (一五八 六七二三 九九零一).
    // A switch, not a dictionary: every scalar of every message is asked.
    private static func chineseDigit(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "零", "〇": "0"
        case "幺", "一": "1"
        case "二", "两": "2"
        case "三": "3"
        case "四": "4"
        case "五": "5"
        case "六": "6"
        case "七": "7"
        case "八": "8"
        case "九": "9"
        default: nil
        }
    }

    private func extractSpoken(from s: [Unicode.Scalar], everyCued: Bool, into entities: inout [Entity]) {
        var i = 0
        while i < s.count {
            guard Self.chineseDigit(s[i]) != nil else { i += 1; continue }
            var digits: [Unicode.Scalar] = []
            var end = i
            var j = i
            while j < s.count, let d = Self.chineseDigit(s[j]) ?? (s[j] == " " || s[j] == "-" ? Unicode.Scalar(0) : nil) {
                if d != Unicode.Scalar(0) { digits.append(d); end = j + 1 }
                j += 1
            }
            // Seven digits at least: fewer are a count or a date (三五个, 二月).
            if digits.count >= 7, let value = Self.classify(String(String.UnicodeScalarView(digits)), plus: false,
                                                             cued: everyCued || Self.cues.start(before: i, in: s) != nil) {
                entities.append(Entity(type: "phone", range: i..<end, value: value, source: name))
            }
            i = max(j, i + 1)
        }
    }

    /// The contract's value for a run of digits, or nil when it is no phone number. `cued`:
    /// something says it is a phone (a cue word, a phone column), so a local number counts.
    public static func classify(_ raw: String, plus: Bool, cued: Bool) -> String? {
        var d = Substring(raw)
        // Mainland mobiles: drop the country code.
        for prefix in ["0086", "86"] where d.hasPrefix(prefix) && d.count == prefix.count + 11 {
            d = d.dropFirst(prefix.count)
        }
        if d.count == 11, d.hasPrefix("1"), let second = d.dropFirst().first, "3456789".contains(second) { return String(d) }
        // Mainland landlines: 0 + 2-digit code (010, 02x) + 8 digits, or 0 + 3-digit code + 7–8 digits.
        if d.hasPrefix("0"), !d.hasPrefix("00") {
            if (d.hasPrefix("01") || d.hasPrefix("02")), d.count == 11 { return String(d) }
            if !(d.hasPrefix("01") || d.hasPrefix("02")), d.count == 11 || d.count == 12 {
                // Taiwan mobiles are 09 + 8 digits: 10 digits, handled below.
                return String(d)
            }
            if d.hasPrefix("09"), d.count == 10 { return String(d) }
        }
        // Hong Kong: 852 + 8 digits starting 2, 3, 5, 6, 9, kept as the 8 digits (as a Hong
        // Kong customer's number is typed and stored); Taiwan: 886 + 9 digits.
        if d.hasPrefix("852"), d.count == 11, let first = d.dropFirst(3).first, "23569".contains(first) { return String(d.dropFirst(3)) }
        if d.hasPrefix("886"), d.count == 12, d.dropFirst(3).first == "9" { return String(d) }
        // A local number without its area code, only where a cue says it is a phone.
        if cued, !plus, d.count == 7 || d.count == 8, let first = d.first, first != "0", first != "1" { return String(d) }
        return nil
    }

    // 转123, 分机 123, ext 123, x123, -123 (2–6 digits).
    private static func extensionAfter(_ index: Int, in s: [Unicode.Scalar]) -> (range: Range<Int>, digits: String)? {
        var i = index
        while i < s.count, s[i] == " " { i += 1 }
        guard let cue = extensionCues.first(where: { i + $0.count <= s.count && s[i..<i + $0.count].elementsEqual($0) }) else { return nil }
        i += cue.count
        while i < s.count, s[i] == " " || s[i] == ":" { i += 1 }
        let start = i
        while i < s.count, s[i].isASCIIDigit { i += 1 }
        guard (2...6).contains(i - start), i == s.count || !s[i].isASCIIDigit else { return nil }
        return (start..<i, String(String.UnicodeScalarView(s[start..<i])))
    }
}
