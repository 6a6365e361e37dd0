/// One year's official holiday arrangement (放假调休): the days off and the weekend days that
/// are working days instead, by festival, with where it comes from.
///
///     holidays 2026
///       source: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
///       spring-festival: off 02-15..02-23 | work 02-14 | work 02-28
///
/// `status: statutory` marks a year whose notice is not out yet: its days off are the
/// statutory ones (全国年节及纪念日放假办法) and its 调休 days unknown.
public struct HolidaySchedule: Sendable {
    public let year: Int
    public let source: String
    public let official: Bool
    /// Festival id and its break, both ends inclusive, in the data's order (the first that
    /// holds a day names it, where two festivals share a break).
    public let breaks: [(festival: String, days: ClosedRange<CivilDay>)]
    /// 调休: weekend days that are working days, with the festival they make up for.
    public let workdays: [CivilDay: String]

    /// The festival whose break holds `day`, if any.
    public func dayOff(_ day: CivilDay) -> String? {
        breaks.first { $0.days.contains(day) }?.festival
    }

    /// Reads a `holidays YEAR` block; nil (with errors noted) when it is malformed.
    static func read(_ block: DataBlock, festivals: Set<String>, errors: inout [DataError]) -> HolidaySchedule? {
        guard let year = Int(block.name), (1900...2200).contains(year) else {
            errors.append(block.location.error(.notANumber(block.name)))
            return nil
        }
        var source = "", official = true
        var breaks: [(festival: String, days: ClosedRange<CivilDay>)] = []
        var workdays: [CivilDay: String] = [:]
        func day(_ text: Substring, _ line: DataLine) -> CivilDay? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, let day = CivilDay.valid(year, parts[0], parts[1]) else {
                errors.append(line.location.error(.badMonthDay(String(text))))
                return nil
            }
            return day
        }
        for line in block.lines {
            switch line.key {
            case "source": source = line.value
            case "status": official = line.value != "statutory"
            case let id? where festivals.contains(id):
                for entry in line.entries {
                    let words = entry.split(separator: " ")
                    guard words.count == 2 else {
                        errors.append(line.location.error(.badHolidayEntry(entry)))
                        continue
                    }
                    if words[0] == "work", let d = day(words[1], line) {
                        workdays[d] = id
                    } else if words[0] == "off" {
                        let ends = words[1].components(separatedBy: "..")
                        guard let first = day(Substring(ends[0]), line), let last = day(Substring(ends.last!), line), first <= last else { continue }
                        breaks.append((id, first...last))
                    } else if words[0] != "work" {
                        errors.append(line.location.error(.badHolidayEntry(entry)))
                    }
                }
            default:
                errors.append(line.location.error(.unknownKey(line.key ?? line.value, block: "holidays", expected: ["source", "status"] + festivals.sorted())))
            }
        }
        if source.isEmpty { errors.append(block.location.error(.missingKey("source", block: "holidays"))) }
        return HolidaySchedule(year: year, source: source, official: official, breaks: breaks, workdays: workdays)
    }
}

extension HolidaySchedule {
    /// The break of a festival this year.
    public func holidayBreak(_ festival: String) -> ClosedRange<CivilDay>? {
        breaks.first { $0.festival == festival }?.days
    }
}
