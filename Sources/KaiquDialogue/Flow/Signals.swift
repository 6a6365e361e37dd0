import KaiquNLU

/// What a visit note shows for the flow: a refusal (→ step 3), objections (→ step 5), buying
/// signals (→ step 6 is suggested). "他问售后怎么弄" is a buying signal; "他嫌售后不好" an
/// objection: signal cues are looked for first, and an objection word inside one is not an
/// objection.
extension Turn {
    struct NoteReading {
        var changes: [FlowChange] = []
        var signals: [String] = []
        var objections: [String] = []
        var refusal: String?
    }

    func read(note: String, _ u: Utterance, flow: FlowState?) -> NoteReading {
        var reading = NoteReading()
        let folded = Array(rules.normalizer.normalize(note).foldedText.unicodeScalars)
        var covered: [Range<Int>] = []
        for signal in dialogue.data.flow.signals {
            for word in signal.words where !word.isEmpty {
                guard let range = folded.firstRange(of: Array(word.unicodeScalars)) else { continue }
                covered.append(range)
                if !reading.signals.contains(signal.kind) {
                    reading.signals.append(signal.kind)
                    reading.changes.append(.signal(kind: signal.kind, said: note))
                }
            }
        }
        // Asking about terms (问了起订量和账期: objection words the parser marks as asked about)
        // is a buying signal: service details.
        if u.entities.contains(where: { $0.type == Entity.inquiry }), !reading.signals.contains("service") {
            reading.signals.append("service")
            reading.changes.append(.signal(kind: "service", said: note))
        }
        let said = Array(rules.normalizer.normalize(u.text).foldedText.unicodeScalars)
        let noteStart = said.firstRange(of: folded)?.lowerBound
        // An objection of step 3 (没时间) is a refusal in disguise: the refusal cues find it.
        let objections = u.entities.filter { $0.type == "objection" && dialogue.data.flow.objections[$0.value]?.step != 3 }
        for entity in objections where !reading.objections.contains(entity.value) {
            // Only objections inside the note, and not inside a signal's words.
            guard entity.range.upperBound <= said.count else { continue }
            guard noteStart != nil, let inNote = folded.firstRange(of: Array(said[entity.range])), !covered.contains(where: { $0.overlaps(inNote) }) else { continue }
            reading.objections.append(entity.value)
            reading.changes.append(.objection(kind: entity.value, said: note))
        }
        let kinds = refusalKinds(in: note)
        if reading.objections.isEmpty, reading.signals.isEmpty, let form = kinds.form ?? kinds.about.map({ _ in "direct" }) {
            reading.refusal = form
            reading.changes.append(.refusal(about: kinds.about, form: form))
        }
        // The flow follows: a refusal is step 3's, an objection step 5's; signals only suggest 6.
        let step = reading.objections.isEmpty ? (reading.refusal != nil ? 3 : nil) : 5
        if let step, flow?.step != FlowState.maintenance, flow?.step != step { reading.changes.append(.move(to: step, insisted: false)) }
        // At step 6, a signal seen is the first item of its checklist done.
        if !reading.signals.isEmpty, flow?.step == 6 { reading.changes.append(.tick(["6.signals"])) }
        return reading
    }
}
