import Foundation
import XCTest
@testable import TaskFlowClient
import TaskFlowTestSupport

/// Our RFC 6455 client against the `websockets` package's server (Peers/ws_peer.py).
final class WebSocketPeerTests: XCTestCase {
    private var peer: PythonPeer!
    private var tlsPeer: PythonPeer!

    override func setUpWithError() throws {
        peer = try PythonPeer(script: "ws_peer.py", requires: ["websockets": "websockets"])
        let peers = PythonPeer.peersDirectory.path
        tlsPeer = try PythonPeer(script: "ws_peer.py", arguments: ["--tls", "\(peers)/test-cert.pem", "\(peers)/test-key.pem"],
                                 requires: ["websockets": "websockets"])
    }

    override func tearDown() {
        peer?.stop()
        tlsPeer?.stop()
        peer = nil
        tlsPeer = nil
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

    /// Text and binary round-trip, and our close handshake ends the stream cleanly.
    func testEchoRoundTripAndCleanClose() async throws {
        let socket = try await WebSocket.connect(to: url("/echo"))
        try await socket.send(text: "héllo ✓")
        try await socket.send(binary: [0, 1, 2, 255])
        let big = String(repeating: "abcdefgh", count: 20_000)
        try await socket.send(text: big)
        let echoed = try await collect(socket, count: 3)
        XCTAssertEqual(echoed, [.text("héllo ✓"), .binary([0, 1, 2, 255]), .text(big)])
        await socket.close()
        var after: [WebSocketMessage] = []
        for try await message in socket.messages { after.append(message) }  // finishes without throwing
        XCTAssertEqual(after, [])
    }

    func testFragmentedMessagesArriveWholeIncluding16BitLengths() async throws {
        let socket = try await WebSocket.connect(to: url("/fragmented"))
        let messages = try await collect(socket, count: 3)
        XCTAssertEqual(messages.count, 3)
        if messages.count == 3 {
            XCTAssertEqual(messages[0], .text("Hello, fragmented world ✓"))
            XCTAssertEqual(messages[1], .binary([0, 1, 2]))
            XCTAssertEqual(messages[2], .text(String(repeating: "x", count: 70_000)))
        }
        await socket.close()
    }

    func testServersPingGetsOurPong() async throws {
        let socket = try await WebSocket.connect(to: url("/ping"))
        let messages = try await collect(socket, count: 1)
        XCTAssertEqual(messages, [.text("pong received")])
        await socket.close()
    }

    func testCloseCodesFromTheServerEndTheStreamWithThatCode() async throws {
        for code in [1000, 1001, 1011, 4000] {
            let socket = try await WebSocket.connect(to: url("/close/\(code)"))
            let error = await thrownError { try await self.collect(socket, count: 1) }
            XCTAssertEqual(error as? WebSocketClosed, WebSocketClosed(code: UInt16(code), reason: "closing with \(code)"),
                           "close code \(code): \(String(describing: error))")
        }
    }

    func testConnectionDroppedWithoutACloseFrameEndsWith1006() async throws {
        let socket = try await WebSocket.connect(to: url("/drop"))
        var received: [WebSocketMessage] = []
        let error = await thrownError { for try await message in socket.messages { received.append(message) } }
        XCTAssertEqual(received, [.text("about to drop")])
        XCTAssertEqual((error as? WebSocketClosed)?.code, 1006, "\(String(describing: error))")
    }

    func testSilencePastTheIdleTimeoutEndsTheStreamWith1006() async throws {
        let socket = try await WebSocket.connect(to: url("/silent"))
        socket.setIdleTimeout(.milliseconds(400))
        let started = ContinuousClock.now
        let error = await thrownError { try await self.collect(socket, count: 1) }
        XCTAssertEqual((error as? WebSocketClosed)?.code, 1006, "\(String(describing: error))")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
    }

    /// wss:// works with the CA file, and a certificate we do not trust is refused.
    func testSecureWebSocketWithCAFileAndUntrustedCertificateRefused() async throws {
        var options = TransportOptions()
        options.caFile = PythonPeer.peersDirectory.appendingPathComponent("test-cert.pem").path
        let secure = try await WebSocket.connect(to: URL(string: "wss://127.0.0.1:\(tlsPeer.port)/echo")!, options: options)
        try await secure.send(text: "over tls")
        let echoed = try await collect(secure, count: 1)
        XCTAssertEqual(echoed, [.text("over tls")])
        await secure.close()

        let untrustedURL = URL(string: "wss://127.0.0.1:\(tlsPeer.port)/echo")!
        let error = await thrownError { try await WebSocket.connect(to: untrustedURL) }
        XCTAssertEqual((error as? ClientError)?.category, .network, "\(String(describing: error))")
        XCTAssertEqual((error as? ClientError)?.message.contains("secure connection"), true)
    }

    func testHTTPServerThatDoesNotUpgradeIsRefusedWithItsStatus() async throws {
        let http = try PythonPeer(script: "http_peer.py", requires: [:])
        defer { http.stop() }
        let error = await thrownError { try await WebSocket.connect(to: URL(string: "ws://127.0.0.1:\(http.port)/")!) }
        let text = error.map { "\($0)" } ?? ""
        XCTAssertTrue(text.contains("HTTP 200"), text)
    }
}
