/// How the two layers meet: exact patterns and cues.
///
/// A pattern that matched counts `patternWeight × confidence` (its confidence is how much of
/// the sentence it explained, 0.5–0.99) for its intent; each intent's cue score is added.
/// The highest total wins. A reading by cues alone needs at least `threshold`, so a sentence
/// with one stray domain word stays a fallback rather than becoming an action.
enum Understanding {
    static let patternWeight = 10.0
    static let threshold = 4.0
    /// A message of this many tokens or fewer (a Han character or a word each) is short: 不是这个人.
    static let shortAnswer = 12

    enum Decision: Equatable {
        case pattern
        case cues(String, Double)
        case none
    }

    /// The cue layer and the calendar compiled from the blocks, and `homophones` given its
    /// targets: the Han cue words a slip is corrected towards, and the `never-slip` characters.
    /// `entityTypes`: the types cue lines may name.
    static func compile(_ blocks: [DataBlock], normalizer: Normalizer, rewriter: PhraseRewriter, intentIDs: Set<String>,
                        entityTypes: Set<String>, homophones: HomophoneIndex) throws(DataErrors)
        -> (cues: CueBook, calendar: SalesCalendar, homophones: HomophoneIndex) {
        var errors: [DataError] = []
        let cues = CueBook.compile(blocks, normalizer: normalizer, rewriter: rewriter, intentIDs: intentIDs, entityTypes: entityTypes, errors: &errors)
        let calendar = SalesCalendar.compile(blocks, errors: &errors)
        if !errors.isEmpty { throw DataErrors(errors) }
        var homophones = homophones
        if !homophones.isEmpty {
            for word in cues.hanWords { homophones.addTarget(word) }
            for word in cues.words(inGroup: "never-slip") where word.count == 1 { homophones.addSteady(word[0]) }
        }
        return (cues, calendar, homophones)
    }

    static func decide(pattern: (intent: String, confidence: Double)?, cues: [CueScorer.Score]) -> Decision {
        var best: (intent: String, total: Double, cue: Double)?
        if let pattern {
            // Negative cues can outweigh a pattern: 删除键在哪里 is no deletion.
            let cue = cues.first { $0.intent == pattern.intent }?.score ?? 0
            let total = patternWeight * pattern.confidence + cue
            if total >= threshold { best = (pattern.intent, total, cue) }
        }
        for score in cues where score.intent != pattern?.intent {
            guard score.score >= threshold else { continue }
            if best.map({ score.score > $0.total }) ?? true { best = (score.intent, score.score, score.score) }
        }
        guard let best else { return .none }
        if best.intent == pattern?.intent { return .pattern }
        return .cues(best.intent, best.cue)
    }

    /// A cue reading's confidence: 0.5 at the threshold, towards 0.95 as evidence grows.
    static func confidence(_ score: Double) -> Double {
        ((0.5 + 0.45 * min(1, max(0, score - threshold) / 12)) * 100).rounded() / 100
    }
}
