import Foundation

/// RFC 3339 timestamps as the contract spells them: UTC with milliseconds,
/// `2026-12-01T09:30:00.000Z`. Hand-rolled civil-date arithmetic: no locale, no
/// formatter objects shared between threads, and exact to the millisecond.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        write(date, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the timestamp's UTF-8 to `bytes` without building intermediate strings.
    public static func write(_ date: Date, into bytes: inout [UInt8]) {
        let ms = millis(date)
        let (days, msOfDay) = floorDivMod(ms, 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            if v < 0 || v >= divisor * 10 {  // years outside 0000–9999: write them whole
                bytes.append(contentsOf: String(v).utf8)
                return
            }
            while divisor > 0 {
                bytes.append(UInt8(48 + v / divisor))
                v %= divisor
                divisor /= 10
            }
        }
        digits(y, 4); bytes.append(0x2D); digits(m, 2); bytes.append(0x2D); digits(d, 2)
        bytes.append(0x54)
        digits(msOfDay / 3_600_000, 2); bytes.append(0x3A); digits(msOfDay / 60_000 % 60, 2); bytes.append(0x3A)
        digits(msOfDay / 1000 % 60, 2); bytes.append(0x2E); digits(msOfDay % 1000, 3)
        bytes.append(0x5A)
    }

    /// `YYYY-MM-DD` of the UTC day holding `date`.
    public static func day(_ date: Date) -> String {
        let (days, _) = floorDivMod(millis(date), 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`/`z` and a space separator
    /// are accepted too. Returns nil for anything else, including impossible dates.
    public static func parse(_ text: String) -> Date? {
        var s = Scanner(Array(text.utf8))
        guard let (y, m, d) = s.date(), let sep = s.next(), sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " "),
              let h = s.digits(2), s.expect(":"), let mi = s.digits(2), s.expect(":"), let sec = s.digits(2),
              h < 24, mi < 60, sec < 60
        else { return nil }
        var fractionMs = 0
        if s.peek == UInt8(ascii: ".") {
            _ = s.next()
            var scale = 100, count = 0
            while let c = s.peek, c >= 48, c <= 57 {
                _ = s.next()
                fractionMs += Int(c - 48) * scale
                scale /= 10
                count += 1
            }
            guard count > 0 else { return nil }
        }
        var offsetMinutes = 0
        switch s.next() {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            break
        case let sign? where sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"):
            guard let oh = s.digits(2), s.expect(":"), let om = s.digits(2), oh < 24, om < 60 else { return nil }
            offsetMinutes = (oh * 60 + om) * (sign == UInt8(ascii: "+") ? 1 : -1)
        default:
            return nil
        }
        guard s.atEnd else { return nil }
        let days = daysFromCivil(y, m, d)
        let ms = ((days * 24 + h) * 60 + mi - offsetMinutes) * 60_000 + sec * 1000 + fractionMs
        return Date(millis: ms)
    }

    /// Parses a bare `YYYY-MM-DD` into the start of that UTC day.
    public static func parseDay(_ text: String) -> Date? {
        var s = Scanner(Array(text.utf8))
        guard let (y, m, d) = s.date(), s.atEnd else { return nil }
        return Date(millis: daysFromCivil(y, m, d) * 86_400_000)
    }

    public static func millis(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 * 1000).rounded())
    }

    // MARK: civil calendar (Howard Hinnant's algorithms)

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of the day `z0` days after 1970-01-01 (Howard Hinnant's
    /// days-to-civil algorithm, proleptic Gregorian).
    public static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivMod(_ a: Int, _ b: Int) -> (Int, Int) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func expect(_ c: Character) -> Bool { next() == c.asciiValue }

        mutating func digits(_ n: Int) -> Int? {
            var v = 0
            for _ in 0..<n {
                guard let c = next(), c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }

        mutating func date() -> (Int, Int, Int)? {
            guard let y = digits(4), expect("-"), let m = digits(2), expect("-"), let d = digits(2),
                  (1...12).contains(m), d >= 1, d <= Timestamp.daysInMonth(y, m)
            else { return nil }
            return (y, m, d)
        }
    }
}

extension Date {
    /// A date from whole milliseconds since 1970, the storage unit of every timestamp.
    public init(millis: Int) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }

    public var millis: Int { Timestamp.millis(self) }
}
