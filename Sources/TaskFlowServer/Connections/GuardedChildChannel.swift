import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// A server child channel (HTTP/1 with the WebSocket upgrade) guarded from the connection's
/// first byte on (Hummingbird's own idle timeout starts only after the first request head):
/// `ConnectionGuardHandler` between the HTTP encoder and decoder, `ParserErrorRelay` after
/// the decoder.
struct GuardedChildChannel<Inner: ServerChildChannel>: ServerChildChannel {
    let inner: Inner
    let timeouts: ConnectionTimeouts

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Inner.Value> {
        let timeouts = self.timeouts
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let encoder = try operations.handler(type: HTTPResponseEncoder.self)
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(ConnectionGuardHandler(timeouts: timeouts), position: .after(encoder))
            try operations.addHandler(ParserErrorRelay(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Inner.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
