import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// Create, read, update (PUT and PATCH), delete, with the defaults and rules of API.md.
final class TaskCRUDTests: XCTestCase {
    func testCreateAppliesDefaultsAndAnswers201WithLocation() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":"  Buy milk  "}"#)
            XCTAssertEqual(response.status, .created, response.text)
            let task = try response.decode(TaskItem.self)
            XCTAssertEqual(response.headers[.location], "/api/v1/tasks/\(task.id)")
            XCTAssertEqual(task.title, "Buy milk", "title is trimmed")
            XCTAssertEqual(task.description, "")
            XCTAssertEqual(task.status, .todo)
            XCTAssertEqual(task.priority, .medium)
            XCTAssertNil(task.dueDate)
            XCTAssertNil(task.completedAt)
            XCTAssertEqual(task.version, 1)
            XCTAssertEqual(task.createdAt, task.updatedAt)
            let object = try XCTUnwrap(jsonObject(response))
            XCTAssertEqual(
                Set(object.keys),
                ["id", "title", "description", "status", "priority", "dueDate", "completedAt", "createdAt", "updatedAt", "version"])
            XCTAssertTrue(object["dueDate"] is NSNull, "null fields are sent as null")
            XCTAssertTrue(object["completedAt"] is NSNull)
            XCTAssertTrue(isContractTimestamp(object["createdAt"] as? String ?? ""))
            XCTAssertTrue(isContractTimestamp(object["updatedAt"] as? String ?? ""))
        }
    }

    func testCreateWithEveryField() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(
                #"{"title":"Ship","description":"the release","status":"in-progress","priority":"high","dueDate":"2026-12-01"}"#,
                token: token)
            XCTAssertEqual(task.description, "the release")
            XCTAssertEqual(task.status, .inProgress)
            XCTAssertEqual(task.priority, .high)
            XCTAssertEqual(task.dueDate.map(Timestamp.format), "2026-12-01T23:59:59.999Z", "a bare date is the end of that UTC day")
            let stamped = try await client.createTask(#"{"title":"Call","dueDate":"2026-12-01T10:30:00+02:00"}"#, token: token)
            XCTAssertEqual(stamped.dueDate.map(Timestamp.format), "2026-12-01T08:30:00.000Z", "timestamps are normalised to UTC")
            let raw = try await client.task(stamped.id, token: token)
            XCTAssertTrue(raw.text.contains(#""dueDate":"2026-12-01T08:30:00.000Z""#), raw.text)
        }
    }

    func testCreatingDoneSetsCompletedAt() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Done already","status":"done"}"#, token: token)
            XCTAssertEqual(task.completedAt, task.createdAt)
        }
    }

    func testGetOneAndNotFound() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"One"}"#, token: token)
            let response = try await client.task(task.id, token: token)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(try response.decode(TaskItem.self), task)
            XCTAssertEqual(response.headers[.eTag], "\"1\"")
            assertAPIError(try await client.task("01NOSUCHTASK000000000000000", token: token), .notFound, "not_found", messageContains: "task")
            assertAPIError(try await client.task(String(repeating: "x", count: 500), token: token), .notFound, "not_found")
        }
    }

    func testPutChangesOnlyTheFieldsSent() async throws {
        let clock = ManualClock()
        try await TestServer.withRouter(clock: clock) { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(
                #"{"title":"Write","description":"draft","priority":"low","dueDate":"2026-05-01"}"#, token: token)
            clock.advance(by: 1)
            let response = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"priority":"high"}"#)
            XCTAssertEqual(response.status, .ok, response.text)
            let updated = try response.decode(TaskItem.self)
            XCTAssertEqual(updated.priority, .high)
            XCTAssertEqual(updated.title, task.title)
            XCTAssertEqual(updated.description, task.description)
            XCTAssertEqual(updated.dueDate, task.dueDate)
            XCTAssertEqual(updated.status, task.status)
            XCTAssertEqual(updated.createdAt, task.createdAt)
            XCTAssertEqual(updated.version, 2)
            XCTAssertGreaterThan(updated.updatedAt, task.updatedAt)
            check(try await client.task(task.id, token: token).decode(TaskItem.self), updated, "the change is stored")
        }
    }

    func testPatchMeansTheSameAsPut() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Write","description":"draft"}"#, token: token)
            let response = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":" Edit "}"#)
            XCTAssertEqual(response.status, .ok, response.text)
            let updated = try response.decode(TaskItem.self)
            XCTAssertEqual(updated.title, "Edit")
            XCTAssertEqual(updated.description, "draft")
            XCTAssertEqual(updated.version, 2)
        }
    }

    func testNullDueDateClearsIt() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Due","dueDate":"2026-05-01"}"#, token: token)
            let cleared = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"dueDate":null}"#)
            XCTAssertEqual(cleared.status, .ok)
            XCTAssertNil(try cleared.decode(TaskItem.self).dueDate)
            checkNil(try await client.task(task.id, token: token).decode(TaskItem.self).dueDate)
        }
    }

    func testCompletedAtFollowsDone() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Finish"}"#, token: token)
            let done = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"status":"done"}"#)
                .decode(TaskItem.self)
            let completedAt = try XCTUnwrap(done.completedAt)
            XCTAssertEqual(completedAt, done.updatedAt)
            // Other edits while done keep the completion time.
            let renamed = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Finished"}"#)
                .decode(TaskItem.self)
            XCTAssertEqual(renamed.completedAt, completedAt)
            let reopened = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"status":"in-progress"}"#)
                .decode(TaskItem.self)
            XCTAssertNil(reopened.completedAt)
            XCTAssertEqual(reopened.version, 4)
        }
    }

    func testAWriteThatChangesNothingLeavesVersionAndUpdatedAt() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Same","priority":"high","dueDate":"2026-05-01"}"#, token: token)
            for body in ["{}", #"{"title":"Same","priority":"high"}"#, #"{"title":"  Same "}"#, #"{"dueDate":"2026-05-01"}"#] {
                let response = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: body)
                XCTAssertEqual(response.status, .ok, body)
                XCTAssertEqual(try response.decode(TaskItem.self), task, body)
            }
            check(try await client.task(task.id, token: token).decode(TaskItem.self), task)
        }
    }

    func testTitleRules() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for title in ["", "   ", String(repeating: "t", count: 201)] {
                let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":"\#(title)"}"#)
                assertAPIError(response, .badRequest, "validation_failed", fields: ["title"], messageContains: "title")
            }
            assertAPIError(
                try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"description":"no title"}"#), .badRequest,
                "validation_failed", fields: ["title"])
            // 200 code points, 800 bytes, with whitespace around that is trimmed first.
            let longest = String(repeating: "😀", count: 200)
            check(try await client.createTask(#"{"title":"  \#(longest)  "}"#, token: token).title, longest)
            let task = try await client.createTask(#"{"title":"Keep"}"#, token: token)
            assertAPIError(
                try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":" "}"#), .badRequest,
                "validation_failed", fields: ["title"])
            check(try await client.task(task.id, token: token).decode(TaskItem.self), task)
            check(try await client.page(token: token).pagination.total, 2, "no invalid task was stored")
        }
    }

    func testDescriptionUpTo10000CodePoints() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let longest = String(repeating: "é", count: 10_000)
            check(try await client.createTask(#"{"title":"d","description":"\#(longest)"}"#, token: token).description, longest)
            let response = try await client.json(
                .post, "/api/v1/tasks", token: token, body: #"{"title":"d","description":"\#(longest)x"}"#)
            assertAPIError(response, .badRequest, "validation_failed", fields: ["description"], messageContains: "description")
        }
    }

    func testDeleteAnswers204ThenTheTaskIsGone() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Bye"}"#, token: token)
            let response = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token)
            XCTAssertEqual(response.status, .noContent)
            XCTAssertEqual(response.body.readableBytes, 0)
            assertAPIError(try await client.task(task.id, token: token), .notFound, "not_found")
            assertAPIError(try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token), .notFound, "not_found")
            assertAPIError(
                try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"x"}"#), .notFound, "not_found")
            check(try await client.page(token: token).pagination.total, 0)
        }
    }

    func testEveryTaskRouteNeedsAToken() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Mine"}"#, token: token)
            let routes: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/tasks", nil), (.post, "/api/v1/tasks", #"{"title":"x"}"#), (.get, "/api/v1/tasks/stats", nil),
                (.get, "/api/v1/tasks/\(task.id)", nil), (.put, "/api/v1/tasks/\(task.id)", #"{"title":"x"}"#),
                (.patch, "/api/v1/tasks/\(task.id)", #"{"title":"x"}"#), (.delete, "/api/v1/tasks/\(task.id)", nil),
            ]
            for (method, path, body) in routes {
                let response = try await client.json(method, path, body: body)
                assertAPIError(response, .unauthorized, "unauthorized", messageContains: "Authorization")
            }
            check(try await client.task(task.id, token: token).decode(TaskItem.self), task, "nothing changed")
        }
    }
}
