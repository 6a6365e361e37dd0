import KaiquNLU

/// customer.note: a timestamped note on the card. A note that says something the software
/// profile asks (喜欢钓鱼 → 爱好, 老婆姓刘 → 家庭状况) fills that field too, by the cue words
/// of the `profile` blocks.
extension Turn {
    mutating func noteCustomer(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        guard let note = u.slots["note"]?.trimmingSpaces(), !note.isEmpty else {
            say("customer.note_empty", ["name": card.name])
            return
        }
        apply(.addNote(card.id, note, profile: profileFields(in: note)))
    }

    /// The profile fields a note fills, by the first cue word found in each clause.
    func profileFields(in note: String) -> [String: String] {
        var fields: [String: String] = [:]
        let clauses = note.split(whereSeparator: { "，,。；;！!？?、".contains($0) }).map { String($0).trimmingSpaces() }
        for clause in clauses where !clause.isEmpty {
            let folded = Array(rules.normalizer.normalize(clause).foldedText.unicodeScalars)
            for (cue, word) in zip(dialogue.data.profileCues, dialogue.profileCueWords) where fields[cue.field] == nil {
                guard let found = folded.firstRange(of: word) else { continue }
                if cue.keepsWhole {
                    fields[cue.field] = clause
                } else {
                    // What follows the cue, as typed: same scalar offsets in both forms.
                    let offset = found.upperBound
                    let rest = String(String.UnicodeScalarView(clause.unicodeScalars.dropFirst(offset))).trimmingSpaces()
                    if !rest.isEmpty { fields[cue.field] = rest }
                }
                break
            }
        }
        return fields
    }
}
