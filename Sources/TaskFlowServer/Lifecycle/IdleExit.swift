/// Waits until the server has been idle (no request in flight, no open socket) for
/// `limit`: `IDLE_EXIT_AFTER` for a private server that nobody needs to stop by hand.
public struct IdleExit: Sendable {
    let activity: ServerActivity
    let sockets: OpenSockets
    let limit: Duration

    public init(services: ServerServices, limit: Duration) {
        activity = services.activity
        sockets = services.sockets
        self.limit = limit
    }

    /// Returns once idle for `limit`; throws `CancellationError` when cancelled.
    public func wait() async throws {
        // Checking ten times per limit (at most once a second) is exact enough.
        let tick = min(limit / 10, .seconds(1))
        while true {
            try await Task.sleep(for: tick)
            if await sockets.count > 0 { activity.touch() }
            if activity.idleTime >= limit { return }
        }
    }
}
