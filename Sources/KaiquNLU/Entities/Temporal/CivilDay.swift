/// A calendar day in the proleptic Gregorian calendar, with the arithmetic dates need.
///
/// Own arithmetic instead of Foundation's Calendar: it is a few integer operations, it never
/// allocates, and the parse budget is counted in microseconds.
public struct CivilDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Nil when the day does not exist (2月30日).
    public static func valid(_ year: Int, _ month: Int, _ day: Int) -> CivilDay? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(year, month), (1...9999).contains(year) else { return nil }
        return CivilDay(year, month, day)
    }

    /// `YYYY-MM-DD`, or the day part of `YYYY-MM-DDTHH:MM`; nil when it is no real day.
    public static func iso(_ text: some StringProtocol) -> CivilDay? {
        // Read by bytes, with no array: the store's dates are read for every line of a list.
        var parts = (0, 0, 0), count = 0, digits = 0
        for byte in text.utf8.prefix(10) {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 9 else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch count {
                case 0: parts.0 = parts.0 * 10 + digit
                case 1: parts.1 = parts.1 * 10 + digit
                case 2: parts.2 = parts.2 * 10 + digit
                default: return nil
                }
                digits += 1
            case UInt8(ascii: "-"):
                // Empty parts are skipped, as a split would.
                if digits > 0 { count += 1 }
                digits = 0
            default: return nil
            }
        }
        if digits > 0 { count += 1 }
        return count == 3 ? valid(parts.0, parts.1, parts.2) : nil
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 1 = Monday … 7 = Sunday: the week starts on Monday (the contract).
    public var weekday: Int {
        let w = (ordinal + 3) % 7   // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> CivilDay { CivilDay(ordinal: ordinal + days) }

    /// Same day of month, clamped to the month's length (1月31日 + 1 month = 2月28日).
    public func adding(months: Int) -> CivilDay {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return CivilDay(y, m, min(day, CivilDay.daysIn(y, m)))
    }

    /// The Monday of this day's week.
    public var monday: CivilDay { adding(days: 1 - weekday) }
    public var firstOfMonth: CivilDay { CivilDay(year, month, 1) }
    public var lastOfMonth: CivilDay { CivilDay(year, month, CivilDay.daysIn(year, month)) }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// YYYY-MM-DD.
    public var description: String {
        guard (0...9999).contains(year) else { return zeroPadded(year, 4) + "-" + zeroPadded(month) + "-" + zeroPadded(day) }
        // In one go: every day an agenda or a card shows is written out, some several times.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            writeDigits(year, into: bytes, at: 0, width: 4)
            bytes[4] = UInt8(ascii: "-")
            writeDigits(month, into: bytes, at: 5, width: 2)
            bytes[7] = UInt8(ascii: "-")
            writeDigits(day, into: bytes, at: 8, width: 2)
            return 10
        }
    }
}

/// `n` with zeros in front up to `width` digits: 7 → "07". Written by bytes: String(format:)
/// goes through Foundation's formatter, and counting Characters is slow too, at a cost every
/// reply with a day, a time or a birthday pays.
public func zeroPadded(_ n: Int, _ width: Int = 2) -> String {
    guard n >= 0 else {
        let text = String(n)
        return text.utf8.count >= width ? text : String(repeating: "0", count: width - text.utf8.count) + text
    }
    var digits = 1
    var rest = n / 10
    while rest > 0 {
        digits += 1
        rest /= 10
    }
    let length = max(digits, width)
    return String(unsafeUninitializedCapacity: length) { bytes in
        writeDigits(n, into: bytes, at: 0, width: length)
        return length
    }
}

// The last `width` decimal digits of `n` (not negative), zeros in front.
private func writeDigits(_ n: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int, width: Int) {
    var value = n
    for index in stride(from: start + width - 1, through: start, by: -1) {
        bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
    }
}
