import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// Runs a built application until SIGTERM/SIGINT (or `stop()`), then shuts down in the
/// order API.md promises: sockets closed with 1001, no new connections, requests in flight
/// finished.
public struct ServerRunner<App: ApplicationProtocol & Service>: Sendable {
    let app: App
    let sockets: OpenSockets
    let logger: Logger
    private let stopRequests: AsyncStream<Void>
    private let stopContinuation: AsyncStream<Void>.Continuation

    public init(app: App, services: ServerServices, logger: Logger) {
        self.app = app
        self.sockets = services.sockets
        self.logger = logger
        (stopRequests, stopContinuation) = AsyncStream.makeStream(of: Void.self)
    }

    /// Asks a running server to shut down gracefully (as SIGTERM does).
    public func stop() { stopContinuation.yield() }

    public func run(trapSignals: Bool = true) async throws {
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let signals = trapSignals ? await UnixSignalsSequence(trapping: .sigterm, .sigint) : nil
        let stopRequests = self.stopRequests
        // Each task says whether it was the server's: the run is over when that one ends.
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try await group.run()
                return true
            }
            tasks.addTask {
                await withTaskGroup(of: Void.self) { waiters in
                    if let signals {
                        waiters.addTask { for await _ in signals { return } }
                    }
                    waiters.addTask { for await _ in stopRequests { return } }
                    await waiters.next()
                    waiters.cancelAll()
                }
                guard !Task.isCancelled else { return false }
                logger.info("shutting down")
                await sockets.closeAll()
                await group.triggerGracefulShutdown()
                return false
            }
            // After the graceful shutdown has been triggered, wait for the server to finish it
            // (requests in flight answered, connections closed): cancelling it instead cuts
            // that short, and Hummingbird logs the cancellation as an error ("Waiting on child
            // channel: CancellationError()"). Idle and silent connections do not hold it up:
            // they close at once (ConnectionGuardHandler).
            while let serverEnded = try await tasks.next() {
                if serverEnded { break }
            }
            tasks.cancelAll()
        }
    }
}
