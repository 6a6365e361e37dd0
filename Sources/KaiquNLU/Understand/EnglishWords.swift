/// The English words of intents/english.table, searched in the file's own bytes: the list is
/// only asked about on the typo pass, so start-up does no more than check its order.
public struct EnglishWords: Sendable {
    private var bytes: [UInt8] = []
    // Where each word starts, and where the one after it would.
    private var starts: [Int32] = []

    public init() {}

    /// Reads the table: `#` comments, then one lower-case word a line, sorted by bytes.
    static func parse(_ text: String, file: String) throws(DataError) -> EnglishWords {
        var list = EnglishWords()
        list.bytes = Array(text.utf8)
        var previous: ArraySlice<UInt8> = []
        var line = 0
        var i = 0
        while i < list.bytes.count {
            line += 1
            var end = i
            while end < list.bytes.count, list.bytes[end] != 10 { end += 1 }
            let word = list.bytes[i..<end]
            if !word.isEmpty, word.first != UInt8(ascii: "#") {
                guard word.allSatisfy({ (97...122).contains($0) }), previous.lexicographicallyPrecedes(word) else {
                    throw DataError(file: file, line: line, column: 1, problem: .badWordLine(String(decoding: word.prefix(20), as: UTF8.self)))
                }
                list.starts.append(Int32(i))
                previous = word
            }
            i = end + 1
        }
        return list
    }

    public var isEmpty: Bool { starts.isEmpty }

    /// Whether `word` (lower-case ASCII letters) is in the list.
    func contains(_ word: [Unicode.Scalar]) -> Bool {
        let key = word.map { UInt8(truncatingIfNeeded: $0.value) }
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            let start = Int(starts[mid])
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let entry = bytes[start..<end]
            if entry.elementsEqual(key) { return true }
            if entry.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        return false
    }
}
