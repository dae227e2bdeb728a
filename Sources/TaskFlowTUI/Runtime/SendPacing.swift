import Foundation
import TaskFlowClient

/// How long the journal waits before its next batch, so that a burst of changes never
/// spends the user's rate limit (API.md: 100 requests per 15 minutes by default) faster
/// than it comes back. While more than half of the window's budget is left, changes go
/// after the short gathering pause (a key reaches the server within a second); past half,
/// the batches that are left are spread evenly over the rest of the window, each taking
/// every change made meanwhile; with only the reserve left (a sync after a reconnect, a
/// token refresh), nothing goes until the window resets. What waits shows as `⇡N pending`.
struct SendPacing {
    /// Requests kept for what cannot wait: the catch-up sync after a gap, a token refresh.
    static let reserve = 5

    var gathering: Duration

    func pause(after status: RateLimitStatus?, now: Date) -> Duration {
        guard let status, status.limit > 0 else { return gathering }
        let resetIn = max(0, Double(status.resetAfter) - now.timeIntervalSince(status.observedAt))
        let spendable = status.remaining - Self.reserve
        if spendable <= 0 { return max(gathering, .seconds(resetIn + 1)) }
        if status.remaining * 2 > status.limit { return gathering }
        return max(gathering, .seconds(resetIn / Double(spendable)))
    }
}
