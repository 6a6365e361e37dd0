/// English slips (custmer, paymnet, respnd, Wendesday): a word of four letters or more that
/// Kaiqu does not know and English does not have (intents/english.table), one edit (a letter
/// added, dropped, changed, or two swapped) from one word Kaiqu knows: the only one, or of
/// several the only one that keeps the first letter, or of those the only English one. The known words
/// are every Latin word of intents/ (patterns, lists, cues, lookups) and of the date grammar.
///
/// Used, like `HomophoneIndex`, only on the typo pass. Unlike a homophone, a slip may change a
/// word's length; the text is then rebuilt, the rep's own spelling replaced by the word meant.
public struct SpellingIndex: Sendable {
    private var known: Set<[Unicode.Scalar]> = []
    // Words written with a capital (Wednesday, March): a capitalized slip may only be one of them.
    private var capitalized: Set<[Unicode.Scalar]> = []
    // The known words of four letters or more (the only ones a slip is read as), by length.
    private var byLength: [Int: [[Unicode.Scalar]]] = [:]

    // English words that are no slip, though one edit from a known one (range, soon).
    private var words = EnglishWords()

    public init() {}

    init(words: EnglishWords) { self.words = words }

    /// Adds every run of ASCII letters in `text`, in lower case. (No folding beyond that: start-up
    /// passes every synonym of every lookup here, most of them Han.)
    mutating func add(_ text: String) {
        var word: [Unicode.Scalar] = []
        func flush() {
            if word.count >= 2, known.insert(word).inserted, word.count >= 4 { byLength[word.count, default: []].append(word) }
            word = []
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic {
                word.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else { flush() }
        }
        flush()
    }

    /// Adds a word English writes with a capital (a weekday, a month).
    mutating func addCapitalized(_ word: String) {
        add(word)
        capitalized.insert(Array(word.unicodeScalars))
    }

    public var isEmpty: Bool { known.isEmpty }

    /// `text` with each slip spelled as meant, and what was changed. Words a name was read
    /// from (`keep`), capitalized words after the first (a name: Grant, Sarah) unless meant as
    /// a weekday or a month, and words with two or more known neighbours (which one was
    /// meant?) stay as typed.
    func correct(_ text: NormalizedText, keep: (Range<Int>) -> Bool) -> (text: NormalizedText, changes: [(from: String, to: String)]) {
        let scalars = text.scalars
        var original: [Unicode.Scalar] = []
        var folded: [Unicode.Scalar] = []
        var changes: [(String, String)] = []
        var copied = 0
        var i = 0
        while i < scalars.count {
            guard scalars[i].isASCII, scalars[i].properties.isAlphabetic else { i += 1; continue }
            let start = i
            while i < scalars.count, scalars[i].isASCII, scalars[i].properties.isAlphabetic { i += 1 }
            let typed = Array(scalars[start..<i])
            // A slip written into intents/ (log vist) is a known word, but no English one: it is
            // still spelled as meant when that is an English word no shorter (havent, written
            // without its apostrophe on purpose, is no slip for haven).
            guard typed.count >= 4, !keep(start..<i), !words.contains(typed), let meant = onlyNeighbour(of: typed),
                  !known.contains(typed) || words.contains(meant) && meant.count >= typed.count,
                  start == 0 || !text.original[start].properties.isUppercase || capitalized.contains(meant) else { continue }
            original += text.original[copied..<start]
            folded += scalars[copied..<start]
            // A slip of the same length (siad → said) keeps the rep's spelling in what is
            // quoted (a note); only a longer or shorter one must be replaced.
            original += meant.count == typed.count ? Array(text.original[start..<i]) : meant
            folded += meant
            copied = i
            changes.append((String(scalars: typed), String(scalars: meant)))
        }
        guard !changes.isEmpty else { return (text, []) }
        original += text.original[copied...]
        folded += scalars[copied...]
        return (NormalizedText(original: original, scalars: folded), changes)
    }

    // The one known word a single edit away that keeps the first or the second letter. A
    // first letter is seldom the slip, so words that keep it are taken over others (vist:
    // visit, not list); of several, an English one over a slip written into intents/ itself
    // (shcedule: schedule, not shedule).
    private func onlyNeighbour(of typed: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var sameFirst: [[Unicode.Scalar]] = [], others: [[Unicode.Scalar]] = []
        for length in typed.count - 1...typed.count + 1 {
            for word in byLength[length] ?? [] where (word[0] == typed[0] || word[1] == typed[1]) && CueScorer.withinOneEdit(typed, word) {
                if word[0] == typed[0] { sameFirst.append(word) } else { others.append(word) }
            }
        }
        let near = sameFirst.isEmpty ? others : sameFirst
        if near.count == 1 { return near[0] }
        let english = near.filter { words.contains($0) }
        return english.count == 1 ? english[0] : nil
    }
}
