import Foundation
import HTTPTypes
import HummingbirdWebSocket
import Logging
import Synchronization
import TaskFlowCore

/// Socket.IO v4 over WebSocket only (API.md, "Live updates"): open packet, token auth in
/// the CONNECT packet, the user's room joined by the server, task events out, server pings
/// with a timeout for silent clients.
struct SocketIOEndpoint: Sendable {
    let hub: LiveHub
    let sockets: OpenSockets
    let tokens: TokenService
    let accounts: AccountCheck
    let metrics: ServerMetrics
    let pingInterval: Duration
    let pingTimeout: Duration
    /// How long a client may take to authenticate with its CONNECT packet.
    let connectTimeout: Duration

    /// `/socket.io/?EIO=4&transport=websocket`; anything else is not upgraded (and the
    /// HTTP router answers it with 400).
    static func accepts(_ request: HTTPRequest) -> Bool {
        request.path.map(accepts(target:)) ?? false
    }

    /// The same for a request target (path and query), as the connection guard sees it.
    static func accepts(target: String) -> Bool {
        let parts = target.split(separator: "?", maxSplits: 1)
        guard parts.first == "/socket.io/" || parts.first == "/socket.io", parts.count == 2 else { return false }
        let query = Dictionary(QueryString.pairs(String(parts[1])).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        return query["EIO"] == "4" && query["transport"] == "websocket"
    }

    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async {
        metrics.openSockets.increment()
        defer { metrics.openSockets.decrement() }
        let session = SocketIOSession()
        let registration = await sockets.register { try? await outbound.close(.goingAway, reason: "server shutting down") }
        let sid = RandomToken.make(bytes: 15)
        let open = EngineIOHandshake(
            sid: sid, pingInterval: pingInterval, pingTimeout: pingTimeout, maxPayload: Self.maxPayload)
        guard (try? await outbound.write(.text(EngineIOPacket.open(open).encoded))) != nil else { return }

        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await Task.sleep(for: connectTimeout) } catch { return }
                if session.userID == nil { try? await outbound.close(.policyViolation, reason: "no CONNECT packet") }
            }
            do {
                for try await message in inbound.messages(maxSize: Self.maxPayload) {
                    guard case .text(let text) = message else { continue }
                    session.heard()
                    let packet: EngineIOPacket
                    do {
                        packet = try EngineIOPacket(decoding: text)
                    } catch {
                        logger.debug("unreadable Engine.IO packet", metadata: ["reason": .string(String(describing: error))])
                        continue
                    }
                    let keepGoing = try await handle(packet, sid: sid, session: session, outbound: outbound, group: &group, logger: logger)
                    if !keepGoing { break }
                }
            } catch {
                logger.debug("socket closed", metadata: ["reason": .string(String(describing: type(of: error)))])
            }
            group.cancelAll()
        }
        await sockets.unregister(registration)
        if let subscription = session.subscription { await hub.unsubscribe(subscription) }
    }

    /// Reacts to one Engine.IO packet; false ends the connection.
    private func handle(
        _ packet: EngineIOPacket, sid: String, session: SocketIOSession, outbound: WebSocketOutboundWriter,
        group: inout TaskGroup<Void>, logger: Logger
    ) async throws -> Bool {
        switch packet {
        case .pong, .noop, .upgrade, .open:
            return true
        case .ping:
            try await outbound.write(.text(EngineIOPacket.pong.encoded))
            return true
        case .close:
            try? await outbound.close(.normalClosure, reason: nil)
            return false
        case .message(let body):
            do {
                return try await handle(SocketIOPacket(decoding: body), sid: sid, session: session, outbound: outbound, group: &group)
            } catch let error as SocketIOWireError {
                // Binary events and malformed packets are skipped; the connection goes on.
                logger.debug("unreadable Socket.IO packet", metadata: ["reason": .string(error.description)])
                return true
            }
        }
    }

    /// Reacts to one Socket.IO packet; false ends the connection.
    private func handle(
        _ packet: SocketIOPacket, sid: String, session: SocketIOSession, outbound: WebSocketOutboundWriter,
        group: inout TaskGroup<Void>
    ) async throws -> Bool {
        switch packet.kind {
        case .disconnect:
            try? await outbound.close(.normalClosure, reason: nil)
            return false
        case .connect:
            guard packet.namespace == "/" else {
                try await outbound.write(.text(SocketIOPacket.connectError("Invalid namespace", namespace: packet.namespace).frame))
                return true
            }
            guard session.userID == nil else { return true }
            guard let token = packet.data?["token"]?.stringValue, let userID = try? await tokens.verify(token),
                  (try? await accounts.exists(userID)) == true
            else {
                try await outbound.write(.text(SocketIOPacket.connectError("unauthorized").frame))
                try? await outbound.close(.normalClosure, reason: "unauthorized")
                return false
            }
            let subscription = await hub.subscribe(userID: userID)
            session.connected(userID: userID, subscription: subscription)
            try await outbound.write(.text(SocketIOPacket.connected(sid: sid).frame))
            group.addTask { await forward(subscription, to: outbound) }
            // Pings start only now: until CONNECT succeeds the server sends nothing more.
            group.addTask { await heartbeat(session: session, outbound: outbound) }
            return true
        case .event:
            // `join-room` with one's own id is accepted for compatibility; the server has
            // already put the socket in that room, and any other room is ignored.
            if let ackID = packet.ackID, session.userID != nil { try await outbound.write(.text(SocketIOPacket.ack(ackID).frame)) }
            return true
        case .ack, .connectError:
            return true
        }
    }

    private func forward(_ subscription: LiveHub.Subscription, to outbound: WebSocketOutboundWriter) async {
        for await event in subscription.events {
            do {
                try await outbound.write(.text(event.socketIOFrame))
                metrics.liveEventsSent.increment()
            } catch {
                return
            }
        }
    }

    /// Pings every `pingInterval`, on a schedule of its own: waiting up to `pingTimeout` for
    /// the answer must not push the next ping back, or pings would come every interval plus
    /// timeout — exactly when a client gives up and reconnects. A client that has not
    /// answered within `pingTimeout` is closed.
    private func heartbeat(session: SocketIOSession, outbound: WebSocketOutboundWriter) async {
        var nextPing = ContinuousClock.now + pingInterval
        while !Task.isCancelled {
            do {
                try await Task.sleep(until: nextPing)
                let sentAt = ContinuousClock.now
                nextPing = sentAt + pingInterval
                try await outbound.write(.text(EngineIOPacket.ping.encoded))
                try await Task.sleep(until: sentAt + pingTimeout)
                if session.lastHeard < sentAt {
                    try? await outbound.close(.goingAway, reason: "ping timeout")
                    return
                }
            } catch {
                return
            }
        }
    }

    /// The largest message a client may send, as the open packet announces.
    static let maxPayload = 1_000_000
}

/// State shared by a socket's reader, heartbeat and forwarder tasks.
final class SocketIOSession: Sendable {
    private struct State {
        var lastHeard = ContinuousClock.now
        var userID: String?
        var subscription: LiveHub.Subscription?
    }

    private let state = Mutex(State())

    var lastHeard: ContinuousClock.Instant { state.withLock { $0.lastHeard } }
    var userID: String? { state.withLock { $0.userID } }
    var subscription: LiveHub.Subscription? { state.withLock { $0.subscription } }

    func heard() { state.withLock { $0.lastHeard = ContinuousClock.now } }

    func connected(userID: String, subscription: LiveHub.Subscription) {
        state.withLock {
            $0.userID = userID
            $0.subscription = subscription
        }
    }
}
