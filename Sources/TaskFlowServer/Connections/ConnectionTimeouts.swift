/// How long a connection may stay quiet (API.md, "Operations"), enforced by
/// `ConnectionGuardHandler`.
public struct ConnectionTimeouts: Sendable {
    /// `IDLE_TIMEOUT_MS`, default 60 s: a keep-alive connection between requests.
    public var idle: Duration = .seconds(60)
    /// A request's head must arrive within this long of its first byte. 10 s, as API.md
    /// says; only tests change it.
    public var header: Duration = .seconds(10)

    public init() {}

    /// A new connection that has sent nothing yet: it has no request to wait for, so it gets
    /// the header timeout, or the idle timeout when that is shorter.
    var beforeFirstRequest: Duration { min(idle, header) }
}
