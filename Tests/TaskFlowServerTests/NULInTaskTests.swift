import Foundation
import HTTPTypes
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// API.md, Tasks: U+0000 in any string is 400 `validation_failed` (it was cut off by
/// storage, so the 201 showed text later reads did not); other control characters stay.
final class NULInTaskTests: XCTestCase {
    func testCreateRefusesNULInTitleAndDescription() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            for (body, field) in [(#"{"title":"a\u0000b"}"#, "title"), (#"{"title":"a","description":"x\u0000y"}"#, "description")] {
                assertAPIError(
                    try await client.json(.post, "/api/v1/tasks", token: auth.accessToken, body: body), .badRequest, "validation_failed",
                    fields: [field])
            }
            check(try await services.storedTasks(of: auth.user.id), [], "nothing was stored")
            let kept = try await client.createTask(#"{"title":"bell \u0007 tab \t esc \u001b"}"#, token: auth.accessToken)
            XCTAssertEqual(kept.title, "bell \u{7} tab \t esc \u{1B}")
        }
    }

    func testUpdateRefusesNULWithPutAndPatch() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Write","description":"draft"}"#, token: token)
            for method in [HTTPRequest.Method.put, .patch] {
                for (body, field) in [(#"{"title":"a\u0000"}"#, "title"), (#"{"description":"\u0000"}"#, "description")] {
                    assertAPIError(
                        try await client.json(method, "/api/v1/tasks/\(task.id)", token: token, body: body), .badRequest,
                        "validation_failed", fields: [field])
                }
            }
            check(try await client.task(task.id, token: token).decode(TaskItem.self), task, "the task is unchanged")
        }
    }
}
