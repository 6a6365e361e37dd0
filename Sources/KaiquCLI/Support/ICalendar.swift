import Foundation
import KaiquDialogue

/// Writes an iCalendar file (RFC 5545) that calendar apps import: CRLF line ends, lines
/// folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, a UID and a
/// DTSTAMP on every event. Each visit's time is in the zone it was planned in: local time with
/// a VTIMEZONE when that zone keeps one offset all year (China does), else UTC. A planned call,
/// WeChat or samples to send is a reminder: a VTODO due then, with an alarm.
struct ICalendar {
    /// The zone of events that have none of their own (visits kept before zones were).
    let zone: TimeZone
    /// When the file is written, for DTSTAMP.
    let stamp: Date

    struct Event {
        var uid: String
        /// `YYYY-MM-DD`; `time` and `endTime` `HH:MM` or nil for all day.
        var day: String
        var time: String?
        var endTime: String?
        var summary: String
        var description: String
        /// The zone `day` and `time` are in; nil for the calendar's.
        var zone: TimeZone?
        /// A reminder (VTODO with an alarm) rather than a visit (VEVENT).
        var isTask = false
    }

    /// How long before a timed reminder is due its alarm rings; an all-day one rings at 09:00.
    static let alarmMinutes = 15

    /// How long a visit without an end lasts in the calendar.
    static let defaultMinutes = 60

    func text(name: String, events: [Event]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kaiqu//Kaiqu visits//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name)]
        let zones = Dictionary(events.map { (($0.zone ?? zone).identifier, $0.zone ?? zone) }, uniquingKeysWith: { a, _ in a })
        for id in zones.keys.sorted() {
            let zone = zones[id]!
            guard isFixed(zone) else { continue }
            let offset = Self.offset(zone.secondsFromGMT(for: stamp))
            lines += ["BEGIN:VTIMEZONE", "TZID:" + Self.tzid(zone), "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset,
                      "TZOFFSETTO:" + offset, "TZNAME:" + (zone.abbreviation(for: stamp) ?? offset), "END:STANDARD", "END:VTIMEZONE"]
        }
        for event in events where event.isTask {
            lines += ["BEGIN:VTODO", "UID:" + event.uid, "DTSTAMP:" + Self.utc(stamp)]
            let digits = event.day.replacingOccurrences(of: "-", with: "")
            let zone = event.zone ?? zone
            let trigger: String
            if let time = event.time, let start = LocalTime.minutes(time) {
                lines.append(isFixed(zone) ? "DUE;TZID=\(Self.tzid(zone)):" + digits + "T" + Self.hhmmss(start) : "DUE:" + Self.utc(event.day, start, in: zone, or: stamp))
                trigger = "TRIGGER;RELATED=END:-PT\(Self.alarmMinutes)M"
            } else {
                lines.append("DUE;VALUE=DATE:" + digits)
                trigger = "TRIGGER;RELATED=END:PT9H"
            }
            lines += ["SUMMARY:" + Self.escape(event.summary), "STATUS:NEEDS-ACTION"]
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", trigger, "DESCRIPTION:" + Self.escape(event.summary), "END:VALARM", "END:VTODO"]
        }
        for event in events where !event.isTask {
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + Self.utc(stamp)]
            let digits = event.day.replacingOccurrences(of: "-", with: "")
            let zone = event.zone ?? zone
            if let time = event.time, let start = LocalTime.minutes(time) {
                let end = event.endTime.flatMap(LocalTime.minutes).flatMap { $0 > start ? $0 : nil } ?? start + Self.defaultMinutes
                if isFixed(zone) {
                    lines.append("DTSTART;TZID=\(Self.tzid(zone)):" + digits + "T" + Self.hhmmss(start))
                    lines.append("DTEND;TZID=\(Self.tzid(zone)):" + Self.localEnd(event.day, end))
                } else {
                    lines.append("DTSTART:" + Self.utc(event.day, start, in: zone, or: stamp))
                    lines.append("DTEND:" + Self.utc(event.day, end, in: zone, or: stamp))
                }
            } else {
                lines.append("DTSTART;VALUE=DATE:" + digits)
                lines.append("DTEND;VALUE=DATE:" + Self.nextDay(event.day))
            }
            lines.append("SUMMARY:" + Self.escape(event.summary))
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Folds a content line into pieces of at most 75 octets, continued with CRLF + space.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out
    }

    /// TEXT escaping: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }

    static func hhmmss(_ minutes: Int) -> String { String(format: "%02d%02d00", minutes / 60, minutes % 60) }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    // A zone with one offset all year can be written as a VTIMEZONE with one STANDARD part.
    private func isFixed(_ zone: TimeZone) -> Bool {
        zone.nextDaylightSavingTimeTransition(after: stamp) == nil && !zone.isDaylightSavingTime(for: stamp)
    }

    private static func tzid(_ zone: TimeZone) -> String { zone.identifier.replacingOccurrences(of: " ", with: "_") }

    // A local day and minute in UTC.
    private static func utc(_ day: String, _ minutes: Int, in zone: TimeZone, or fallback: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return utc(fallback) }
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: minutes / 60, minute: minutes % 60)) ?? fallback
        return utc(date)
    }

    private static func localEnd(_ day: String, _ minutes: Int) -> String {
        minutes >= 1_440 ? nextDay(day) + "T" + hhmmss(minutes - 1_440) : day.replacingOccurrences(of: "-", with: "") + "T" + hhmmss(minutes)
    }

    private static func nextDay(_ day: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + 1))!
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", p.year!, p.month!, p.day!)
    }
}
