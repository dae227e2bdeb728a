/// Exponential backoff with jitter: attempt n waits about `initial × 2^(n-1)`, capped at
/// `maximum`, then shortened by a random fraction up to `jitter` so that many clients cut
/// off together (a server restart) do not all come back in the same instant.
public struct Backoff: Sendable, Equatable {
    public var initial: Duration
    public var maximum: Duration
    /// 0 (no jitter) to 1 (anywhere from zero to the full delay).
    public var jitter: Double

    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(30), jitter: Double = 0.5) {
        self.initial = initial
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The wait before retry `attempt` (1 for the first retry). `random` is in 0..<1.
    public func delay(attempt: Int, random: Double = Double.random(in: 0..<1)) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let full = min(initial * (1 << exponent), maximum)
        return full * (1 - jitter * random)
    }
}
