import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `If-Match: "<version>"` on PUT, PATCH and DELETE: 412 when stale.
final class IfMatchTests: XCTestCase {
    func testStaleVersionIs412ForEveryWrite() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"One"}"#, token: token)
            let updated = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Two"}"#).decode(TaskItem.self)
            XCTAssertEqual(updated.version, 2)
            for method in [HTTPRequest.Method.put, .patch] {
                let response = try await client.json(
                    method, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Stale"}"#, headers: [.ifMatch: "\"1\""])
                assertAPIError(response, .preconditionFailed, "precondition_failed", messageContains: "version")
            }
            let delete = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token, headers: [.ifMatch: "\"1\""])
            assertAPIError(delete, .preconditionFailed, "precondition_failed")
            check(try await client.task(task.id, token: token).decode(TaskItem.self), updated, "nothing changed")
        }
    }

    func testCurrentVersionSucceeds() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"One"}"#, token: token)
            let shown = try await client.task(task.id, token: token)
            let tag = try XCTUnwrap(shown.headers[.eTag])
            XCTAssertEqual(tag, "\"1\"", "a task's ETag is its version, for If-Match")
            let put = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Two"}"#, headers: [.ifMatch: tag])
            XCTAssertEqual(put.status, .ok, put.text)
            XCTAssertEqual(put.headers[.eTag], "\"2\"")
            let patch = try await client.json(
                .patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Three"}"#, headers: [.ifMatch: "W/\"2\""])
            XCTAssertEqual(patch.status, .ok, patch.text)
            check(try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token, headers: [.ifMatch: "\"3\""]).status, .noContent)
        }
    }

    func testStarMatchesAnyVersion() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"One"}"#, token: token)
            _ = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Two"}"#)
            let put = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Three"}"#, headers: [.ifMatch: "*"])
            XCTAssertEqual(put.status, .ok)
            XCTAssertEqual(try put.decode(TaskItem.self).version, 3)
            check(try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token, headers: [.ifMatch: "*"]).status, .noContent)
        }
    }

    func testUnparseableIfMatchNeverMatches() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"One"}"#, token: token)
            for header in ["\"abc\"", "\"\"", "\"0\""] {
                let response = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"x"}"#, headers: [.ifMatch: header])
                assertAPIError(response, .preconditionFailed, "precondition_failed")
            }
            check(try await client.task(task.id, token: token).decode(TaskItem.self), task)
        }
    }

    func testIfMatchOnAMissingTaskIs404() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let response = try await client.json(.delete, "/api/v1/tasks/NOPE", token: token, headers: [.ifMatch: "\"1\""])
            assertAPIError(response, .notFound, "not_found")
        }
    }
}
