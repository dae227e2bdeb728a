import Foundation
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// The endpoint against python-socketio's own client (from PyPI; `.ci/test` installs it).
final class PythonSocketIOTests: XCTestCase {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Peers/socketio_client.py").path

    func testPythonSocketIOClientReceivesTheOwnersEvents() async throws {
        try requirePythonSocketIO()
        let services = try await TestServer.services()
        try await TestServer.app(services).test(.live) { client in
            let port = client.port!
            let ann = try await client.register()
            let peer = try PeerProcess(["python3", Self.script, "http://127.0.0.1:\(port)", ann.accessToken, ann.user.id])
            defer { peer.stop() }
            let connect = try await peer.nextEvent(timeout: 10)
            XCTAssertEqual(connect["event"] as? String, "connect", "\(connect)")

            let task = try await client.createTask(#"{"title":"from Swift ✓","priority":"high"}"#, token: ann.accessToken)
            let created = try await peer.nextEvent(timeout: 5)
            XCTAssertEqual(created["event"] as? String, "task-created")
            let data = try XCTUnwrap(created["data"] as? [String: Any])
            XCTAssertEqual(data["id"] as? String, task.id)
            XCTAssertEqual(data["title"] as? String, "from Swift ✓")
            XCTAssertEqual(data["priority"] as? String, "high")
            XCTAssertTrue(data["dueDate"] is NSNull, "null fields are sent as null")

            _ = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: ann.accessToken)
            let deleted = try await peer.nextEvent(timeout: 5)
            XCTAssertEqual(deleted["event"] as? String, "task-deleted")
            XCTAssertEqual((deleted["data"] as? [String: Any])?["version"] as? Int, 2)
            let end = try await peer.nextEvent(timeout: 5)
            XCTAssertEqual(end["event"] as? String, "disconnected")
        }
    }

    func testPythonSocketIOClientIsRefusedWithABadToken() async throws {
        try requirePythonSocketIO()
        let services = try await TestServer.services()
        try await TestServer.app(services).test(.live) { client in
            let peer = try PeerProcess(["python3", Self.script, "http://127.0.0.1:\(client.port!)", "forged.token.here", "x"])
            defer { peer.stop() }
            var refused = false
            for _ in 0..<2 {
                let event = try await peer.nextEvent(timeout: 10)
                let name = event["event"] as? String
                if name == "connect" { XCTFail("a forged token must not connect") }
                if name == "connect_error" || name == "connection_error" {
                    refused = true
                    break
                }
            }
            XCTAssertTrue(refused)
        }
    }

    private func requirePythonSocketIO() throws {
        let probe = try PeerProcess(["python3", "-c", "import socketio, websocket; print('{\"event\":\"ok\"}')"])
        defer { probe.stop() }
        guard probe.waitForExit() == 0 else {
            throw TestFailure("python-socketio and websocket-client are required: pip install -r Tests/requirements.txt")
        }
    }
}
