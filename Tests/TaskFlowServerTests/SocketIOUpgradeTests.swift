import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// `/socket.io/` without a valid WebSocket upgrade is answered 400 in the contract's shape,
/// never dropped (API.md, "Operations"); an `Upgrade` the server will not honour elsewhere
/// is ignored, as HTTP allows, and the connection closes after the answer; a valid handshake
/// still switches protocols.
final class SocketIOUpgradeTests: XCTestCase {
    private static let target = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
    private static let upgrade = "Connection: Upgrade\r\nUpgrade: websocket\r\n"
    private static let key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    private static let version = "Sec-WebSocket-Version: 13\r\n"

    /// Sends `request` on a new connection and returns the first answer (head and body).
    private static func answer(to request: String, port: Int) async throws -> String? {
        let connection = try RawConnection(port: port)
        try connection.send(request)
        return await connection.readAnswer(timeout: .seconds(30))
    }

    func testABrokenOrMissingUpgradeIs400() async throws {
        let requests = [
            "no upgrade at all": Self.target + "\r\n",
            "Upgrade without anything else": Self.target + "Upgrade: websocket\r\n\r\n",
            "no key": Self.target + Self.upgrade + Self.version + "\r\n",
            "a key that is not 16 bytes": Self.target + Self.upgrade + "Sec-WebSocket-Key: c2hvcnQ=\r\n" + Self.version + "\r\n",
            "two keys": Self.target + Self.upgrade + Self.key + Self.key + Self.version + "\r\n",
            "no version": Self.target + Self.upgrade + Self.key + "\r\n",
            "wrong version": Self.target + Self.upgrade + Self.key + "Sec-WebSocket-Version: 8\r\n\r\n",
            "no Connection: Upgrade": Self.target + "Upgrade: websocket\r\n" + Self.key + Self.version + "\r\n",
            "another protocol": Self.target + "Connection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
            "HTTP/1.0": Self.target.replacingOccurrences(of: "HTTP/1.1", with: "HTTP/1.0") + Self.upgrade + Self.key + Self.version + "\r\n",
            "long-polling": "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n",
            "long-polling with upgrade headers": "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n"
                + Self.upgrade + Self.key + Self.version + "\r\n",
            "Engine.IO 3": "GET /socket.io/?EIO=3&transport=websocket HTTP/1.1\r\nHost: x\r\n" + Self.upgrade + Self.key + Self.version + "\r\n",
        ]
        try await withLiveServer { port, _ in
            for (name, request) in requests.sorted(by: { $0.key < $1.key }) {
                let answer = try await Self.answer(to: request, port: port)
                XCTAssertTrue(answer?.hasPrefix("HTTP/1.1 400 Bad Request\r\n") ?? false, "\(name): \(answer ?? "no answer")")
                XCTAssertTrue(answer?.contains(#"{"error":{"code":"bad_request","#) ?? false, "\(name): \(answer ?? "no answer")")
            }
        }
    }

    func testAnUpgradeElsewhereIsIgnored() async throws {
        try await withLiveServer { port, _ in
            let health = try await Self.answer(
                to: "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + Self.upgrade + Self.key + Self.version + "\r\n", port: port)
            XCTAssertTrue(health?.hasPrefix("HTTP/1.1 200 OK\r\n") ?? false, health ?? "no answer")
            let post = try await Self.answer(
                to: "POST /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                    + Self.upgrade + Self.key + Self.version + "\r\n", port: port)
            XCTAssertTrue(post?.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n") ?? false, post ?? "no answer")
        }
    }

    func testAConnectionClosesAfterAnsweringAnUpgradeItDidNotMake() async throws {
        // The HTTP decoder stops reading after a request that asks to switch protocols (or a
        // CONNECT), so such a connection serves no further request: it says so and closes
        // instead of leaving the next request unanswered.
        let requests = [
            "a broken handshake": Self.target + Self.upgrade + Self.version + "\r\n",
            "another path": "GET /socket.io/?EIO=4 HTTP/1.1\r\nHost: x\r\n" + Self.upgrade + Self.key + Self.version + "\r\n",
            "another protocol": "GET /health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
            "CONNECT": "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
        ]
        try await withLiveServer { port, _ in
            for (name, request) in requests.sorted(by: { $0.key < $1.key }) {
                let connection = try RawConnection(port: port)
                try connection.send(request + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                let answer = await connection.readUntilClosed(timeout: .seconds(30))
                XCTAssertTrue(answer?.contains("\r\nConnection: close\r\n") ?? false, "\(name): \(answer ?? "left open")")
                XCTAssertEqual(answer?.components(separatedBy: "HTTP/1.1 ").count, 2, "\(name): one answer, then closed: \(answer ?? "left open")")
            }
        }
    }

    func testAValidUpgradeStillSwitchesProtocols() async throws {
        try await withLiveServer { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send(Self.target + Self.upgrade + Self.key + Self.version + "\r\n")
            check(await connection.readStatus(timeout: .seconds(30)), 101)
        }
    }
}
