import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `GET /api/v1/sync` through the router: snapshot, changes after a cursor, paging, 304
/// free of the rate limit, 410 and 400s.
final class SyncRouteTests: XCTestCase {
    func testASnapshotPagesThroughEveryTaskThenChangesFollowTheCursor() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            var ids: [String] = []
            for n in 1...7 { ids.append(try await client.createTask(#"{"title":"Task \#(n)"}"#, token: token).id) }
            var replica = SyncReplica()
            let first = try await client.sync(cursor: nil, limit: 3, token: token)
            check(first.changes.compactMap(\.task?.title), ["Task 1", "Task 2", "Task 3"], "in sequence order")
            check(first.more, true)
            replica.apply(first)
            try await client.catchUp(&replica, limit: 3, token: token)
            check(Set(replica.tasks.keys), Set(ids))

            _ = try await client.json(.patch, "/api/v1/tasks/\(ids[0])", token: token, body: #"{"title":"Task 1, renamed"}"#)
            _ = try await client.json(.patch, "/api/v1/tasks/\(ids[0])", token: token, body: #"{"status":"done"}"#)
            check(try await client.json(.delete, "/api/v1/tasks/\(ids[1])", token: token).status, .noContent)
            let changes = try await client.sync(cursor: replica.cursor, token: token)
            check(changes.changes.count, 2, "a task that changed twice comes once, in its latest state")
            check(changes.changes[0].task?.title, "Task 1, renamed")
            check(changes.changes[0].task?.status, .done)
            check(changes.changes[1], .init(op: "delete", task: nil, id: ids[1], version: 2))
            replica.apply(changes)
            check(replica.tasks.count, 6)
            let nothing = try await client.sync(cursor: replica.cursor, token: token)
            check(nothing.changes, [])
            check(nothing.cursor, replica.cursor)
            check(nothing.more, false)
        }
    }

    func testNothingNewIs304AndCostsNothingAgainstTheRateLimit() async throws {
        try await TestServer.withRouter({ $0.rateLimitMaxRequests = 50 }) { client, _ in
            let token = try await client.register().accessToken
            _ = try await client.createTask(#"{"title":"One"}"#, token: token)
            let first = try await client.json(.get, "/api/v1/sync", token: token)
            check(first.status, .ok)
            let cursor = try first.decode(SyncPageBody.self).cursor
            let poll = try await client.json(.get, "/api/v1/sync?cursor=\(cursor)", token: token)
            check(poll.status, .ok)
            let tag = try XCTUnwrap(poll.headers[.eTag])
            let remaining = try XCTUnwrap(poll.headers[.rateLimitRemaining].flatMap(Int.init))
            for _ in 0..<5 {
                let again = try await client.json(.get, "/api/v1/sync?cursor=\(cursor)", token: token, headers: [.ifNoneMatch: tag])
                check(again.status, .notModified)
                check(again.body.readableBytes, 0)
                check(again.headers[.rateLimitRemaining].flatMap(Int.init), remaining, "a 304 is given back")
            }
            _ = try await client.createTask(#"{"title":"Two"}"#, token: token)
            let changed = try await client.json(.get, "/api/v1/sync?cursor=\(cursor)", token: token, headers: [.ifNoneMatch: tag])
            check(changed.status, .ok, "a write makes the old tag stale")
            check(try changed.decode(SyncPageBody.self).changes.compactMap(\.task?.title), ["Two"])
        }
    }

    func testACursorOlderThanTheKeptTombstonesIs410() async throws {
        let clock = ManualClock(now: Date(millis: 1_796_000_000_000))
        try await TestServer.withRouter({ $0.tombstoneLifetime = 86_400 }, clock: clock) { client, services in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Soon gone"}"#, token: token)
            let cursor = try await client.sync(cursor: nil, token: token).cursor
            _ = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token)
            clock.advance(by: 2 * 86_400)
            let token2 = try await client.login().decode(AuthResponse.self).accessToken
            try await services.store.purgeTombstones(deletedBefore: clock.now.addingTimeInterval(-services.configuration.tombstoneLifetime))
            assertAPIError(try await client.json(.get, "/api/v1/sync?cursor=\(cursor)", token: token2), .gone, "cursor_expired")
            let fresh = try await client.sync(cursor: nil, token: token2)
            check(fresh.changes, [], "starting again without a cursor works")
            check(try await client.sync(cursor: fresh.cursor, token: token2).changes, [])
        }
    }

    func testBadCursorsAndLimitsAre400() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for query in ["cursor=garbage", "cursor=czE6LTE", "cursor=%00", "limit=0", "limit=5001", "limit=ten"] {
                let response = try await client.json(.get, "/api/v1/sync?\(query)", token: token)
                assertAPIError(response, .badRequest, "validation_failed", fields: [query.hasPrefix("cursor") ? "cursor" : "limit"])
            }
            check(try await client.json(.get, "/api/v1/sync?limit=5000&cursor=", token: token).status, .ok, "empty cursor: a fresh start")
            assertAPIError(try await client.json(.get, "/api/v1/sync"), .unauthorized, "unauthorized")
        }
    }

    func testUsersSeeOnlyTheirOwnChanges() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register().accessToken
            let bob = try await client.register(name: "Bob", email: "bob@example.com").accessToken
            _ = try await client.createTask(#"{"title":"Ann's"}"#, token: ann)
            let bobTask = try await client.createTask(#"{"title":"Bob's"}"#, token: bob)
            _ = try await client.json(.delete, "/api/v1/tasks/\(bobTask.id)", token: bob)
            var replica = SyncReplica()
            try await client.catchUp(&replica, token: ann)
            check(replica.tasks.values.map(\.title), ["Ann's"])
            let annCursor = try XCTUnwrap(replica.cursor)
            // Ann's cursor means nothing for Bob's sequence; it never shows Ann's tasks.
            let bobPage = try await client.json(.get, "/api/v1/sync?cursor=\(annCursor)", token: bob)
            XCTAssertFalse(bobPage.text.contains("Ann's"))
        }
    }
}
