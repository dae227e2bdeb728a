import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// A server child channel (Hummingbird's HTTP/1 with the WebSocket upgrade) guarded from the
/// connection's first byte on, where Hummingbird's own idle timeout starts only after the
/// first request head: the pipeline becomes
///
///     HTTPResponseEncoder, ConnectionGuardHandler, HTTP request decoder, RequestHeadGuard,
///     upgrade handler (then Hummingbird's HTTP handlers, or the WebSocket ones)
///
/// `ConnectionGuardHandler` sees bytes in and response parts out (timeouts, the guard's own
/// answers); `RequestHeadGuard` sees decoded request parts (what to refuse, which `Upgrade`
/// to drop, where requests begin and end). Both leave the pipeline when it becomes a WebSocket.
struct GuardedChildChannel<Inner: ServerChildChannel>: ServerChildChannel {
    let inner: Inner
    let timeouts: ConnectionTimeouts
    /// The request targets (path and query) the inner channel upgrades to a WebSocket.
    let upgradesTarget: @Sendable (String) -> Bool
    /// Adds HSTS to the guard's own answers, as `SecurityHeadersMiddleware` does to the rest.
    let production: Bool

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Inner.Value> {
        let timeouts = self.timeouts, upgradesTarget = self.upgradesTarget, production = self.production
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let encoder = try operations.handler(type: HTTPResponseEncoder.self)
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(ConnectionGuardHandler(timeouts: timeouts, production: production), position: .after(encoder))
            try operations.addHandler(RequestHeadGuard(upgradesTarget: upgradesTarget), position: .after(decoder))
            return value
        }
    }

    func handle(value: Inner.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
