import NIOCore
import NIOHTTP1

/// The byte side of the connection guard (see `GuardedChildChannel`). It sits between the
/// HTTP response encoder and the request decoder, so it sees raw bytes coming in and
/// response parts going out, and does what API.md ("Operations") asks below the router:
///
/// - a new connection that sends nothing is closed after `ConnectionTimeouts.beforeFirstRequest`;
/// - a request head must be decoded within `header` of its first byte;
/// - between requests (every response written) the idle timeout runs;
/// - an answer `RequestHeadGuard` asks for (400 for bytes the parser refuses, 501 for an
///   unsupported `Transfer-Encoding`) is written after the responses to the requests
///   before it, and the connection is closed;
/// - at a graceful shutdown a connection with no request in progress is closed at once.
///
/// Request boundaries come from `RequestHeadGuard`, after the decoder, as
/// `ConnectionGuardEvent`s: bytes that arrive while no request is being read start a head.
///
/// When the connection becomes a WebSocket (a 101 goes out) it steps aside: it passes
/// everything on and leaves the pipeline once the 101 has been flushed. It must not leave
/// inside `write`: NIO calls `flush` on the same context right after `write` in a
/// `writeAndFlush`, and a context that has left the pipeline drops that flush, so the 101
/// would never be sent and the upgrade would wait for it forever.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let timeouts: ConnectionTimeouts
    private let production: Bool
    /// Request heads passed on to the server, and responses written to the end.
    private var requestsPassed = 0
    private var responsesEnded = 0
    /// A passed request whose end has not been decoded yet.
    private var readingRequest = false
    /// Bytes of a head not yet decoded have arrived: the header timeout runs.
    private var readingHead = false
    /// What comes in from now on is not read (the parser has refused the connection).
    private var discardingInput = false
    /// An answer to write, and the connection to close, once this many responses have ended.
    private var refusal: (answer: GuardAnswer, afterResponses: Int)?
    /// Close once every request passed on has been answered (graceful shutdown, the parser
    /// refused the rest of a request the server is answering, or the last request passed).
    private var closeWhenAnswered = false
    /// A request after which the connection cannot serve another has been passed on; what
    /// comes after it is not read.
    private var lastRequestPassed = false
    /// Say `Connection: close` on the responses still to come.
    private var announceClose = false
    private var closing = false
    /// A 101 went out: from here on the bytes are WebSocket frames.
    private var upgraded = false
    private var removed = false
    /// When the connection is closed unless something happens first (nil: no timeout runs).
    private var deadline: NIODeadline?
    /// The one scheduled check, and when it runs. Between requests the deadline moves on
    /// every request; the check is not rescheduled each time, it looks at the deadline
    /// when it runs and goes back to sleep if that has moved.
    private var check: (task: Scheduled<Void>, at: NIODeadline)?

    init(timeouts: ConnectionTimeouts, production: Bool) {
        self.timeouts = timeouts
        self.production = production
    }

    private var everythingAnswered: Bool { !readingRequest && responsesEnded >= requestsPassed }

    // MARK: lifetime

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { armIdle(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimer()
    }

    func channelActive(context: ChannelHandlerContext) {
        armIdle(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimer()
        context.fireChannelInactive()
    }

    // MARK: bytes in

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if upgraded { return context.fireChannelRead(data) }
        guard !closing, !discardingInput, !(lastRequestPassed && !readingRequest) else { return }
        if !readingRequest, !readingHead, unwrapInboundIn(data).readableBytes > 0 {
            readingHead = true
            arm(context, after: timeouts.header)
        }
        context.fireChannelRead(data)
    }

    // MARK: responses out

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if upgraded { return context.write(data, promise: promise) }
        guard !closing else {
            // The guard has answered (or is closing) this connection; nothing else goes out.
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status == .switchingProtocols:
            upgraded = true
            disarm()
            context.write(data, promise: promise)
        case .head(var head) where announceClose:
            head.headers.replaceOrAdd(name: "Connection", value: "close")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .head, .body:
            context.write(data, promise: promise)
        case .end:
            responsesEnded += 1
            if let refusal, responsesEnded >= refusal.afterResponses {
                context.write(data, promise: promise)
                answerAndClose(context, refusal.answer)
            } else if closeWhenAnswered, everythingAnswered {
                closing = true
                disarm()
                context.writeAndFlush(data).assumeIsolated().whenComplete { result in
                    promise?.completeWith(result)
                    self.closeQuietly(context)
                }
            } else {
                context.write(data, promise: promise)
                if everythingAnswered, !readingHead, refusal == nil { armIdle(context) }
            }
        }
    }

    func flush(context: ChannelHandlerContext) {
        context.flush()
        // The 101 has been written and is now flushed: step aside (see the type's comment).
        if upgraded, !removed {
            removed = true
            context.fireUserInboundEventTriggered(ConnectionGuardEvent.upgraded)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    // MARK: events

    /// From `RequestHeadGuard`: where requests begin and end, and what to refuse.
    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let event = event as? ConnectionGuardEvent else {
            return context.triggerUserOutboundEvent(event, promise: promise)
        }
        promise?.succeed()
        guard !closing, !upgraded else { return }
        switch event {
        case .requestHeadPassed(let last):
            requestsPassed += 1
            readingRequest = true
            readingHead = false
            disarm()
            if last {
                lastRequestPassed = true
                announceClose = true
                closeWhenAnswered = true
            }
        case .requestEnded:
            readingRequest = false
            // Usually the response is still to come; if it has already been written, the
            // connection is now between requests.
            guard everythingAnswered, refusal == nil else { break }
            if closeWhenAnswered { closeQuietly(context) } else { armIdle(context) }
        case .refuse(let answer):
            discardingInput = true
            readingHead = false
            if responsesEnded >= requestsPassed {
                answerAndClose(context, answer)
            } else {
                // Requests before the refused one are answered first; should they never be,
                // the connection goes after the header timeout.
                refusal = (answer, requestsPassed)
                arm(context, after: timeouts.header)
            }
        case .refuseRestOfRequest:
            // The server is answering the request (its body read fails with the parser's
            // error, which the router answers 400); then the connection closes.
            discardingInput = true
            readingRequest = false
            announceClose = true
            closeWhenAnswered = true
            if everythingAnswered { closeQuietly(context) }
        case .closeQuietly, .upgraded:
            break
        }
    }

    /// A graceful shutdown: a connection with no request in progress (silent, between
    /// requests, or part-way through a head) closes now, so shutting down never waits for a
    /// client that says nothing; one with a request in progress closes once it is answered.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, !closing, !upgraded {
            if everythingAnswered {
                closeQuietly(context)
            } else {
                closeWhenAnswered = true
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: closing

    /// Writes the answer and closes the connection.
    private func answerAndClose(_ context: ChannelHandlerContext, _ answer: GuardAnswer) {
        closing = true
        stopTimer()
        context.write(wrapOutboundOut(.head(answer.head(production: production))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(answer.body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            self.closeQuietly(context)
        }
    }

    /// Closes the connection. `RequestHeadGuard` first tells a connection still waiting for its
    /// first request that its input has ended, as a client closing it would, so that the
    /// HTTP/WebSocket negotiation ends quietly instead of logging an error about a pipeline
    /// torn down under it.
    private func closeQuietly(_ context: ChannelHandlerContext) {
        closing = true
        stopTimer()
        context.fireUserInboundEventTriggered(ConnectionGuardEvent.closeQuietly)
        context.close(promise: nil)
    }

    // MARK: timers

    private func armIdle(_ context: ChannelHandlerContext) {
        arm(context, after: requestsPassed == 0 ? timeouts.beforeFirstRequest : timeouts.idle)
    }

    private func arm(_ context: ChannelHandlerContext, after timeout: Duration) {
        guard !closing, !upgraded else { return }
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        self.deadline = deadline
        // A check already scheduled for this deadline or earlier will find it; one scheduled
        // later (the idle timeout, when the header timeout is shorter) is replaced.
        if let check, check.at <= deadline { return }
        schedule(context, at: deadline)
    }

    private func disarm() {
        deadline = nil
    }

    private func schedule(_ context: ChannelHandlerContext, at time: NIODeadline) {
        check?.task.cancel()
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: time) {
            self.check = nil
            guard let deadline = self.deadline else { return }
            if deadline <= .now() {
                self.closeQuietly(context)
            } else {
                self.schedule(context, at: deadline)
            }
        }
        check = (task, time)
    }

    private func stopTimer() {
        deadline = nil
        check?.task.cancel()
        check = nil
    }
}

@available(*, unavailable)
extension ConnectionGuardHandler: Sendable {}
