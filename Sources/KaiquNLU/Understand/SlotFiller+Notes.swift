/// What a rep records: the words after the customer's name.
extension SlotFiller {
    /// What is recorded: the text after the customer's name (and the clause break after it),
    /// or, when nothing follows, the text before it without the note words.
    func note(after customer: String?, before: Bool) -> String? {
        guard let named = entities.first(where: { $0.type == "customer" && $0.source != CustomerExtractor.backReference && ($0.value == customer || text.typed($0.range) == customer) }) else { return nil }
        var start = named.range.upperBound
        for marker in group("note-marker") where marker.lowerBound >= start && marker.lowerBound - start <= 2 { start = marker.upperBound }
        while start < s.count, ScalarClass(s[start]) == .separator || s[start] == "的" && start == named.range.upperBound { start += 1 }
        // What only says where the rep was (那边回来) is not a note.
        while let skip = group("note-skip").filter({ $0.lowerBound == start }).max(by: { $0.count < $1.count }) { start = skip.upperBound }
        while start < s.count, ScalarClass(s[start]) == .separator { start += 1 }
        var end = s.count
        while end > start, ScalarClass(s[end - 1]) == .separator { end -= 1 }
        // A note word closing the sentence (…，记一下) is not part of the note.
        for marker in group("note-marker") where marker.upperBound >= end - 1 && marker.lowerBound > start {
            end = marker.lowerBound
            while end > start, ScalarClass(s[end - 1]) == .separator { end -= 1 }
        }
        if end - start >= 2, !group("note-skip").contains(where: { $0 == start..<end }) { return text.typed(start..<end) }
        guard before else { return nil }
        var before = named.range.lowerBound
        while before > 0, ScalarClass(s[before - 1]) == .separator { before -= 1 }
        var from = 0
        for marker in group("note-marker") where marker.upperBound <= before { from = max(from, marker.upperBound) }
        while from < before, ScalarClass(s[from]) == .separator { from += 1 }
        return before - from >= 2 ? text.typed(from..<before) : nil
    }
}
