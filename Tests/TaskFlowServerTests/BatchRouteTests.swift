import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `POST /api/v1/tasks/batch` through the router.
final class BatchRouteTests: XCTestCase {
    /// 100 ops of every kind and outcome: each result in order, the store left exactly as
    /// the single endpoints would have left it, one event per change.
    func testABatchOf100WithMixedOutcomes() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let token = auth.accessToken
            var existing: [TaskItem] = []
            for n in 0..<30 { existing.append(try await client.createTask(#"{"title":"Old \#(n)"}"#, token: token)) }
            let subscription = await services.hub.subscribe(userID: auth.user.id)

            var ops: [String] = [], expected: [Int] = []
            for n in 0..<40 {  // creates; every tenth with an empty title
                ops.append(#"{"op":"create","task":{"title":"\#(n % 10 == 0 ? " " : "New \(n)")","priority":"high"}}"#)
                expected.append(n % 10 == 0 ? 400 : 201)
            }
            for (n, task) in existing.prefix(20).enumerated() {  // updates; every fourth with a stale ifMatch
                ops.append(#"{"op":"update","id":"\#(task.id)","changes":{"status":"in-progress"},"ifMatch":\#(n % 4 == 0 ? 7 : 1)}"#)
                expected.append(n % 4 == 0 ? 412 : 200)
            }
            for task in existing.suffix(10) {  // deletes
                ops.append(#"{"op":"delete","id":"\#(task.id)"}"#)
                expected.append(204)
            }
            for n in 0..<20 {  // deletes of what is not there (or was deleted above)
                ops.append(#"{"op":"delete","id":"\#(n % 2 == 0 ? "nope-\(n)" : existing[20 + n / 2].id)"}"#)
                expected.append(404)
            }
            for n in 0..<10 {  // updates that change nothing
                ops.append(#"{"op":"update","id":"\#(existing[n + 1].id)","changes":{"title":"Old \#(n + 1)"}}"#)
                expected.append(200)
            }
            check(ops.count, 100)
            let results = try await client.batch(ops, token: token)
            check(results.map(\.status), expected)
            check(results[0].error?.code, "validation_failed")
            check(results[0].error?.details?.first?.field, "title")
            let stale = results[40]
            check(stale.error?.code, "precondition_failed")
            check(stale.task, existing[0], "a 412 carries the current task")
            check(results[41].task?.status, .inProgress)
            check(results[41].task?.version, 2)
            check(results[70].error?.code, "not_found")

            let page = try await client.page("limit=100", token: token)
            check(page.pagination.total, 30 + 36 - 10)
            check(page.tasks.filter { $0.status == .inProgress }.count, 15)
            // One event per change: 36 creates, 15 updates, 10 deletes.
            var events: [LiveEvent] = []
            for await event in subscription.events {
                events.append(event)
                if events.count == 61 { break }
            }
            check(events.filter { $0.name == "task-created" }.count, 36)
            check(events.filter { $0.name == "task-updated" }.count, 15)
            check(events.filter { $0.name == "task-deleted" }.count, 10)
            await services.hub.unsubscribe(subscription)
        }
    }

    func testABatchCountsAsOneRequest() async throws {
        try await TestServer.withRouter({ $0.rateLimitMaxRequests = 4 }) { client, _ in
            let token = try await client.register().accessToken  // counted for the address, not the user
            let ops = (0..<100).map { #"{"op":"create","task":{"title":"Task \#($0)"}}"# }
            for _ in 0..<3 { _ = try await client.batch(ops, token: token) }  // 1, 2, 3
            let response = try await client.json(.post, "/api/v1/tasks/batch", token: token, body: #"{"ops":[\#(ops[0])]}"#)
            check(response.status, .ok)
            check(response.headers[.rateLimitRemaining], "0", "four requests, however many ops")
            check(try await client.json(.get, "/api/v1/tasks", token: token).status, .tooManyRequests)
        }
    }

    func testShapesThatAreNotABatchAre400AndApplyNothing() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let good = #"{"op":"create","task":{"title":"Must not exist"}}"#
            let bodies = [
                "[]", "{}", #"{"ops":{}}"#, #"{"ops":[]}"#,
                #"{"ops":["# + Array(repeating: good, count: 101).joined(separator: ",") + "]}",
                #"{"ops":[\#(good),{"op":"rename","id":"x"}]}"#,
                #"{"ops":[\#(good),{"op":"update","id":"x","changes":"title"}]}"#,
                #"{"ops":[\#(good),{"op":"delete","id":7}]}"#,
                #"{"ops":[\#(good),{"op":"delete","id":"x","ifMatch":"3"}]}"#,
                #"{"ops":[\#(good),{"op":"delete","id":"x","ifMatch":0}]}"#,
                #"{"ops":[\#(good),{"op":"delete","id":"x","ifMatch":-102565794416454451200}]}"#,
                #"{"ops":[\#(good),{"op":"create"}]}"#,
                #"{"ops":[\#(good),{"op":"create","task":{"title":"x"},"idempotencyKey":""}]}"#,
                #"{"ops":[\#(good),]}"#,
            ]
            for body in bodies {
                let response = try await client.json(.post, "/api/v1/tasks/batch", token: token, body: body)
                check(response.status, .badRequest, "\(body.prefix(80)): \(response.text)")
            }
            check(try await client.page(token: token).pagination.total, 0, "nothing of a refused batch is applied")
        }
    }

    func testABodyOver1MiBIs413AndUpTo1MiBIsServed() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            // 100 creates with 9,000-character descriptions: about 0.9 MiB, far over 64 KiB.
            let description = String(repeating: "d", count: 9_000)
            let ops = (0..<100).map { #"{"op":"create","task":{"title":"Big \#($0)","description":"\#(description)"}}"# }
            let results = try await client.batch(ops, token: token)
            check(results.map(\.status), Array(repeating: 201, count: 100))
            let tooBig = #"{"ops":[{"op":"create","task":{"title":"x","description":""# + String(repeating: "d", count: 1 << 20) + #""}}]}"#
            assertAPIError(try await client.json(.post, "/api/v1/tasks/batch", token: token, body: tooBig), .contentTooLarge, "payload_too_large")
        }
    }

    func testIdempotencyKeysAndChosenIDsInABatch() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let id = ULID.make()
            let create = #"{"op":"create","task":{"id":"\#(id)","title":"Offline"},"idempotencyKey":"op-1"}"#
            let first = try await client.batch([create], token: token)
            check(first.map(\.status), [201])
            check(first[0].task?.id, id)
            // The client retries the whole batch after a lost answer: nothing is created twice.
            let retry = try await client.batch([create, #"{"op":"create","task":{"title":"Other"},"idempotencyKey":"op-1"}"#], token: token)
            check(retry.map(\.status), [201, 409])
            check(retry[0].task, first[0].task, "the replay is the first answer")
            check(try await client.page(token: token).pagination.total, 1)
            // Without the key, the chosen id alone stops a duplicate.
            let again = try await client.batch([#"{"op":"create","task":{"id":"\#(id)","title":"Offline"}}"#], token: token)
            check(again[0].status, 409)
            check(again[0].error?.code, "conflict")
        }
    }
}
