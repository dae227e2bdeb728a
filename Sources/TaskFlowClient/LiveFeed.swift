import Foundation
import TaskFlowCore

/// One stream of task events and connection states, from Socket.IO when it works and from
/// conditional polling while it does not.
///
/// Socket failures are retried with exponential backoff and jitter; between attempts the
/// poller keeps the data fresh. After any gap (a reconnect, a switch of channel, or a
/// start while the server could not be reached) the feed sends `.resync`, because events
/// in the gap are lost and whatever the consumer asked for meanwhile failed. If the session
/// has ended the feed sends `.state(.stopped)` and finishes.
public final class LiveFeed: Sendable {
    public let client: APIClient
    public let options: LiveOptions

    public init(client: APIClient, options: LiveOptions = LiveOptions()) {
        self.client = client
        self.options = options
    }

    /// Starts the feed; it runs until the stream is dropped or the consuming task is cancelled.
    public func updates() -> AsyncStream<LiveUpdate> {
        let (stream, continuation) = AsyncStream<LiveUpdate>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let runner = Task { [self] in
            await run(continuation)
            continuation.finish()
        }
        continuation.onTermination = { _ in runner.cancel() }
        return stream
    }

    private func run(_ output: AsyncStream<LiveUpdate>.Continuation) async {
        var poller = TaskPoller(client: client)
        var failures = 0
        var hadGap = false
        var reason = "starting"
        while !Task.isCancelled {
            if options.mode != .pollingOnly {
                output.yield(.state(.connecting))
                do {
                    let connection = try await connect()
                    failures = 0
                    output.yield(.state(.live))
                    if hadGap { output.yield(.resync) }
                    hadGap = true
                    for try await event in connection.events { output.yield(.event(event)) }
                    reason = "the server ended the live connection"
                } catch is CancellationError {
                    return
                } catch let error as ClientError where error.category == .auth && !error.isLiveUnauthorized {
                    output.yield(.state(.stopped(reason: error.message)))
                    return
                } catch {
                    if Task.isCancelled { return }
                    reason = Self.describe(error)
                }
                failures += 1
                // Even before the first success: what was loaded while the server could not
                // be reached failed, so getting through must reload.
                hadGap = true
            }
            let retryAt: ContinuousClock.Instant? = options.mode == .pollingOnly
                ? nil : .now + options.backoff.delay(attempt: failures)
            if options.mode == .socketOnly {
                let wait = retryAt! - .now
                output.yield(.state(.offline(reason: reason, retryIn: wait)))
                do { try await Task.sleep(for: wait) } catch { return }
                continue
            }
            guard await pollUntil(retryAt, poller: &poller, reason: reason, hadGap: &hadGap, output: output) else { return }
        }
    }

    /// Polls until `deadline` (forever when nil). Returns false when the feed must stop.
    private func pollUntil(
        _ deadline: ContinuousClock.Instant?, poller: inout TaskPoller, reason: String, hadGap: inout Bool,
        output: AsyncStream<LiveUpdate>.Continuation
    ) async -> Bool {
        poller.reset()
        var announced = false
        while deadline.map({ .now < $0 }) ?? true {
            do {
                let updates = try await poller.poll()
                if !announced {
                    output.yield(.state(.polling(reason: reason)))
                    if hadGap { output.yield(.resync) }
                    hadGap = true
                    announced = true
                }
                for update in updates { output.yield(update) }
                output.yield(.synced)
            } catch let error as ClientError where error.category == .auth {
                output.yield(.state(.stopped(reason: error.message)))
                return false
            } catch {
                if Task.isCancelled { return false }
                let wait = deadline.map { $0 - .now } ?? options.pollInterval
                output.yield(.state(.offline(reason: Self.describe(error), retryIn: max(wait, .zero))))
                announced = false
                hadGap = true
                poller.reset()
            }
            var pause = TaskPoller.interval(base: options.pollInterval, rateLimit: client.rateLimit, now: Date())
            if let deadline { pause = min(pause, max(deadline - .now, .zero)) }
            do { try await Task.sleep(for: pause) } catch { return false }
        }
        return true
    }

    /// Opens Socket.IO with the current token, renewing it once if the server refuses it.
    private func connect() async throws -> SocketIOConnection {
        let url = SocketIOConnection.url(for: client.server)
        let userID = options.joinRoom ? await client.session.user?.id : nil
        let token = try await client.session.accessToken()
        var transport = options.transport
        transport.unixSocketPath = client.server.unixSocketPath
        do {
            return try await SocketIOConnection.connect(url: url, token: token, joinRoom: userID, options: transport)
        } catch let error as ClientError where error.isLiveUnauthorized {
            let renewed = try await client.session.renewedAccessToken(replacing: token) { [client] in
                try await client.exchange($0)
            }
            return try await SocketIOConnection.connect(url: url, token: renewed, joinRoom: userID, options: transport)
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ClientError: error.message
        case let closed as WebSocketClosed: closed.description
        default: String(describing: error)
        }
    }
}
