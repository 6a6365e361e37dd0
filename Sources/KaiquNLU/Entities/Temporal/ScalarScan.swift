/// A read position in folded text, with the small readers the date grammars share.
struct ScalarScan {
    let s: [Unicode.Scalar]
    var i: Int

    init(_ s: [Unicode.Scalar], _ i: Int) {
        self.s = s
        self.i = i
    }

    var atEnd: Bool { i >= s.count }
    var current: Unicode.Scalar? { i < s.count ? s[i] : nil }

    /// Spaces between Chinese words carry nothing ("2008 年", "近 三 年").
    mutating func skipSpaces() { while i < s.count, s[i] == " " { i += 1 } }

    /// Consumes `word` (spaces before it allowed) and says whether it was there.
    mutating func eat(_ word: String) -> Bool {
        guard let end = end(of: word) else { return false }
        i = end
        return true
    }

    /// Where `word` ends when it is here (spaces before it allowed), else nil. It walks the
    /// string's scalars rather than building an array, and reads without copying the scan:
    /// the grammars ask thousands of times an utterance.
    func end(of word: String) -> Int? {
        var j = i
        while j < s.count, s[j] == " " { j += 1 }
        // Most tries fail on the first letter: compare its byte before decoding the word.
        if let first = word.utf8.first, first < 0x80, j >= s.count || s[j].value != UInt32(first) { return nil }
        for scalar in word.unicodeScalars {
            guard j < s.count, s[j] == scalar else { return nil }
            j += 1
        }
        return j
    }

    /// Consumes the longest of `table`'s words present here and returns its value.
    mutating func eatLongest<T>(_ table: WordTable<T>) -> T? {
        var j = i
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count, let candidates = table.byFirst[s[j]] else { return nil }
        for (word, value) in candidates where j + word.count <= s.count {
            var same = true
            for k in 1..<max(word.count, 1) where s[j + k] != word[k] { same = false; break }
            if same { i = j + word.count; return value }
        }
        return nil
    }

    /// Peeks without consuming.
    func sees(_ word: String) -> Bool { end(of: word) != nil }

    /// A run of ASCII digits (at most `maxDigits`), with its length.
    mutating func digits(maxDigits: Int = 4) -> (value: Int, count: Int)? {
        var j = i
        while j < s.count, s[j] == " " { j += 1 }
        var value = 0
        var count = 0
        while j < s.count, s[j].isASCIIDigit {
            count += 1
            guard count <= maxDigits else { return nil }
            value = value * 10 + Int(s[j].value - 48)
            j += 1
        }
        guard count > 0 else { return nil }
        i = j
        return (value, count)
    }

    static let chineseDigits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// A small number, 0…99, in digits or Chinese (三, 十五, 二十五, 廿五, 两).
    mutating func smallNumber() -> Int? {
        var copy = self
        if let (value, _) = copy.digits(maxDigits: 2) {
            self = copy
            return value
        }
        copy.skipSpaces()
        guard let c = copy.current else { return nil }
        var value: Int
        if c == "廿" {
            value = 20
            copy.i += 1
            if let d = copy.current.flatMap({ Self.chineseDigits[$0] }), d > 0 { value += d; copy.i += 1 }
        } else if c == "十" {
            value = 10
            copy.i += 1
            if let d = copy.current.flatMap({ Self.chineseDigits[$0] }), d > 0 { value += d; copy.i += 1 }
        } else if let d = Self.chineseDigits[c] {
            value = d
            copy.i += 1
            if copy.current == "十" {
                value = d * 10
                copy.i += 1
                if let e = copy.current.flatMap({ Self.chineseDigits[$0] }), e > 0 { value += e; copy.i += 1 }
            }
        } else {
            return nil
        }
        self = copy
        return value
    }

    /// A number of any size for counts (三天, 10天, 十五分钟), or nil.
    mutating func count() -> Double? {
        var j = i
        while j < s.count, s[j] == " " { j += 1 }
        guard let reading = Numerals.read(s, at: j), reading.end > j else { return nil }
        i = reading.end
        return reading.value
    }
}

/// Words to look up by their first scalar, longest first, so "大后天" beats "大".
struct WordTable<T>: Sendable where T: Sendable {
    let byFirst: [Unicode.Scalar: [([Unicode.Scalar], T)]]

    init(_ pairs: [(String, T)]) {
        var map: [Unicode.Scalar: [([Unicode.Scalar], T)]] = [:]
        for (word, value) in pairs {
            let scalars = Array(word.unicodeScalars)
            map[scalars[0], default: []].append((scalars, value))
        }
        for key in map.keys { map[key]!.sort { $0.0.count > $1.0.count } }
        byFirst = map
    }

    /// Every scalar a word may start with.
    var firstScalars: Set<Unicode.Scalar> { Set(byFirst.keys) }

    /// Whether `word` is one of the words, whole.
    func holds(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return false }
        return byFirst[first]?.contains { $0.0 == scalars } ?? false
    }
}
