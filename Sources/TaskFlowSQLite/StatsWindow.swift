import Foundation
import TaskFlowCore

/// The UTC day boundaries the stats are counted in.
public struct StatsWindow: Sendable {
    public static let chartDays = 14
    public let todayIndex: Int
    public let todayStart: Int
    public let todayEnd: Int
    public let weekEnd: Int
    public let chartStart: Int

    public init(now: Date) {
        let ms = now.millis
        todayIndex = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        todayStart = todayIndex * 86_400_000
        todayEnd = todayStart + 86_400_000
        weekEnd = ms + 7 * 86_400_000
        chartStart = (todayIndex - Self.chartDays + 1) * 86_400_000
    }

    /// The last 14 days, oldest first, with zeros for days without completions.
    public func days(counts: [Int: Int]) -> [TaskStats.DayCount] {
        (todayIndex - Self.chartDays + 1...todayIndex).map { day in
            TaskStats.DayCount(date: Timestamp.day(Date(millis: day * 86_400_000)), count: counts[day] ?? 0)
        }
    }
}
