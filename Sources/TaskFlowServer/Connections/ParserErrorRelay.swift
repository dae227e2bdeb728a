import NIOCore
import NIOHTTP1

/// Sits just after the HTTP decoder and turns its errors into a `RequestRefused` event for
/// `ConnectionGuardHandler`, saying how many request heads were decoded before the error,
/// so that the 400 goes out after the answers to those. Without it, a parse error in the
/// first request of a connection (still in the WebSocket upgrade stage) goes unanswered.
final class ParserErrorRelay: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart

    struct RequestRefused {
        let afterRequests: Int
    }

    /// Sent by `ConnectionGuardHandler` when the connection becomes a WebSocket: from then
    /// on the bytes passing here are frames, not request parts.
    struct Upgraded {}

    private var headsDecoded = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { headsDecoded += 1 }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is Upgraded {
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else { return context.fireErrorCaught(error) }
        context.triggerUserOutboundEvent(RequestRefused(afterRequests: headsDecoded), promise: nil)
    }
}

@available(*, unavailable)
extension ParserErrorRelay: Sendable {}
