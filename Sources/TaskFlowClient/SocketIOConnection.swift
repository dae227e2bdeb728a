import Foundation
import TaskFlowCore

/// One Socket.IO v4 session over a WebSocket, as API.md describes: Engine.IO open packet,
/// `40{"token":…}` auth, optional `join-room`, then `42[…]` events with `2`/`3` heartbeats.
/// The connection counts as dead after `pingInterval + pingTimeout` without a word.
final class SocketIOConnection: Sendable {
    let events: AsyncThrowingStream<LiveEvent, any Error>
    private let socket: WebSocket
    private let pump: Task<Void, Never>

    static func url(for server: ServerAddress) -> URL {
        server.url(path: "/socket.io/", query: [URLQueryItem(name: "EIO", value: "4"), URLQueryItem(name: "transport", value: "websocket")])
    }

    /// Connects and authenticates; throws `ClientError` with `isLiveUnauthorized` when the
    /// server rejects the token.
    static func connect(
        url: URL, token: String, joinRoom userID: String?, options: TransportOptions,
        handshakeTimeout: Duration = .seconds(10)
    ) async throws -> SocketIOConnection {
        let socket = try await WebSocket.connect(to: url, options: options)
        socket.setIdleTimeout(handshakeTimeout)
        var messages = socket.messages.makeAsyncIterator()
        do {
            try await handshake(socket, &messages, token: token, server: ServerAddress.origin(of: url))
            if let userID { try await socket.send(text: SocketIOPacket.event("join-room", [.string(userID)]).frame) }
        } catch {
            await socket.close()
            throw error
        }
        return SocketIOConnection(socket: socket, messages: messages)
    }

    private static func handshake(
        _ socket: WebSocket, _ messages: inout AsyncThrowingStream<WebSocketMessage, any Error>.Iterator, token: String, server: String
    ) async throws {
        var authSent = false
        while let message = try await messages.next() {
            guard case .text(let text) = message, let packet = try? EngineIOPacket(decoding: text) else { continue }
            switch packet {
            case .open(let handshake):
                socket.setIdleTimeout(handshake.pingInterval + handshake.pingTimeout)
                try await socket.send(text: SocketIOPacket.connect(auth: ["token": .string(token)]).frame)
                authSent = true
            case .ping:
                try await socket.send(text: EngineIOPacket.pong.encoded)
            case .message(let body) where authSent:
                guard let reply = try? SocketIOPacket(decoding: body), reply.namespace == "/" else { continue }
                switch reply.kind {
                case .connect: return
                case .connectError:
                    let reason = reply.data?["message"]?.stringValue ?? reply.data?.stringValue ?? reply.data?.json ?? ""
                    throw ClientError(.liveRejected(reason))
                default: continue
                }
            case .close:
                throw ClientError(.webSocket("\(server) closed the live connection during the handshake."))
            default:
                continue
            }
        }
        throw ClientError(.webSocket("\(server) closed the live connection during the handshake."))
    }

    private init(socket: WebSocket, messages: sending AsyncThrowingStream<WebSocketMessage, any Error>.Iterator) {
        self.socket = socket
        let (events, continuation) = AsyncThrowingStream<LiveEvent, any Error>.makeStream()
        self.events = events
        pump = Task { [socket] in
            var messages = messages
            do {
                while let message = try await messages.next() {
                    guard case .text(let text) = message, let packet = try? EngineIOPacket(decoding: text) else { continue }
                    switch packet {
                    case .ping:
                        // If this fails the socket is going down; the next read reports why.
                        try? await socket.send(text: EngineIOPacket.pong.encoded)
                    case .message(let body):
                        guard let packet = try? SocketIOPacket(decoding: body), packet.namespace == "/" else { continue }
                        switch packet.kind {
                        case .event:
                            if let event = try? LiveEvent(packet) { continuation.yield(event) }
                        case .disconnect:
                            throw WebSocketClosed(code: 1000, reason: "the server ended the live session")
                        default:
                            continue
                        }
                    case .close:
                        throw WebSocketClosed(code: 1000, reason: "the server ended the live session")
                    default:
                        continue
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
            await socket.close()
        }
        continuation.onTermination = { [pump] _ in pump.cancel() }
    }

    func close() async {
        pump.cancel()
        await socket.close()
    }
}
