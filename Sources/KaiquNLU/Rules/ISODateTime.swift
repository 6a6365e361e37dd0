import Foundation

/// Reads the ISO 8601 forms `--now` and fixtures accept: `2026-11-18`, `2026-11-18T10:00`,
/// `2026-11-18T10:00:00`, each optionally followed by `Z` or `±HH:MM`. Without an offset the
/// time is wall-clock time in `defaultZone`.
public enum ISODateTime {
    public static func parse(_ text: String, defaultZone: TimeZone) -> (date: Date, zone: TimeZone)? {
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in i..<i + digits {
                guard s[k] >= 48 && s[k] <= 57 else { return nil }
                value = value * 10 + Int(s[k] - 48)
            }
            i += digits
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0
        if expect(84) || expect(32) {
            guard let h = number(2), expect(58), let m = number(2) else { return nil }
            hour = h
            minute = m
            if expect(58) {
                guard let sec = number(2) else { return nil }
                second = sec
                if expect(46) { while i < s.count, s[i] >= 48 && s[i] <= 57 { i += 1 } }
            }
        }
        var zone = defaultZone
        if expect(90) {
            zone = TimeZone(secondsFromGMT: 0)!
        } else if i < s.count, s[i] == 43 || s[i] == 45 {
            let sign = s[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2) else { return nil }
            _ = expect(58)
            guard let om = number(2), let offsetZone = TimeZone(secondsFromGMT: sign * (oh * 3600 + om * 60)) else { return nil }
            zone = offsetZone
        }
        guard i == s.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: parts), calendar.component(.day, from: date) == day else { return nil }
        return (date, zone)
    }
}
