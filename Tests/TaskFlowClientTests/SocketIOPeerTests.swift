import Foundation
import XCTest
@testable import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport

/// Our Socket.IO client against python-socketio (Peers/socketio_peer.py).
final class SocketIOPeerTests: XCTestCase {
    private var peer: PythonPeer!

    override func setUpWithError() throws {
        peer = try PythonPeer(script: "socketio_peer.py", requires: [
            "socketio": "python-socketio", "simple_websocket": "simple-websocket", "werkzeug": "werkzeug",
        ])
    }

    override func tearDown() {
        peer?.stop()
        peer = nil
    }

    var url: URL { SocketIOConnection.url(for: try! ServerAddress("http://127.0.0.1:\(peer.port)")) }

    /// Auth, join-room, heartbeats past the ping timeout, and the task events in order.
    func testAuthJoinRoomHeartbeatsAndTaskEventsInOrder() async throws {
        let connection = try await SocketIOConnection.connect(url: url, token: "good-token", joinRoom: "user-1", options: TransportOptions())
        var events: [LiveEvent] = []
        let started = ContinuousClock.now
        for try await event in connection.events {
            events.append(event)
            if events.count == 3 { break }
        }
        await connection.close()
        XCTAssertGreaterThan(ContinuousClock.now - started, .seconds(5.5))  // we stayed connected past the ping timeout
        XCTAssertEqual(events.map(\.name), ["task-created", "task-updated", "task-deleted"])
        guard events.count == 3, case .updated(let task) = events[1] else { return XCTFail("second event is not an update: \(events)") }
        XCTAssertEqual(task.status, .done)
        XCTAssertEqual(task.version, 2)
        XCTAssertEqual(task.title, "From python-socketio")
        XCTAssertEqual(events[2], .deleted(id: "t1", version: 3))
    }

    /// A refused token is reported as such (44 unauthorized).
    func testRefusedTokenIsReportedAsUnauthorized() async throws {
        let url = self.url
        let error = await thrownError {
            try await SocketIOConnection.connect(url: url, token: "bad-token", joinRoom: nil, options: TransportOptions())
        }
        XCTAssertEqual((error as? ClientError)?.isLiveUnauthorized, true, "\(String(describing: error))")
    }
}
