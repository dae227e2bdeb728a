import Foundation
import Testing
@testable import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport

extension RealProcessTests {
    /// Our Socket.IO client against python-socketio (Peers/socketio_peer.py).
    @Suite("Socket.IO client against python-socketio")
    final class SocketIOPeerTests {
        let peer: PythonPeer

        init() throws {
            peer = try PythonPeer(script: "socketio_peer.py", requires: [
                "socketio": "python-socketio", "simple_websocket": "simple-websocket", "werkzeug": "werkzeug",
            ])
        }

        deinit { peer.stop() }

        var url: URL { SocketIOConnection.url(for: try! ServerAddress("http://127.0.0.1:\(peer.port)")) }

        @Test("auth, join-room, heartbeats past the ping timeout, and the task events in order")
        func events() async throws {
            let connection = try await SocketIOConnection.connect(url: url, token: "good-token", joinRoom: "user-1", options: TransportOptions())
            var events: [LiveEvent] = []
            let started = ContinuousClock.now
            for try await event in connection.events {
                events.append(event)
                if events.count == 3 { break }
            }
            await connection.close()
            #expect(ContinuousClock.now - started > .seconds(5.5))  // we stayed connected past the ping timeout
            #expect(events.map(\.name) == ["task-created", "task-updated", "task-deleted"])
            guard case .updated(let task) = events[1] else { Issue.record("second event is not an update"); return }
            #expect(task.status == .done && task.version == 2 && task.title == "From python-socketio")
            #expect(events[2] == .deleted(id: "t1", version: 3))
        }

        @Test("a refused token is reported as such (44 unauthorized)")
        func refusedToken() async throws {
            let error = await thrownError {
                try await SocketIOConnection.connect(url: self.url, token: "bad-token", joinRoom: nil, options: TransportOptions())
            }
            #expect((error as? ClientError)?.isLiveUnauthorized == true)
        }
    }
}
