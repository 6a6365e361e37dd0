/// A day reps plan around: a public holiday, a traditional festival, a trade date or a
/// Western day (intents/calendar.kaiqu).
public struct Festival: Sendable, Equatable {
    /// What kind of day it is; public holidays may have an official break (`holidays` blocks).
    public enum Kind: String, Sendable, CaseIterable {
        case holiday, traditional, trade, western, memorial
    }

    public let id: String
    public let kind: Kind
    let rule: FestivalRule
    /// The last day of a festival that lasts (年货节), by the same kind of rule.
    let until: FestivalRule?
    /// Names as typed, in both languages; the first Chinese and first Latin ones are shown.
    public let names: [String]
    /// The traditional-Chinese name to show, when it differs.
    public let traditionalName: String?
    /// Names that are a festival only with a word after them (十一假期, 618大促): alone they
    /// are numbers.
    let modifiedOnly: [String]
    /// Names of its break (黄金周, Golden Week).
    let breakNames: [String]
    /// The statutory days off, as days from its day (春节: 除夕 to 初三 is -1...3), for a year
    /// the schedule does not cover.
    let statutory: ClosedRange<Int>?
    /// A and B customers are due a festival visit from this many days before it.
    public let visitLead: Int?

    /// The name to show in a language.
    public func name(_ language: Language) -> String {
        let chinese = names.first { $0.unicodeScalars.contains { ScalarClass($0) == .han } } ?? id
        switch language {
        case .zhHans: return chinese
        case .zhHant: return traditionalName ?? chinese
        case .en: return names.first { !$0.unicodeScalars.contains { ScalarClass($0) == .han } } ?? chinese
        }
    }

    /// Its first day in Gregorian `year`, if it falls in that year.
    public func day(in year: Int) -> CivilDay? { rule.day(in: year) }

    /// The days it lasts from `first` (one day unless it has an `until`).
    func span(from first: CivilDay) -> (CivilDay, CivilDay) {
        guard let until else { return (first, first) }
        for year in [first.year, first.year + 1] {
            if let last = until.day(in: year), last >= first { return (first, last) }
        }
        return (first, first)
    }
}
