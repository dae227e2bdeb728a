import NIOCore
import NIOHTTP1
import TaskFlowCore

/// The request side of the connection guard (see `GuardedChildChannel`). It sits just after
/// the HTTP request decoder, before Hummingbird's upgrade handler, and looks at each
/// decoded request head before anything else does:
///
/// - a `Transfer-Encoding` other than plain `chunked` is refused with 501 (RFC 9112 §6.1):
///   the server decodes no other coding;
/// - an `Upgrade` header that will not become a WebSocket (another protocol, a handshake
///   with a header missing or wrong, another path) is removed, so that the request reaches
///   the router and gets an answer: NIO's upgrade handler would drop it unanswered, and
///   Hummingbird's would answer a bodiless 400. The connection then closes after that
///   answer: the HTTP decoder stops parsing after a request that asked to upgrade;
/// - the parser's errors become a 400 answered by `ConnectionGuardHandler` (between
///   requests), or reach the request being read, whose handler answers 400 (in a body).
///
/// It tells `ConnectionGuardHandler` where requests begin and end, and passes everything
/// through untouched once a WebSocket handshake it let through has ended (from then on the
/// bytes are frames, not request parts).
final class RequestHeadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    /// Whether a request head with a complete WebSocket handshake is one the server
    /// upgrades (its path and query).
    private let upgradesTarget: @Sendable (String) -> Bool
    private var headsPassed = 0
    /// A head has been passed on and its end not yet.
    private var inRequest = false
    /// The request being read is a WebSocket handshake the server will accept.
    private var handshake = false
    /// After a handshake's end: pass everything on, unread.
    private var passingThrough = false
    /// The connection is being refused: nothing more is passed on.
    private var discarding = false

    init(upgradesTarget: @escaping @Sendable (String) -> Bool) {
        self.upgradesTarget = upgradesTarget
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if passingThrough { return context.fireChannelRead(data) }
        guard !discarding else { return }
        switch unwrapInboundIn(data) {
        case .head(var head):
            if head.hasUnsupportedTransferCoding {
                discarding = true
                context.triggerUserOutboundEvent(ConnectionGuardEvent.refuse(.unsupportedTransferCoding), promise: nil)
                return
            }
            // After a CONNECT, or a request with `Upgrade` and `Connection: Upgrade`, the decoder
            // stops parsing (it expects the protocol to change), so if it does not, the
            // connection can serve no further request and closes after this one's answer.
            var last = head.method == .CONNECT
            if head.headers.contains(name: "Upgrade") {
                if head.isWebSocketHandshake && upgradesTarget(head.uri) {
                    handshake = true
                } else {
                    head.headers.remove(name: "Upgrade")
                    last = true
                }
            }
            headsPassed += 1
            inRequest = true
            context.triggerUserOutboundEvent(ConnectionGuardEvent.requestHeadPassed(last: last), promise: nil)
            context.fireChannelRead(wrapInboundOut(.head(head)))
        case .body:
            context.fireChannelRead(data)
        case .end:
            inRequest = false
            context.triggerUserOutboundEvent(ConnectionGuardEvent.requestEnded, promise: nil)
            // Set before the end goes on: it starts the upgrade, which removes the decoder, and
            // what arrives after that is raw bytes.
            if handshake { passingThrough = true }
            context.fireChannelRead(data)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !passingThrough, error is HTTPParserError else { return context.fireErrorCaught(error) }
        guard !discarding else { return }
        discarding = true
        if inRequest {
            // The body of a request already passed on: its reader gets the error.
            context.triggerUserOutboundEvent(ConnectionGuardEvent.refuseRestOfRequest, promise: nil)
            context.fireErrorCaught(error)
        } else {
            context.triggerUserOutboundEvent(ConnectionGuardEvent.refuse(.malformedRequest), promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event as? ConnectionGuardEvent {
        case .closeQuietly:
            // No head has gone on, so the upgrade handler still waits for the first request:
            // it closes the connection itself and ends its negotiation as "input closed".
            if headsPassed == 0 { context.fireUserInboundEventTriggered(ChannelEvent.inputClosed) }
        case .upgraded:
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }
}

@available(*, unavailable)
extension RequestHeadGuard: Sendable {}

/// What the two halves of the connection guard tell each other (as user events).
enum ConnectionGuardEvent: Sendable {
    // RequestHeadGuard → ConnectionGuardHandler (outbound)
    /// A request head went on to the server; `last`: the connection closes after its answer.
    case requestHeadPassed(last: Bool)
    /// The end of that request went on.
    case requestEnded
    /// Answer this, after the requests already passed on, and close.
    case refuse(GuardAnswer)
    /// The parser refused the rest of the request being read: close once it is answered.
    case refuseRestOfRequest
    // ConnectionGuardHandler → RequestHeadGuard (inbound)
    /// The connection is being closed.
    case closeQuietly
    /// A 101 has gone out; the guard leaves the pipeline.
    case upgraded
}

/// An error answer the guard writes itself, in the contract's shape, closing the connection.
struct GuardAnswer: Sendable {
    let error: APIError

    static let malformedRequest = GuardAnswer(error: .badRequest("the request is not valid HTTP/1.1"))
    static let unsupportedTransferCoding = GuardAnswer(error: .notImplemented(
        "Transfer-Encoding is not supported: send the body with Content-Length or Transfer-Encoding: chunked"))

    func head(production: Bool) -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Connection", value: "close")
        headers.add(name: "X-Request-Id", value: ULID.make())
        for header in SecurityHeadersMiddleware.headers(production: production) {
            headers.add(name: header.name.rawName, value: header.value)
        }
        return HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: error.status.code), headers: headers)
    }

    var body: ByteBuffer { ByteBuffer(bytes: error.encodedBody) }
}

extension HTTPRequestHead {
    /// `Transfer-Encoding` present and other than plain `chunked`.
    var hasUnsupportedTransferCoding: Bool {
        let codings = tokens("Transfer-Encoding")
        return !codings.isEmpty && codings != ["chunked"]
    }

    /// A complete WebSocket opening handshake (RFC 6455 §4.2.1), which NIO's upgrader will
    /// accept: GET, HTTP/1.1 or later, `Upgrade: websocket`, `Connection: Upgrade`, one
    /// `Sec-WebSocket-Key` of 16 bytes in base64, one `Sec-WebSocket-Version: 13`, no body.
    var isWebSocketHandshake: Bool {
        guard method == .GET, (version.major, version.minor) >= (1, 1) else { return false }
        guard tokens("Upgrade").contains("websocket"), tokens("Connection").contains("upgrade") else { return false }
        let keys = headers["Sec-WebSocket-Key"]
        guard keys.count == 1, Self.isHandshakeKey(keys[0]), headers["Sec-WebSocket-Version"] == ["13"] else { return false }
        return !headers.contains(name: "Transfer-Encoding") && headers["Content-Length"].allSatisfy { $0 == "0" }
    }

    /// The lower-cased, trimmed, comma-separated values of every field with this name.
    private func tokens(_ name: String) -> [String] {
        headers[name].flatMap { $0.split(separator: ",") }.map { token in
            var token = token
            while let first = token.first, first == " " || first == "\t" { token.removeFirst() }
            while let last = token.last, last == " " || last == "\t" { token.removeLast() }
            return token.lowercased()
        }
    }

    /// 16 bytes in base64: 22 characters of the alphabet and `==`.
    private static func isHandshakeKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count == 24, bytes[22] == UInt8(ascii: "="), bytes[23] == UInt8(ascii: "=") else { return false }
        return bytes[..<22].allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "/"): true
            default: false
            }
        }
    }
}
