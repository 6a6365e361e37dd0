import Foundation

/// The calendar reps plan around (intents/calendar.kaiqu): festivals and how to find their
/// days, and each year's official holiday schedule with its 调休 working days.
///
///     festival mid-autumn
///       kind: holiday                     holiday | traditional | trade | western | memorial
///       date: lunar 8-15                  see `FestivalRule`
///       until: lunar eve                  (a festival that lasts: 年货节)
///       names: 中秋 | 中秋节 | Mid-Autumn Festival
///       zh-Hant: 中秋節                    the traditional name to show
///       modified: 十一                     names that count only with a word after them
///       break-names: 黄金周                names of its break
///       days-off: 0..2                     statutory days off from its day, for years the schedule lacks
///       visit: 14                          A and B cards are due a festival visit this many days before
///
///     holidays 2026                        see `HolidaySchedule`
public struct SalesCalendar: Sendable {
    public let festivals: [Festival]
    /// Year → its schedule.
    public let schedules: [Int: HolidaySchedule]
    /// Every festival's days, worked out once a year: the agenda asks for all of them on every
    /// look at the week.
    private let yearDays = YearDays()

    public init(festivals: [Festival] = [], schedules: [Int: HolidaySchedule] = [:]) {
        self.festivals = festivals
        self.schedules = schedules
    }

    /// The block kinds read here.
    static let kinds: Set<String> = ["festival", "holidays"]

    /// What a day is for planning.
    public enum DayKind: Sendable, Equatable {
        case workday
        case weekend
        /// An official day off, with the festival of its break.
        case dayOff(String)
        /// A weekend day that is a working day (调休), with the festival it makes up for.
        case madeUpWorkday(String)

        public var isWorkday: Bool {
            switch self {
            case .workday, .madeUpWorkday: return true
            case .weekend, .dayOff: return false
            }
        }
    }

    public func festival(_ id: String) -> Festival? { festivals.first { $0.id == id } }

    /// Whether `day` is a working day, a weekend, a day off or a 调休 working day. A year
    /// without a schedule knows only weekends.
    public func kind(of day: CivilDay) -> DayKind {
        if let schedule = schedules[day.year] {
            if let id = schedule.workdays[day] { return .madeUpWorkday(id) }
            if let id = schedule.dayOff(day) { return .dayOff(id) }
        } else {
            // No schedule: the statutory days, without 调休.
            for festival in festivals {
                guard let days = festival.statutory else { continue }
                for year in [day.year, day.year + 1] {
                    if let x = festival.day(in: year), x.adding(days: days.lowerBound) <= day, day <= x.adding(days: days.upperBound) {
                        return .dayOff(festival.id)
                    }
                }
            }
        }
        return day.weekday >= 6 ? .weekend : .workday
    }

    /// The official break of the festival whose day is `day`; for a year no schedule covers,
    /// its statutory days off; nil when it has no break.
    public func holidayBreak(of festival: Festival, on day: CivilDay) -> ClosedRange<CivilDay>? {
        for year in [day.year, day.year - 1] {
            if let range = schedules[year]?.holidayBreak(festival.id), range.lowerBound.adding(days: -10) <= day, day <= range.upperBound {
                return range
            }
        }
        guard schedules[day.year] == nil, let days = festival.statutory else { return nil }
        return day.adding(days: days.lowerBound)...day.adding(days: days.upperBound)
    }

    /// The days a festival occupies around its `day`: its break if it has one, else its span.
    func occupied(_ festival: Festival, on day: CivilDay) -> (CivilDay, CivilDay) {
        if let range = holidayBreak(of: festival, on: day) { return (min(range.lowerBound, day), max(range.upperBound, day)) }
        return festival.span(from: day)
    }

    /// How well a year is covered: by an official notice, by the statutory days only, or not.
    public enum Coverage: Sendable, Equatable { case official, statutory, missing }

    public func coverage(of year: Int) -> Coverage {
        guard let schedule = schedules[year] else { return .missing }
        return schedule.official ? .official : .statutory
    }

