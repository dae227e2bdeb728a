import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// Totals and ETags come from caches keyed by the change counter; every kind of change
/// must still show on the very next request for the same list.
final class ListTotalsTests: XCTestCase {
    func testTheSameListSeesEveryChangeAtOnce() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register()
            for n in 1...3 { _ = try await client.createTask(#"{"title":"t\#(n)","priority":"high"}"#, token: ann.accessToken) }
            let uri = "priority=high&limit=2"
            let first = try await client.page(uri, token: ann.accessToken)
            check(first.pagination.total, 3)
            check(try await client.page(uri + "&page=2", token: ann.accessToken).tasks.count, 1)

            let added = try await client.createTask(#"{"title":"t4","priority":"high"}"#, token: ann.accessToken)
            check(try await client.page(uri, token: ann.accessToken).pagination.total, 4)
            check(try await client.page(uri + "&page=2", token: ann.accessToken).tasks.count, 2)

            // Moving a task out of the filter is a change too.
            _ = try await client.json(.patch, "/api/v1/tasks/\(added.id)", token: ann.accessToken, body: #"{"priority":"low"}"#)
            check(try await client.page(uri, token: ann.accessToken).pagination.total, 3)
            let removed = first.tasks[0]
            _ = try await client.json(.delete, "/api/v1/tasks/\(removed.id)", token: ann.accessToken)
            let after = try await client.page(uri, token: ann.accessToken)
            check(after.pagination.total, 2)
            XCTAssertFalse(after.tasks.contains { $0.id == removed.id })
        }
    }

    func testAnETagFromBeforeAChangeIsNeverAnsweredWith304() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register()
            let task = try await client.createTask(#"{"title":"watched"}"#, token: ann.accessToken)
            for body in [#"{"title":"renamed"}"#, #"{"status":"done"}"#] {
                let before = try await client.get("/api/v1/tasks", token: ann.accessToken)
                let tag = try XCTUnwrap(before.headers[.eTag])
                _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: ann.accessToken, body: body)
                let after = try await client.get("/api/v1/tasks", token: ann.accessToken, headers: [.ifNoneMatch: tag])
                check(after.status, .ok)
            }
        }
    }
}
