import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `POST /tasks` with an `id` the client chose (API.md): a ULID, taken once, and the id of
/// a deleted task brings it back.
final class ChosenIDTests: XCTestCase {
    func testAULIDIsTakenAndAnythingElseIs400() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let id = ULID.make()
            let created = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"id":"\#(id.lowercased())","title":"Mine"}"#)
            check(created.status, .created)
            check(try created.decode(TaskItem.self).id, id, "Crockford base32 is read in either case, kept in upper case")
            check(created.headers[.location], "/api/v1/tasks/\(id)")
            for bad in ["short", String(repeating: "Z", count: 26), "01ARZ3NDEKTSV4RRFFQ69G5FAU", "01ARZ3NDEKTSV4RRFFQ69G5FA/", ""] {
                let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"id":"\#(bad)","title":"x"}"#)
                assertAPIError(response, .badRequest, "validation_failed", fields: ["id"])
            }
            assertAPIError(
                try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"id":7,"title":"x"}"#), .badRequest, "validation_failed",
                fields: ["id"])
            check(try await client.page(token: token).pagination.total, 1)
        }
    }

    func testAnIDInUseIs409ForEveryone() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register().accessToken
            let bob = try await client.register(name: "Bob", email: "bob@example.com").accessToken
            let id = ULID.make()
            _ = try await client.createTask(#"{"id":"\#(id)","title":"Ann's"}"#, token: ann)
            for token in [ann, bob] {
                assertAPIError(
                    try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"id":"\#(id)","title":"Taken"}"#), .conflict, "conflict")
            }
            check(try await client.titles("", token: ann), ["Ann's"])
        }
    }

    func testTheIDOfADeletedTaskBringsItBackWithItsVersionContinuing() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let token = auth.accessToken
            let task = try await client.createTask(#"{"title":"Undo me","priority":"high"}"#, token: token)
            _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"status":"done"}"#)  // version 2
            check(try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token).status, .noContent)  // tombstone 3
            let subscription = await services.hub.subscribe(userID: auth.user.id)
            let back = try await client.json(
                .post, "/api/v1/tasks", token: token, body: #"{"id":"\#(task.id)","title":"Undo me","priority":"high","status":"done"}"#)
            check(back.status, .created)
            let restored = try back.decode(TaskItem.self)
            check(restored.version, 4)
            check(restored.createdAt, task.createdAt)
            check(restored.status, .done)
            for await event in subscription.events {
                check(event, .created(restored), "bringing back is a task-created event")
                break
            }
            await services.hub.unsubscribe(subscription)
            check(try await client.json(.get, "/api/v1/tasks/\(task.id)", token: token).headers[.eTag], "\"4\"")
        }
    }
}
