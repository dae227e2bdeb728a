import Foundation
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer
import TaskFlowTestSupport

/// The endpoint against python-socketio's own client (from PyPI; `.ci/test` installs it).
final class PythonSocketIOTests: XCTestCase {
    private static let modules = ["socketio": "python-socketio", "websocket": "websocket-client"]

    private static func peer(_ url: String, token: String, userID: String) throws -> PythonPeer {
        try PythonPeer.client(script: "socketio_client.py", arguments: [url, token, userID], requires: Self.modules)
    }

    func testPythonSocketIOClientReceivesTheOwnersEvents() async throws {
        let services = try await TestServer.services()
        try await TestServer.app(services).test(.live) { client in
            let port = client.port!
            let ann = try await client.register()
            let peer = try Self.peer("http://127.0.0.1:\(port)", token: ann.accessToken, userID: ann.user.id)
            defer { peer.stop() }
            let connect = try await peer.nextJSON(within: .seconds(10))
            XCTAssertEqual(connect["event"] as? String, "connect", "\(connect)")

            let task = try await client.createTask(#"{"title":"from Swift ✓","priority":"high"}"#, token: ann.accessToken)
            let created = try await peer.nextJSON(within: .seconds(5))
            XCTAssertEqual(created["event"] as? String, "task-created")
            let data = try XCTUnwrap(created["data"] as? [String: Any])
            XCTAssertEqual(data["id"] as? String, task.id)
            XCTAssertEqual(data["title"] as? String, "from Swift ✓")
            XCTAssertEqual(data["priority"] as? String, "high")
            XCTAssertTrue(data["dueDate"] is NSNull, "null fields are sent as null")

            _ = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: ann.accessToken)
            let deleted = try await peer.nextJSON(within: .seconds(5))
            XCTAssertEqual(deleted["event"] as? String, "task-deleted")
            XCTAssertEqual((deleted["data"] as? [String: Any])?["version"] as? Int, 2)
            let end = try await peer.nextJSON(within: .seconds(5))
            XCTAssertEqual(end["event"] as? String, "disconnected")
        }
    }

    func testPythonSocketIOClientIsRefusedWithABadToken() async throws {
        let services = try await TestServer.services()
        try await TestServer.app(services).test(.live) { client in
            let peer = try Self.peer("http://127.0.0.1:\(client.port!)", token: "forged.token.here", userID: "x")
            defer { peer.stop() }
            var refused = false
            for _ in 0..<2 {
                let event = try await peer.nextJSON(within: .seconds(10))
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
}
