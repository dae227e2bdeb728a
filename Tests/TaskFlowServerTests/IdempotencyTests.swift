import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `Idempotency-Key` on `POST /tasks`: replay, conflict, per-user scope, key length.
final class IdempotencyTests: XCTestCase {
    func testReplayReturnsTheSameAnswerAndCreatesNothing() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let body = #"{"title":"Pay rent","priority":"high"}"#
            let first = try await post(client, body, token: token, key: "key-1")
            XCTAssertEqual(first.status, .created)
            let replay = try await post(client, body, token: token, key: "key-1")
            XCTAssertEqual(replay.status, .created)
            XCTAssertEqual(replay.text, first.text, "byte-equal body")
            XCTAssertEqual(replay.headers[.location], first.headers[.location])
            check(try await client.page(token: token).pagination.total, 1)
            // Even after the task changed, the replay is the first answer.
            let task = try first.decode(TaskItem.self)
            _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Paid"}"#)
            check(try await post(client, body, token: token, key: "key-1").text, first.text)
            check(try await client.page(token: token).pagination.total, 1)
        }
    }

    func testSameKeyWithDifferentBodyIsConflict() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let first = try await post(client, #"{"title":"Pay rent"}"#, token: token, key: "k")
            XCTAssertEqual(first.status, .created)
            assertAPIError(try await post(client, #"{"title":"Pay bills"}"#, token: token, key: "k"), .conflict, "conflict", messageContains: "Idempotency-Key")
            // Same JSON, different bytes: still a different body.
            assertAPIError(try await post(client, #"{ "title":"Pay rent"}"#, token: token, key: "k"), .conflict, "conflict")
            check(try await client.titles("", token: token), ["Pay rent"])
        }
    }

    func testKeysAreScopedPerUser() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register().accessToken
            let bob = try await client.register(name: "Bob", email: "bob@example.com").accessToken
            let body = #"{"title":"Same"}"#
            let annTask = try await post(client, body, token: ann, key: "shared").decode(TaskItem.self)
            let bobAnswer = try await post(client, body, token: bob, key: "shared")
            XCTAssertEqual(bobAnswer.status, .created)
            let bobTask = try bobAnswer.decode(TaskItem.self)
            XCTAssertNotEqual(bobTask.id, annTask.id, "Bob's key created Bob's own task")
            check(try await client.page(token: bob).tasks.map(\.id), [bobTask.id])
            check(try await client.page(token: ann).tasks.map(\.id), [annTask.id])
            // A different body from Bob under Ann's key is no conflict either.
            check(try await post(client, #"{"title":"Other"}"#, token: bob, key: "k2").status, .created)
            check(try await post(client, #"{"title":"Else"}"#, token: ann, key: "k2").status, .created)
        }
    }

    func testKeyLengthIs1To255() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for key in ["", String(repeating: "k", count: 256)] {
                assertAPIError(
                    try await post(client, #"{"title":"x"}"#, token: token, key: key), .badRequest, "bad_request", messageContains: "Idempotency-Key")
            }
            check(try await client.page(token: token).pagination.total, 0, "a rejected key creates nothing")
            check(try await post(client, #"{"title":"x"}"#, token: token, key: String(repeating: "k", count: 255)).status, .created)
            check(try await post(client, #"{"title":"x"}"#, token: token, key: "k").status, .created)
        }
    }

    func testWithoutAKeyEveryPostCreates() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for _ in 0..<2 { check(try await post(client, #"{"title":"x"}"#, token: token, key: nil).status, .created) }
            check(try await client.page(token: token).pagination.total, 2)
        }
    }

    func testInvalidBodyWithKeyIsNotRemembered() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            assertAPIError(try await post(client, #"{"title":""}"#, token: token, key: "retry"), .badRequest, "validation_failed", fields: ["title"])
            check(try await post(client, #"{"title":"fixed"}"#, token: token, key: "retry").status, .created)
        }
    }
}

private func post(_ client: any TestClientProtocol, _ body: String, token: String, key: String?) async throws -> TestResponse {
    var headers: HTTPFields = [:]
    if let key { headers[.idempotencyKey] = key }
    return try await client.json(.post, "/api/v1/tasks", token: token, body: body, headers: headers)
}
