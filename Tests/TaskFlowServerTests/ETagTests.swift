import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// ETags on lists and stats: 304 for a matching `If-None-Match`, with no body; a new
/// tag after any change.
final class ETagTests: XCTestCase {
    func testMatchingIfNoneMatchGets304WithNoBody() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            _ = try await client.createTask(#"{"title":"One"}"#, token: token)
            let first = try await client.get("/api/v1/tasks", token: token)
            let tag = try XCTUnwrap(first.headers[.eTag])
            XCTAssertTrue(tag.hasPrefix("\"") && tag.hasSuffix("\""), "a quoted entity tag: \(tag)")
            let again = try await client.get("/api/v1/tasks", token: token, headers: [.ifNoneMatch: tag])
            XCTAssertEqual(again.status, .notModified)
            XCTAssertEqual(again.body.readableBytes, 0, "304 has no body")
            XCTAssertEqual(again.headers[.eTag], tag)
            XCTAssertNotNil(again.headers[.requestID])
            // Without the header, the same answer as before.
            let plain = try await client.get("/api/v1/tasks", token: token)
            XCTAssertEqual(plain.status, .ok)
            XCTAssertEqual(plain.text, first.text)
            XCTAssertEqual(plain.headers[.eTag], tag)
        }
    }

    func testWeakTagsAndListsMatch() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let tag = try unwrap(try await client.get("/api/v1/tasks", token: token).headers[.eTag])
            check(try await client.get("/api/v1/tasks", token: token, headers: [.ifNoneMatch: "W/\(tag)"]).status, .notModified)
            check(try await client.get("/api/v1/tasks", token: token, headers: [.ifNoneMatch: "\"nope\", \(tag)"]).status, .notModified)
            check(try await client.get("/api/v1/tasks", token: token, headers: [.ifNoneMatch: "\"nope\", W/\"other\""]).status, .ok)
            check(try await client.get("/api/v1/tasks", token: token, headers: [.ifNoneMatch: "*"]).status, .notModified)
        }
    }

    func testEveryChangeMakesANewTag() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            var seen: Set<String> = []
            func currentTag() async throws -> String {
                let response = try await client.get("/api/v1/tasks", token: token)
                return try XCTUnwrap(response.headers[.eTag])
            }
            func expectFresh(_ label: String) async throws {
                let tag = try await currentTag()
                XCTAssertFalse(seen.contains(tag), "\(label) did not change the tag")
                seen.insert(tag)
            }
            try await expectFresh("start")
            let old = try await currentTag()
            let task = try await client.createTask(#"{"title":"One"}"#, token: token)
            try await expectFresh("create")
            check(try await client.get("/api/v1/tasks", token: token, headers: [.ifNoneMatch: old]).status, .ok, "a stale tag gets the full answer")
            _ = try await client.json(.put, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Two"}"#)
            try await expectFresh("put")
            _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"status":"done"}"#)
            try await expectFresh("patch")
            let beforeNoOp = try await currentTag()
            _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"status":"done"}"#)
            check(try await currentTag(), beforeNoOp, "a write that changes nothing keeps the tag")
            _ = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token)
            try await expectFresh("delete")
        }
    }

    func testTagDependsOnTheQuery() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            _ = try await client.createTask(#"{"title":"One"}"#, token: token)
            let plain = try unwrap(try await client.get("/api/v1/tasks", token: token).headers[.eTag])
            let second = try await client.get("/api/v1/tasks?page=2", token: token)
            XCTAssertNotEqual(second.headers[.eTag], plain)
            check(try await client.get("/api/v1/tasks?status=done", token: token, headers: [.ifNoneMatch: plain]).status, .ok)
            // Spelling the same query differently is the same answer.
            let spelled = try await client.get("/api/v1/tasks?status=done,todo&sort=-createdAt", token: token)
            check(try await client.get("/api/v1/tasks?status=todo,done", token: token).headers[.eTag], spelled.headers[.eTag])
        }
    }

    func testTwoUsersNeverShareATag() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register().accessToken
            let bob = try await client.register(name: "Bob", email: "bob@example.com").accessToken
            _ = try await client.createTask(#"{"title":"Ann's"}"#, token: ann)
            _ = try await client.createTask(#"{"title":"Bob's"}"#, token: bob)
            let annTag = try unwrap(try await client.get("/api/v1/tasks", token: ann).headers[.eTag])
            // Bob's client (same machine, say) sends Ann's cached tag: it must not be told his list is hers.
            let bobs = try await client.get("/api/v1/tasks", token: bob, headers: [.ifNoneMatch: annTag])
            XCTAssertEqual(bobs.status, .ok)
            XCTAssertEqual(try bobs.decode(TaskPage.self).tasks.map(\.title), ["Bob's"])
            let annStats = try unwrap(try await client.get("/api/v1/tasks/stats", token: ann).headers[.eTag])
            check(try await client.get("/api/v1/tasks/stats", token: bob, headers: [.ifNoneMatch: annStats]).status, .ok)
        }
    }

    func testStatsTag() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let first = try await client.get("/api/v1/tasks/stats", token: token)
            let tag = try XCTUnwrap(first.headers[.eTag])
            let again = try await client.get("/api/v1/tasks/stats", token: token, headers: [.ifNoneMatch: tag])
            XCTAssertEqual(again.status, .notModified)
            XCTAssertEqual(again.body.readableBytes, 0)
            _ = try await client.createTask(#"{"title":"One"}"#, token: token)
            let after = try await client.get("/api/v1/tasks/stats", token: token, headers: [.ifNoneMatch: tag])
            XCTAssertEqual(after.status, .ok)
            XCTAssertNotEqual(after.headers[.eTag], tag)
            XCTAssertEqual(try after.decode(TaskStats.self).total, 1)
            let listTag = try await client.get("/api/v1/tasks", token: token).headers[.eTag]
            XCTAssertNotEqual(after.headers[.eTag], listTag)
        }
    }
}
