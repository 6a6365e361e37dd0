/// Cue words that announce an entity ("电话", "微信号", "phone"), looked up backwards from a
/// position in folded text, past spaces and a colon.
struct Cues: Sendable {
    private let words: [[Unicode.Scalar]]

    init(_ words: [String]) {
        self.words = words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    /// The start of the cue that ends right before `index` (spaces, ':' and '是' between are
    /// allowed), or nil.
    func start(before index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var end = index
        while end > 0, [" ", ":", "：", "是", "为", "="].contains(scalars[end - 1]) { end -= 1 }
        for word in words where word.count <= end {
            if scalars[(end - word.count)..<end].elementsEqual(word) {
                let start = end - word.count
                // A Latin cue must start a word: "telephone" is not "phone".
                if start > 0, ScalarClass(word[0]) == .letter, ScalarClass(scalars[start - 1]) == .letter { continue }
                return start
            }
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// 0–9.
    public var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}
