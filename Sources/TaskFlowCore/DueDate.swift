import Foundation

/// Due dates arrive as `YYYY-MM-DD` (the end of that UTC day) or a full timestamp.
public enum DueDate {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let start = Timestamp.parseDay(trimmed) {
            return endOfDay(start)
        }
        return Timestamp.parse(trimmed)
    }

    /// The last millisecond of the UTC day that starts at `dayStart`.
    public static func endOfDay(_ dayStart: Date) -> Date {
        Date(millis: dayStart.millis + 86_400_000 - 1)
    }

    /// Start of the UTC day holding `date`.
    public static func startOfDay(_ date: Date) -> Date {
        let ms = date.millis
        let day = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        return Date(millis: day * 86_400_000)
    }
}
