/// A value taken back in the same message, as reps type when they catch a slip: 周三见，哦不是，
/// 周二 / 2万，哦不，2万5 / 13655170428，不对，13655170482 / on Monday at 3, sorry, make that 4pm /
/// 生日不是4月21，是4月12. The earlier entity of a kind is dropped when a correction word
/// (`words correction` in cues.kaiqu) stands between it and a later one of the same kind, or
/// when 不是 stands right before it and another of its kind follows. A clock time alone
/// corrects only the time of a day-and-time before it (后天下午三点，不对，是四点).
struct Corrections: Sendable {
    /// The correction words, folded as the text is.
    let markers: [[Unicode.Scalar]]

    /// How far after the correction word the new value may start (后面是0482，1365…).
    static let reach = 10

    // Kinds of entity a slip is corrected within.
    private static func kind(_ type: String) -> String? {
        switch type {
        case "date", "datetime", "period", "time": "when"
        case "amount", "phone", "email", "card", "level", "role", "region", "step", "objection": type
        default: nil
        }
    }

    func applying(to entities: [Entity], in s: [Unicode.Scalar]) -> [Entity] {
        let found = marks(in: s)
        guard !found.isEmpty || contains(s, Array("不是".unicodeScalars)) else { return entities }
        var kept = entities
        var dropped = Set<Int>()
        for mark in found {
            for kind in Set(entities.compactMap { Self.kind($0.type) }) {
                let before = kept.indices.filter { !dropped.contains($0) && Self.kind(kept[$0].type) == kind && kept[$0].range.upperBound <= mark.lowerBound }
                    .max { kept[$0].range.upperBound < kept[$1].range.upperBound }
                let after = kept.indices.filter { !dropped.contains($0) && Self.kind(kept[$0].type) == kind && kept[$0].range.lowerBound >= mark.upperBound
                    && kept[$0].range.lowerBound - mark.upperBound <= Self.reach }
                    .min { kept[$0].range.lowerBound < kept[$1].range.lowerBound }
                guard let before, let after else { continue }
                // 后天下午三点…四点: the day stays, the clock time is the new one.
                if kept[before].type == "datetime", kept[after].type == "time", let day = kept[before].value.split(separator: "T").first {
                    kept[before].value = day + "T" + kept[after].value
                    dropped.insert(after)
                } else {
                    dropped.insert(before)
                }
            }
        }
        // 不是4月21，是4月12: the value 不是 denies gives way to the next of its kind.
        for index in kept.indices where !dropped.contains(index) {
            guard let kind = Self.kind(kept[index].type), kept[index].range.lowerBound >= 2,
                  s[kept[index].range.lowerBound - 2] == "不", s[kept[index].range.lowerBound - 1] == "是" else { continue }
            if kept.indices.contains(where: { !dropped.contains($0) && Self.kind(kept[$0].type) == kind && kept[$0].range.lowerBound >= kept[index].range.upperBound }) {
                dropped.insert(index)
            }
        }
        return kept.indices.filter { !dropped.contains($0) }.map { kept[$0] }
    }

    // Where the correction words stand. A Han word must stand as its own phrase (，不对，/ 哎不对是):
    // 不对外营业 and 他说价格不对 take nothing back; a Latin one must be a whole word.
    private func marks(in s: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for marker in markers where !marker.isEmpty {
            var start = 0
            while start + marker.count <= s.count {
                // The first scalar first: every marker is looked for at every place of every message.
                guard s[start] == marker[0], s[start..<start + marker.count].elementsEqual(marker) else { start += 1; continue }
                let end = start + marker.count
                let latin = marker.allSatisfy { $0.isASCII }
                let ok: Bool
                if latin {
                    ok = (start == 0 || !Self.isLetter(s[start - 1])) && (end == s.count || !Self.isLetter(s[end]))
                } else {
                    let opens = start == 0 || ScalarClass(s[start - 1]) == .separator || "哎哦噢呃嗯唉啊诶".unicodeScalars.contains(s[start - 1])
                    // One ending in 是 or 说 (应该是, 我是说) runs on into the new value.
                    ok = opens && (end == s.count || ScalarClass(s[end]) == .separator || s[end] == "是" || marker.last == "是" || marker.last == "说")
                }
                if ok { ranges.append(start..<end) }
                start = end
            }
        }
        return ranges
    }

    private func contains(_ s: [Unicode.Scalar], _ word: [Unicode.Scalar]) -> Bool {
        guard s.count >= word.count else { return false }
        return (0...(s.count - word.count)).contains { s[$0..<$0 + word.count].elementsEqual(word) }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic && scalar.isASCII }
}
