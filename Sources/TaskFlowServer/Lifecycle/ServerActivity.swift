import Synchronization

/// Requests in flight and when the last one ended, so an idle server can tell how long it
/// has had nothing to do (`IDLE_EXIT_AFTER`).
public final class ServerActivity: Sendable {
    private struct State {
        var inFlight = 0
        var lastActive = ContinuousClock.now
    }

    private let state = Mutex(State())

    public init() {}

    func begin() { state.withLock { $0.inFlight += 1 } }

    func end() {
        state.withLock {
            $0.inFlight -= 1
            $0.lastActive = .now
        }
    }

    /// Counts as activity now (an open socket keeps the server busy).
    func touch() { state.withLock { $0.lastActive = .now } }

    /// How long the server has had no request in flight; zero while one is.
    var idleTime: Duration {
        state.withLock { $0.inFlight > 0 ? .zero : ContinuousClock.now - $0.lastActive }
    }
}
