import Foundation

/// The server's `RateLimit-*` headers from the latest answer.
public struct RateLimitStatus: Sendable, Equatable {
    public var limit: Int
    public var remaining: Int
    /// Seconds until the window resets, counted from `observedAt`.
    public var resetAfter: Int
    /// Window length in seconds, from `RateLimit-Policy: 100;w=900`, when sent.
    public var windowSeconds: Int?
    public var observedAt: Date

    public init(limit: Int, remaining: Int, resetAfter: Int, windowSeconds: Int? = nil, observedAt: Date) {
        self.limit = limit
        self.remaining = remaining
        self.resetAfter = resetAfter
        self.windowSeconds = windowSeconds
        self.observedAt = observedAt
    }

    /// Reads the headers; nil when the answer carried none.
    public init?(headers: HTTPHeaders, at now: Date) {
        guard let limit = headers["RateLimit-Limit"].flatMap({ Int($0) }),
              let remaining = headers["RateLimit-Remaining"].flatMap({ Int($0) }),
              let reset = headers["RateLimit-Reset"].flatMap({ Int($0) })
        else { return nil }
        let window = headers["RateLimit-Policy"]?.split(separator: ";")
            .first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("w=") }
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces).dropFirst(2)) }
        self.init(limit: limit, remaining: remaining, resetAfter: reset, windowSeconds: window, observedAt: now)
    }

    /// When the window resets.
    public var resetsAt: Date { observedAt.addingTimeInterval(TimeInterval(resetAfter)) }

    /// True when fewer than a tenth of the requests are left (the TUI shows it then).
    public var isLow: Bool { remaining * 10 < limit }
}
