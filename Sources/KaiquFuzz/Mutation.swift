/// Damages a line the way typing, pasting and hostile clients do: characters dropped,
/// doubled or slipped in, digits made fullwidth, numbers swapped for huge ones, bytes that
/// are not UTF-8.
enum Mutation {
    static func mutate(_ text: String, _ random: inout FuzzRandom) -> [UInt8] {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<random.within(1...4) { apply(random.below(8), to: &scalars, &random) }
        var bytes: [UInt8] = []
        for scalar in scalars { bytes.append(contentsOf: Array(String(scalar).utf8)) }
        if random.chance(3) { corrupt(&bytes, &random) }
        return bytes.filter { $0 != 10 }
    }

    private static func apply(_ operation: Int, to scalars: inout [Unicode.Scalar], _ random: inout FuzzRandom) {
        let at = random.below(scalars.count + 1)
        switch operation {
        case 0 where !scalars.isEmpty:  // drop a few
            let end = min(scalars.count, at + random.within(1...3))
            if at < end { scalars.removeSubrange(at..<end) }
        case 1 where !scalars.isEmpty:  // double a run
            let start = min(at, scalars.count - 1)
            let run = Array(scalars[start..<min(scalars.count, start + random.within(1...4))])
            for _ in 0..<random.within(1...3) { scalars.insert(contentsOf: run, at: start) }
        case 2:  // slip something in
            scalars.insert(contentsOf: Array(random.pick(Pools.noise).unicodeScalars), at: at)
        case 3:  // fullwidth digits
            scalars = scalars.map { ("0"..."9").contains($0) ? Unicode.Scalar($0.value - 0x30 + 0xFF10)! : $0 }
        case 4 where scalars.count > 1:  // swap two neighbours
            let i = min(at, scalars.count - 2)
            scalars.swapAt(i, i + 1)
        case 5:  // a number, a range, a date or a phone where a digit was
            let replacement = random.pick([Pools.numbers, Pools.ranges, Pools.dates, Pools.phones][random.below(4)])
            if let digit = scalars.firstIndex(where: { ("0"..."9").contains($0) }) {
                var end = digit
                while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
                scalars.replaceSubrange(digit..<end, with: replacement.unicodeScalars)
            } else {
                scalars.insert(contentsOf: replacement.unicodeScalars, at: at)
            }
        case 6:  // cut short
            scalars.removeSubrange(at..<scalars.count)
        default:  // an answer tacked on
            scalars.append(contentsOf: (" " + random.pick(Pools.numbers + Pools.yesNo)).unicodeScalars)
        }
    }

    // Invalid UTF-8: a stray continuation byte, a lead byte cut short, a byte that never occurs.
    private static func corrupt(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let bad: [[UInt8]] = [[0xFF], [0x80], [0xE4, 0xB8], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        bytes.insert(contentsOf: random.pick(bad), at: random.below(bytes.count + 1))
    }

    /// A line of `unit` repeated to about `length` bytes, cut at a character boundary.
    static func long(_ unit: String, length: Int) -> [UInt8] {
        var text = ""
        while text.utf8.count + unit.utf8.count <= length { text += unit }
        return Array(text.utf8)
    }

    /// Bytes no person types: control characters, escape sequences, invalid UTF-8, nothing.
    static func garbage(_ random: inout FuzzRandom) -> [UInt8] {
        switch random.below(6) {
        case 0: return (0..<random.within(1...64)).map { _ in UInt8(random.below(256)) }.filter { $0 != 10 }
        case 1: return (0..<random.within(1...16)).map { _ in UInt8(random.pick(Array(0...31) + [127])) }.filter { $0 != 10 }
        case 2: return Array("\u{1B}[2J\u{1B}]0;title\u{07}\(random.pick(Pools.yesNo + Pools.numbers))\u{1B}[0m".utf8)
        case 3: return []
        case 4: return Array(String(repeating: random.pick([" ", "\t", "\u{3000}", "\r", "\u{200B}"]), count: random.within(1...40)).utf8)
        default: return Array(random.pick(Pools.noise + Pools.longUnits).utf8) + [0xFF]
        }
    }
}
