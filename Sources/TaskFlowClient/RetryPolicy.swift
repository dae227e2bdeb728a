/// What the client does when the server answers 429. A struct over a private enum so new
/// policies can be added.
public struct RetryPolicy: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case never
        case waitUpTo(seconds: Int)
    }

    let kind: Kind

    /// Report the 429 at once, with the wait time in the error.
    public static let never = RetryPolicy(kind: .never)

    /// Wait out `Retry-After` and try again, when it is at most `seconds`. Only requests
    /// that are safe to repeat are retried: idempotent methods, or a POST with an
    /// `Idempotency-Key`.
    public static func waitUpTo(seconds: Int) -> RetryPolicy { RetryPolicy(kind: .waitUpTo(seconds: seconds)) }

    func allowsWait(of seconds: Int) -> Bool {
        switch kind {
        case .never: false
        case .waitUpTo(let limit): seconds <= limit
        }
    }
}
