/// Numbers in English words, as reps say amounts: twenty thousand, a hundred and fifty
/// thousand, thirty-five grand, two million; and digits with a word magnitude (20 thousand,
/// 1.5 million).
enum EnglishNumerals {
    static let units: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    /// Magnitudes that make a number money in sales talk (nobody signs "twenty thousand" boxes
    /// without saying so).
    static let magnitudes: [String: Double] = ["thousand": 1_000, "grand": 1_000, "million": 1_000_000, "mil": 1_000_000]

    // The letters a number word starts with: other words are passed over without a look-up.
    private static let firstLetters = Set("otfsenhgmai".unicodeScalars)

    /// Reads the number in words starting at `i` (a word's start, folded text).
    static func read(_ s: [Unicode.Scalar], at i: Int) -> Numerals.Reading? {
        guard i < s.count, firstLetters.contains(s[i]) else { return nil }
        var total = 0.0, current = 0.0
        var end = i, k = i
        var read = false, magnitude = false, pendingArticle = false, afterAnd = false
        while k < s.count {
            var e = k
            while e < s.count, s[e].isASCII, s[e].properties.isAlphabetic { e += 1 }
            guard e > k, e - k <= 9, firstLetters.contains(s[k]) else { break }
            let word = String(String.UnicodeScalarView(s[k..<e]))
            if let v = units[word] {
                current += v
                read = true
                pendingArticle = false
                afterAnd = false
                end = e
            } else if word == "hundred", read || pendingArticle {
                current = max(current, 1) * 100
                read = true
                pendingArticle = false
                end = e
            } else if let m = magnitudes[word], read || pendingArticle {
                total += max(current, 1) * m
                current = 0
                read = true
                magnitude = true
                pendingArticle = false
                end = e
            } else if (word == "a" || word == "an"), !read {
                pendingArticle = true
            } else if word == "and", read, !afterAnd {
                afterAnd = true
            } else {
                break
            }
            // Words are joined by one space or a hyphen (thirty-five).
            k = e
            if k < s.count, s[k] == " " || s[k] == "-" { k += 1 } else { break }
        }
        guard read else { return nil }
        return Numerals.Reading(value: total + current, end: end, hasMagnitude: magnitude, isChinese: false)
    }

    /// The word magnitude after digits (20 thousand, 1.5 million): its factor and where it ends.
    static func magnitude(after end: Int, in s: [Unicode.Scalar]) -> (factor: Double, end: Int)? {
        var k = end
        guard k < s.count, s[k] == " " else { return nil }
        k += 1
        var e = k
        while e < s.count, s[e].isASCII, s[e].properties.isAlphabetic { e += 1 }
        guard e > k, let factor = magnitudes[String(String.UnicodeScalarView(s[k..<e]))] else { return nil }
        return (factor, e)
    }
}
