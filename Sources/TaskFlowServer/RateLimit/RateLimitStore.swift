import Foundation

/// Fixed-window counters for rate limits, keyed by user, address or login attempt.
/// Shared state: one process keeps them in memory; several instances keep them in the database.
public protocol RateLimitStore: Sendable {
    /// The count in the window holding `now`, without adding to it.
    func peek(key: String, window: Int, now: Date) async throws -> WindowCount
    /// Adds one and returns the count after.
    func hit(key: String, window: Int, now: Date) async throws -> WindowCount
    /// Takes one back (for answers that must not count, such as 304).
    func refund(key: String, window: Int, now: Date) async throws
}

public struct WindowCount: Sendable, Equatable {
    public var count: Int
    /// When the current window ends.
    public var resetAt: Date

    public func secondsUntilReset(from now: Date) -> Int {
        max(0, Int(resetAt.timeIntervalSince(now).rounded(.up)))
    }
}

extension RateLimitStore {
    static func windowStart(_ now: Date, window: Int) -> Int {
        let s = Int(now.timeIntervalSince1970)
        return s - s % window
    }
}
