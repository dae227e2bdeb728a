/// How long a keep-alive connection may wait between requests (API.md, "Operations").
public struct ConnectionTimeouts: Sendable {
    /// `IDLE_TIMEOUT_MS`, default 60 s.
    public var idle: Duration = .seconds(60)

    public init() {}
}
