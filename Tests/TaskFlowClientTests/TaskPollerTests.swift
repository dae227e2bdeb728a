import Foundation
import Synchronization
import XCTest
@testable import TaskFlowClient
import TaskFlowCore

/// The conditional poller, in memory.
final class TaskPollerTests: XCTestCase {
    /// Serves a list of tasks with an ETag that changes with the list; answers 304 to a matching If-None-Match.
    final class ListServer: Sendable {
        let tasks = Mutex<[TaskItem]>([])
        let total = Mutex<Int?>(nil)

        func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
            let (tasks, total) = (self.tasks.withLock { $0 }, self.total.withLock { $0 })
            let etag = "\"\(tasks.map { "\($0.id)@\($0.version)" }.joined(separator: ","))|\(total ?? -1)\""
            if request.headers["If-None-Match"] == etag { return HTTPResponse(status: 304, headers: ["ETag": etag]) }
            return FakeAPI.json(200, TaskPage(tasks: tasks, pagination: .init(page: 1, limit: 100, total: total ?? tasks.count)),
                                headers: ["ETag": etag])
        }
    }

    func poller(_ server: ListServer) throws -> (TaskPoller, InMemoryTransport) {
        let transport = InMemoryTransport(server.handle)
        let client = APIClient(session: try Session(server: FakeAPI.server, store: nil, environmentToken: "t"), transport: transport)
        return (TaskPoller(client: client), transport)
    }

    /// The first poll only takes a snapshot; then creations, updates and deletions are reported.
    func testFirstPollTakesASnapshotThenChangesAreReported() async throws {
        let server = ListServer()
        server.tasks.withLock { $0 = [FakeAPI.task("a", created: 1000), FakeAPI.task("b", created: 2000)] }
        var (poller, transport) = try poller(server)
        let first = try await poller.poll()
        XCTAssertEqual(first, [])
        let second = try await poller.poll()
        XCTAssertEqual(second, [])
        XCTAssertNotNil(transport.requests.last?.headers["If-None-Match"])

        let c = FakeAPI.task("c", created: 5000)
        let b2 = FakeAPI.task("b", version: 2, created: 2000, updated: 6000)
        server.tasks.withLock { $0 = [b2, c] }
        let updates = try await poller.poll()
        XCTAssertTrue(updates.contains(.event(.created(c))), "\(updates)")
        XCTAssertTrue(updates.contains(.event(.updated(b2))), "\(updates)")
        XCTAssertTrue(updates.contains(.event(.deleted(id: "a", version: 2))), "\(updates)")
        XCTAssertEqual(updates.count, 3)
    }

    /// With a partial window, a shrinking total asks for a resync instead of guessing.
    func testShrinkingTotalInAPartialWindowAsksForAResync() async throws {
        let server = ListServer()
        server.tasks.withLock { $0 = [FakeAPI.task("a"), FakeAPI.task("b")] }
        server.total.withLock { $0 = 500 }
        var (poller, _) = try poller(server)
        _ = try await poller.poll()
        server.tasks.withLock { $0 = [FakeAPI.task("a")] }
        server.total.withLock { $0 = 499 }
        let updates = try await poller.poll()
        XCTAssertEqual(updates, [.resync])
    }
}