    /// Each festival's next day on or after `day` (within a year), in the order of `festivals`.
    public func nextDays(from day: CivilDay) -> [CivilDay?] {
        let (this, next) = (yearDays.days(in: day.year, of: festivals), yearDays.days(in: day.year + 1, of: festivals))
        return festivals.indices.map { i in this[i].first { $0 >= day } ?? next[i].first { $0 >= day } }
    }

    /// Festivals with a visit lead (春节, 中秋) whose visit window — from `visitLead` days
    /// before their next day on or after `from`, to that day — overlaps `from`…`to`: each with
    /// its day and the window's first day, soonest first.
    public func festivalVisits(from: CivilDay, to: CivilDay) -> [(festival: Festival, day: CivilDay, opens: CivilDay)] {
        zip(festivals, nextDays(from: from)).compactMap { festival, day in
            guard let lead = festival.visitLead, let day, day.adding(days: -lead) <= to else { return nil }
            return (festival, day, day.adding(days: -lead))
        }
        .sorted { $0.day < $1.day }
    }

    /// Reads the festival and holidays blocks.
    static func compile(_ blocks: [DataBlock], errors: inout [DataError]) -> SalesCalendar {
        var festivals: [Festival] = []
        let keys = ["kind", "date", "until", "names", "zh-Hant", "modified", "break-names", "days-off", "visit"]
        for block in blocks where block.kind == "festival" {
            var kind = Festival.Kind.holiday, rule: FestivalRule?, until: FestivalRule?
            var names: [String] = [], hant: String?, modified: [String] = [], breakNames: [String] = [], visit: Int?
            var statutory: ClosedRange<Int>?
            for line in block.lines {
                switch line.key {
                case "kind":
                    if let k = Festival.Kind(rawValue: line.value) { kind = k } else {
                        errors.append(line.location.error(.unknownKey(line.value, block: "festival kind", expected: Festival.Kind.allCases.map(\.rawValue))))
                    }
                case "date", "until":
                    guard let r = FestivalRule(line.value) else {
                        errors.append(line.location.error(.badFestivalRule(line.value)))
                        continue
                    }
                    if line.key == "date" { rule = r } else { until = r }
                case "names": names += line.entries
                case "zh-Hant": hant = line.value
                case "modified": modified += line.entries
                case "break-names": breakNames += line.entries
                case "days-off":
                    let ends = line.value.components(separatedBy: "..").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                    guard ends.count == 2, ends[0] <= ends[1] else {
                        errors.append(line.location.error(.badFestivalRule(line.value)))
                        continue
                    }
                    statutory = ends[0]...ends[1]
                case "visit":
                    guard let days = Int(line.value), days >= 0 else {
                        errors.append(line.location.error(.notANumber(line.value)))
                        continue
                    }
                    visit = days
                default:
                    errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "festival", expected: keys)))
                }
            }
            guard let rule else {
                errors.append(block.location.error(.missingKey("date", block: "festival")))
                continue
            }
            if names.isEmpty && modified.isEmpty {
                errors.append(block.location.error(.missingKey("names", block: "festival")))
                continue
            }
            festivals.append(Festival(id: block.name, kind: kind, rule: rule, until: until, names: names, traditionalName: hant,
                                      modifiedOnly: modified, breakNames: breakNames, statutory: statutory, visitLead: visit))
        }
        let ids = Set(festivals.map(\.id))
        var schedules: [Int: HolidaySchedule] = [:]
        for block in blocks where block.kind == "holidays" {
            if let schedule = HolidaySchedule.read(block, festivals: ids, errors: &errors) { schedules[schedule.year] = schedule }
        }
        return SalesCalendar(festivals: festivals, schedules: schedules)
    }
}

/// Festivals' days by year, kept once worked out. Shared by the threads that read a calendar.
private final class YearDays: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [Int: [[CivilDay]]] = [:]

    func days(in year: Int, of festivals: [Festival]) -> [[CivilDay]] {
        lock.lock()
        defer { lock.unlock() }
        if let known = years[year] { return known }
        let days = festivals.map { $0.rule.days(in: year) }
        years[year] = days
        return days
    }
}
