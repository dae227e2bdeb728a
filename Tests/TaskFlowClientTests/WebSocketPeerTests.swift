import Foundation
import Testing
@testable import TaskFlowClient
import TaskFlowTestSupport

extension RealProcessTests {
    /// Our RFC 6455 client against the `websockets` package's server (Peers/ws_peer.py).
    @Suite("WebSocket client against python websockets")
    final class WebSocketPeerTests {
        let peer: PythonPeer
        let tlsPeer: PythonPeer

        init() throws {
            peer = try PythonPeer(script: "ws_peer.py", requires: ["websockets": "websockets"])
            let peers = PythonPeer.peersDirectory.path
            tlsPeer = try PythonPeer(script: "ws_peer.py", arguments: ["--tls", "\(peers)/test-cert.pem", "\(peers)/test-key.pem"],
                                     requires: ["websockets": "websockets"])
        }

        deinit {
            peer.stop()
            tlsPeer.stop()
        }

        func url(_ path: String) -> URL { URL(string: "ws://127.0.0.1:\(peer.port)\(path)")! }

        func collect(_ socket: WebSocket, count: Int) async throws -> [WebSocketMessage] {
            var messages: [WebSocketMessage] = []
            for try await message in socket.messages {
                messages.append(message)
                if messages.count == count { break }
            }
            return messages
        }

        @Test("text and binary round-trip, and our close handshake ends the stream cleanly")
        func echo() async throws {
            let socket = try await WebSocket.connect(to: url("/echo"))
            try await socket.send(text: "héllo ✓")
            try await socket.send(binary: [0, 1, 2, 255])
            let big = String(repeating: "abcdefgh", count: 20_000)
            try await socket.send(text: big)
            #expect(try await collect(socket, count: 3) == [.text("héllo ✓"), .binary([0, 1, 2, 255]), .text(big)])
            await socket.close()
            var after: [WebSocketMessage] = []
            for try await message in socket.messages { after.append(message) }  // finishes without throwing
            #expect(after.isEmpty)
        }

        @Test("fragmented messages arrive whole, including 16-bit lengths")
        func fragmentation() async throws {
            let socket = try await WebSocket.connect(to: url("/fragmented"))
            let messages = try await collect(socket, count: 3)
            #expect(messages[0] == .text("Hello, fragmented world ✓"))
            #expect(messages[1] == .binary([0, 1, 2]))
            #expect(messages[2] == .text(String(repeating: "x", count: 70_000)))
            await socket.close()
        }

        @Test("the server's ping gets our pong")
        func ping() async throws {
            let socket = try await WebSocket.connect(to: url("/ping"))
            #expect(try await collect(socket, count: 1) == [.text("pong received")])
            await socket.close()
        }

        @Test("close codes from the server end the stream with that code", arguments: [1000, 1001, 1011, 4000])
        func closeCodes(code: Int) async throws {
            let socket = try await WebSocket.connect(to: url("/close/\(code)"))
            let error = await thrownError { try await self.collect(socket, count: 1) }
            #expect(error as? WebSocketClosed == WebSocketClosed(code: UInt16(code), reason: "closing with \(code)"))
        }

        @Test("a connection dropped without a close frame ends with 1006")
        func dropped() async throws {
            let socket = try await WebSocket.connect(to: url("/drop"))
            var received: [WebSocketMessage] = []
            let error = await thrownError { for try await message in socket.messages { received.append(message) } }
            #expect(received == [.text("about to drop")])
            #expect((error as? WebSocketClosed)?.code == 1006)
        }

        @Test("silence past the idle timeout ends the stream with 1006")
        func silence() async throws {
            let socket = try await WebSocket.connect(to: url("/silent"))
            socket.setIdleTimeout(.milliseconds(400))
            let started = ContinuousClock.now
            let error = await thrownError { try await self.collect(socket, count: 1) }
            #expect((error as? WebSocketClosed)?.code == 1006)
            #expect(ContinuousClock.now - started < .seconds(3))
        }

        @Test("wss:// works with the CA file, and a certificate we do not trust is refused")
        func tls() async throws {
            var options = TransportOptions()
            options.caFile = PythonPeer.peersDirectory.appendingPathComponent("test-cert.pem").path
            let secure = try await WebSocket.connect(to: URL(string: "wss://127.0.0.1:\(tlsPeer.port)/echo")!, options: options)
            try await secure.send(text: "over tls")
            #expect(try await collect(secure, count: 1) == [.text("over tls")])
            await secure.close()

            let error = await thrownError { try await WebSocket.connect(to: URL(string: "wss://127.0.0.1:\(self.tlsPeer.port)/echo")!) }
            #expect((error as? ClientError)?.category == .network)
            #expect((error as? ClientError)?.message.contains("secure connection") == true)
        }

        @Test("an HTTP server that does not upgrade is refused with its status")
        func notAWebSocketServer() async throws {
            let http = try PythonPeer(script: "http_peer.py", requires: [:])
            defer { http.stop() }
            let error = await thrownError { try await WebSocket.connect(to: URL(string: "ws://127.0.0.1:\(http.port)/")!) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("HTTP 200"))
        }
    }
}
