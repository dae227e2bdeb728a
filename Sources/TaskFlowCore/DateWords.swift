import Foundation

/// The words people type for due dates, and the short relative text lists show.
/// Days are UTC days, the contract's meaning of a bare `YYYY-MM-DD`; `now` is injected so
/// callers and tests decide what "today" is.
public enum DateWords {
    /// Parses `today`, `tomorrow`, `yesterday`, `+3d`, `+2w`, a weekday (`fri`, `friday`:
    /// the next one after today), `2026-12-24`, or an RFC 3339 timestamp. Day words mean the
    /// end of that UTC day, as a bare date does in the API. Nil for anything else.
    public static func parseDue(_ text: String, now: Date) -> Date? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        let today = DueDate.startOfDay(now)
        func day(_ offset: Int) -> Date { DueDate.endOfDay(Date(millis: today.millis + offset * 86_400_000)) }
        switch word {
        case "today": return day(0)
        case "tomorrow": return day(1)
        case "yesterday": return day(-1)
        default: break
        }
        if word.hasPrefix("+"), let unit = word.last, let count = Int(word.dropFirst().dropLast()), count >= 0, count <= 36_500 {
            switch unit {
            case "d": return day(count)
            case "w": return day(count * 7)
            default: return nil
            }
        }
        if let weekday = weekdays.firstIndex(where: { word.count >= 3 && $0.hasPrefix(word) }) {
            let todayIndex = weekdayIndex(today)
            let ahead = (weekday - todayIndex + 7) % 7
            return day(ahead == 0 ? 7 : ahead)
        }
        return DueDate.parse(text)
    }

    /// "today", "tomorrow", "in 3d", "yesterday" or "2d overdue" for a due date seen at
    /// `now`, counting whole UTC days.
    public static func relative(_ due: Date, now: Date) -> String {
        let days = dayOffset(due, now: now)
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case 2...: return "in \(days)d"
        default: return "\(-days)d overdue"
        }
    }

    /// Whole days from the day of `now` to the day of `due`; negative when `due` is past.
    public static func dayOffset(_ due: Date, now: Date) -> Int {
        (DueDate.startOfDay(due).millis - DueDate.startOfDay(now).millis) / 86_400_000
    }

    /// Monday first, so index 0 is Monday.
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// 0 for Monday … 6 for Sunday. 1970-01-01 was a Thursday (index 3).
    public static func weekdayIndex(_ date: Date) -> Int {
        let days = DueDate.startOfDay(date).millis / 86_400_000
        return ((days + 3) % 7 + 7) % 7
    }
}
