import Foundation
import Synchronization

/// An RFC 6455 WebSocket client over a libcurl connect-only connection, so `wss://` gets
/// curl's TLS, proxy and CA handling for free.
///
/// A dedicated reader thread receives frames, answers pings, joins fragments and delivers
/// whole messages to `messages`. That stream finishes normally after `close()`, and
/// otherwise by throwing `WebSocketClosed` (peer close code, 1006 when the connection
/// dropped or went silent past `idleTimeout`) or a `ClientError`.
public final class WebSocket: Sendable {
    public let messages: AsyncThrowingStream<WebSocketMessage, any Error>
    private let socket: CurlSocket
    private let state = Mutex(State())
    private let maxMessageSize: Int

    struct State {
        var closeSent = false
        var closeSentAt: ContinuousClock.Instant?
        var finished = false
        var stopRequested = false
        var idleTimeout: Duration?
    }

    /// Opens the connection and completes the handshake. `url` may be ws://, wss://,
    /// http:// or https://.
    public static func connect(
        to url: URL, headers: HTTPHeaders = HTTPHeaders(), options: TransportOptions = TransportOptions(),
        maxMessageSize: Int = 16 << 20
    ) async throws -> WebSocket {
        let httpURL = Self.httpURL(for: url)
        let (socket, leftover) = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try Self.open(httpURL, headers: headers, options: options) })
            }
        }
        return WebSocket(socket: socket, leftover: leftover, maxMessageSize: maxMessageSize)
    }

    private init(socket: CurlSocket, leftover: [UInt8], maxMessageSize: Int) {
        self.socket = socket
        self.maxMessageSize = maxMessageSize
        let (stream, continuation) = AsyncThrowingStream<WebSocketMessage, any Error>.makeStream()
        messages = stream
        continuation.onTermination = { [weak self] _ in self?.state.withLock { $0.stopRequested = true } }
        let reader = Thread { [self] in readLoop(leftover: leftover, continuation: continuation) }
        reader.name = "taskflow.websocket"
        reader.start()
    }

    /// End the stream with `WebSocketClosed(1006)` after this long without any frame.
    public func setIdleTimeout(_ timeout: Duration?) { state.withLock { $0.idleTimeout = timeout } }

    public func send(text: String) async throws { try await send(WebSocketFrame(fin: true, opcode: .text, payload: Array(text.utf8))) }

    public func send(binary: [UInt8]) async throws { try await send(WebSocketFrame(fin: true, opcode: .binary, payload: binary)) }

    /// Starts the close handshake and waits (up to two seconds) for the peer's answer.
    public func close(code: UInt16 = 1000, reason: String = "") async {
        sendClose(code: code, reason: reason)
        let deadline = ContinuousClock.now + .seconds(2)
        while !state.withLock({ $0.finished }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        state.withLock { $0.stopRequested = true }
    }

    // MARK: internals

    private func send(_ frame: WebSocketFrame) async throws {
        let bytes = frame.encodedByClient()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .userInitiated).async { [socket] in
                continuation.resume(with: Result { try socket.sendAll(bytes) })
            }
        }
    }

    private func sendClose(code: UInt16, reason: String) {
        let first = state.withLock { s in
            defer { s.closeSent = true; s.closeSentAt = s.closeSentAt ?? .now }
            return !s.closeSent
        }
        guard first else { return }
        let frame = WebSocketFrame(fin: true, opcode: .close, payload: WebSocketFrame.closePayload(code: code, reason: reason))
        try? socket.sendAll(frame.encodedByClient(), timeout: .seconds(2))
    }

    private func readLoop(leftover: [UInt8], continuation: AsyncThrowingStream<WebSocketMessage, any Error>.Continuation) {
        var decoder = WebSocketFrameDecoder(maxFrameSize: maxMessageSize)
        var assembler = WebSocketMessageAssembler(maxMessageSize: maxMessageSize)
        decoder.append(leftover)
        var lastHeard = ContinuousClock.now
        var pending = !leftover.isEmpty

        func finish(_ error: (any Error)?) {
            socket.close()
            state.withLock { $0.finished = true }
            continuation.finish(throwing: error)
        }

        while true {
            let snapshot = state.withLock { $0 }
            if snapshot.stopRequested { return finish(nil) }
            if let sentAt = snapshot.closeSentAt, ContinuousClock.now - sentAt > .seconds(2) { return finish(nil) }
            if !pending {
                let chunk: [UInt8]?
                do { chunk = try socket.receive(waitingUpTo: 100) } catch { return finish(snapshot.closeSent ? nil : error) }
                guard let chunk else {
                    return finish(snapshot.closeSent ? nil : WebSocketClosed(code: WebSocketClosed.abnormalCode, reason: "connection dropped"))
                }
                if chunk.isEmpty {
                    if let idle = snapshot.idleTimeout, ContinuousClock.now - lastHeard > idle {
                        sendClose(code: 1001, reason: "no heartbeat")
                        return finish(WebSocketClosed(code: WebSocketClosed.abnormalCode, reason: "no data for \(idle)"))
                    }
                    continue
                }
                decoder.append(chunk)
            }
            pending = false
            do {
                while let frame = try decoder.next() {
                    lastHeard = .now
                    switch frame.opcode {
                    case .ping:
                        try socket.sendAll(WebSocketFrame(fin: true, opcode: .pong, payload: frame.payload).encodedByClient())
                    case .pong:
                        break
                    case .close:
                        let code = frame.payload.count >= 2 ? UInt16(frame.payload[0]) << 8 | UInt16(frame.payload[1]) : 1005
                        let reason = String(decoding: frame.payload.dropFirst(2), as: UTF8.self)
                        let weClosed = state.withLock { $0.closeSent }
                        sendClose(code: code == 1005 ? 1000 : code, reason: "")
                        return finish(weClosed ? nil : WebSocketClosed(code: code, reason: reason))
                    case .text, .binary, .continuation:
                        if let message = try assembler.add(frame) { continuation.yield(message) }
                    }
                }
            } catch let violation as WebSocketProtocolViolation {
                sendClose(code: violation.code, reason: violation.reason)
                return finish(WebSocketClosed(code: violation.code, reason: violation.reason))
            } catch {
                return finish(error)
            }
        }
    }

    /// Blocking: connect, send the handshake, read the answer head.
    private static func open(_ url: URL, headers: HTTPHeaders, options: TransportOptions) throws -> (CurlSocket, [UInt8]) {
        let socket = try CurlSocket(url: url, options: options)
        let handshake = WebSocketHandshake(url: url, headers: headers, userAgent: options.userAgent)
        try socket.sendAll(Array(handshake.request.utf8))
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + options.connectTimeout + .seconds(5)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = received.firstRange(of: terminator) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                try handshake.validate(responseHead: head, server: ServerAddress.origin(of: url))
                return (socket, Array(received[end.upperBound...]))
            }
            guard received.count < 16 * 1024, ContinuousClock.now < deadline else {
                throw ClientError(.webSocket("\(ServerAddress.origin(of: url)) did not finish the WebSocket handshake."))
            }
            guard let chunk = try socket.receive(waitingUpTo: 200) else {
                throw ClientError(.connectionLost(server: ServerAddress.origin(of: url)))
            }
            received += chunk
        }
    }

    static func httpURL(for url: URL) -> URL {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        switch parts.scheme?.lowercased() {
        case "ws": parts.scheme = "http"
        case "wss": parts.scheme = "https"
        default: break
        }
        return parts.url ?? url
    }
}
