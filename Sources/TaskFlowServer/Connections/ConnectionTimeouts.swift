/// How long a connection may wait between requests, and how long a request's head may
/// take to arrive once its first byte has (API.md, "Operations").
public struct ConnectionTimeouts: Sendable {
    /// `IDLE_TIMEOUT_MS`, default 60 s.
    public var idle: Duration = .seconds(60)
    /// 10 s in service; tests make it short.
    public var header: Duration = .seconds(10)

    public init() {}
}
