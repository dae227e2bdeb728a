import Foundation
import TaskFlowCore

/// Dates typed on the command line: `today`, `tomorrow`, `+3d`, `fri`, `2026-12-24`, or a timestamp.
enum DueArgument {
    static let help = "today, tomorrow, +3d, +2w, a weekday (fri), YYYY-MM-DD, or an RFC 3339 timestamp"

    static func date(_ text: String, now: Date = Date()) -> Date? { DateWords.parseDue(text, now: now) }

    /// A filter bound: day words cover their whole UTC day, as a bare date does in the API.
    static func bound(_ text: String, now: Date = Date()) -> DueBound? {
        if let exact = Timestamp.parse(text) { return .instant(exact) }
        guard let date = DateWords.parseDue(text, now: now) else { return nil }
        return .day(DueDate.startOfDay(date))
    }
}
