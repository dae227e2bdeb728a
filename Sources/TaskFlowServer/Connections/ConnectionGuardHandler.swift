import NIOCore
import NIOHTTP1

/// What API.md ("Operations") asks of a connection, below the router: a connection idle
/// between requests is closed after `idle`; one whose request head is still incomplete
/// `header` after its first byte is closed; an unsupported `Transfer-Encoding` gets 501 and a
/// request the HTTP parser refuses gets 400, both closing the connection. It holds each head
/// until it is complete, so that it can decide before the parser and the WebSocket upgrade
/// handler see it (see `RawRequestHead`).
///
/// It sits between the HTTP encoder and decoder, so it sees raw bytes coming in and
/// response parts going out, and leaves the pipeline when the connection becomes a
/// WebSocket (Socket.IO has its own heartbeat). Parser errors reach it from
/// `ParserErrorRelay`, which sits after the decoder.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Phase {
        /// Between requests: the idle timeout runs.
        case waiting
        /// Part of a head has arrived and is held here: the header timeout runs.
        case readingHead
        /// A head too long to hold is passed on for the decoder to refuse; the header
        /// timeout still runs.
        case passingLongHead
        /// A whole head has arrived: no timeout until the response has been written.
        case answering
        /// An error answer was written; the connection is closing.
        case closing
    }

    private let timeouts: ConnectionTimeouts
    private var phase = Phase.waiting
    /// Responses whose end has been written.
    private var responsesEnded = 0
    /// The parser refused a request after this many others, still to be answered first.
    private var refusedAfter: Int?
    /// The server is shutting down: close once the response in progress has been written.
    private var quiescing = false
    private var scanner = RequestHeadScanner()
    private var deadline: Scheduled<Void>?

    init(timeouts: ConnectionTimeouts) {
        self.timeouts = timeouts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context, after: timeouts.idle) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context, after: timeouts.idle)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        switch phase {
        case .closing:
            return
        case .answering, .passingLongHead:
            return context.fireChannelRead(data)
        case .waiting:
            guard bytes.readableBytes > 0 else { return context.fireChannelRead(data) }
            phase = .readingHead
            scanner = RequestHeadScanner()
            arm(context, after: timeouts.header)
        case .readingHead:
            break
        }
        switch scanner.feed(bytes) {
        case .incomplete:
            return
        case .tooLong(let headBytesOfChunk):
            phase = .passingLongHead
            bytes.moveReaderIndex(forwardBy: headBytesOfChunk)
            context.fireChannelRead(wrapInboundOut(ByteBuffer(bytes: scanner.head)))
            if bytes.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(bytes)) }
        case .complete(let headBytesOfChunk):
            let head = RawRequestHead(scanner.head)
            // The parser itself would refuse these as a 400; HTTP says 501 (RFC 9112 §6.1).
            guard !head.hasUnsupportedTransferCoding else {
                return answerAndClose(context, .notImplemented, "not_implemented",
                                      "Transfer-Encoding is not supported; send chunked or Content-Length")
            }
            phase = .answering
            disarm()
            bytes.moveReaderIndex(forwardBy: headBytesOfChunk)
            context.fireChannelRead(wrapInboundOut(ByteBuffer(bytes: head.asksForAnImpossibleUpgrade ? head.withoutUpgrade() : head.bytes)))
            if bytes.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(bytes)) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status == .switchingProtocols:
            context.write(data, promise: promise)
            context.fireUserInboundEventTriggered(ParserErrorRelay.Upgraded())
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        case .head:
            // Also the answer to a request read while the previous one was being answered.
            phase = .answering
            disarm()
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            responsesEnded += 1
            context.write(data, promise: promise)
            if let refusedAfter, responsesEnded >= refusedAfter {
                refuse(context)
            } else if quiescing {
                phase = .closing
                context.close(promise: nil)
            } else if phase != .closing {
                phase = .waiting
                arm(context, after: timeouts.idle)
            }
        }
    }

    /// A graceful shutdown: connections between requests (or that have not finished a head)
    /// close now, so that shutting down never waits for a client that says nothing.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            if phase == .waiting || phase == .readingHead {
                phase = .closing
                context.close(promise: nil)
            } else {
                quiescing = true
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let refused = event as? ParserErrorRelay.RequestRefused else {
            return context.triggerUserOutboundEvent(event, promise: promise)
        }
        promise?.succeed()
        guard phase != .closing else { return }
        if responsesEnded >= refused.afterRequests {
            refuse(context)
        } else {
            // Requests read before the bad one are answered first; if they never are (their
            // body was the bad part), the connection goes after the header timeout.
            refusedAfter = refused.afterRequests
            arm(context, after: timeouts.header)
        }
    }

    private func refuse(_ context: ChannelHandlerContext) {
        answerAndClose(context, .badRequest, "bad_request", "the request is not valid HTTP/1.1")
    }

    /// Writes an error in the contract's shape and closes the connection.
    private func answerAndClose(_ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ code: String, _ message: String) {
        phase = .closing
        disarm()
        let body = ByteBuffer(string: #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    private func arm(_ context: ChannelHandlerContext, after timeout: Duration) {
        disarm()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension ConnectionGuardHandler: Sendable {}
