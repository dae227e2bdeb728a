import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// Bad input of every kind gets the contract's error shape with the right code — never a
/// 500 — and leaves stored data as it was.
final class BadInputTests: XCTestCase {
    /// Runs `test` with a signed-in user holding one task, then checks the task and the
    /// count are exactly as before.
    private func withOneTask(
        _ test: @escaping @Sendable (any TestClientProtocol, String, TaskItem) async throws -> Void
    ) async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Keep me","description":"as I am","dueDate":"2026-05-01"}"#, token: token)
            try await test(client, token, task)
            check(try await client.task(task.id, token: token).decode(TaskItem.self), task, "stored task unchanged")
            check(try await client.page(token: token).pagination.total, 1, "nothing created")
        }
    }

    /// Sends `body` as POST /tasks and as PUT and PATCH of the task, expecting the same error each time.
    private static func sendEverywhere(
        _ client: any TestClientProtocol, _ token: String, _ task: TaskItem, body: String, headers: HTTPFields = [:],
        expect status: HTTPResponse.Status, _ code: String, fields: [String]? = nil, file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        for (method, path) in [(HTTPRequest.Method.post, "/api/v1/tasks"), (.put, "/api/v1/tasks/\(task.id)"), (.patch, "/api/v1/tasks/\(task.id)")] {
            let response = try await client.json(method, path, token: token, body: body, headers: headers)
            XCTAssertNotEqual(response.status, .internalServerError, "\(method) \(body.prefix(60))", file: file, line: line)
            assertAPIError(response, status, code, fields: fields, file: file, line: line)
        }
    }

    func testMalformedAndTruncatedJSON() async throws {
        try await withOneTask { client, token, task in
            for body in [
                #"{"title":"#, #"{"title":"abc""#, #"{"title":"abc",,}"#, "{title:'abc'}", "{", "", " ", "nul", #"{"title":"a"}x"#,
                #"{"title":"abc",}"#, "{\"title\":\"abc\" ,\n }",
            ] {
                try await Self.sendEverywhere(client, token, task, body: body, expect: .badRequest, "bad_request")
            }
            let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":"#)
            assertAPIError(response, .badRequest, "bad_request", messageContains: "JSON")
        }
    }

    func testACommaBeforeABraceInsideAStringIsText() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let created = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":"a,} \",]"}"#)
            XCTAssertEqual(created.status, .created)
            XCTAssertEqual(try TaskFlowJSON.decode(TaskItem.self, from: Data(buffer: created.body)).title, #"a,} ",]"#)
        }
    }

    func testJSONThatIsNotAnObject() async throws {
        try await withOneTask { client, token, task in
            for body in [#"[{"title":"x"}]"#, "5", #""title""#, "true", "null", "[]"] {
                try await Self.sendEverywhere(client, token, task, body: body, expect: .badRequest, "bad_request")
            }
            assertAPIError(
                try await client.json(.post, "/api/v1/tasks", token: token, body: "[]"), .badRequest, "bad_request", messageContains: "object")
            assertAPIError(
                try await client.json(.post, "/api/v1/auth/login", body: "null"), .badRequest, "bad_request", messageContains: "object")
        }
    }

    func testWrongTypes() async throws {
        try await withOneTask { client, token, task in
            for (body, field) in [
                (#"{"title":5}"#, "title"), (#"{"title":"x","description":[]}"#, "description"), (#"{"title":"x","priority":1}"#, "priority"),
                (#"{"title":"x","status":true}"#, "status"), (#"{"title":"x","dueDate":20260501}"#, "dueDate"),
                (#"{"title":{"text":"x"}}"#, "title"), (#"{"title":"x","priority":1e999}"#, "priority"),
            ] {
                try await Self.sendEverywhere(client, token, task, body: body, expect: .badRequest, "validation_failed", fields: [field])
            }
            let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":5}"#)
            XCTAssertEqual(response.error?.details?.first?.message, "must be a string")
        }
    }

    func testUnknownEnumValues() async throws {
        try await withOneTask { client, token, task in
            for (body, field) in [
                (#"{"title":"x","status":"blocked"}"#, "status"), (#"{"title":"x","status":"Done"}"#, "status"),
                (#"{"title":"x","status":"in_progress"}"#, "status"), (#"{"title":"x","priority":"urgent"}"#, "priority"),
                (#"{"title":"x","priority":""}"#, "priority"),
            ] {
                try await Self.sendEverywhere(client, token, task, body: body, expect: .badRequest, "validation_failed", fields: [field])
            }
            let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":"x","status":"blocked"}"#)
            XCTAssertTrue(response.error?.message.contains("todo, in-progress, done") ?? false, "the message names the allowed values")
        }
    }

    func testNullWhereAValueIsRequired() async throws {
        try await withOneTask { client, token, task in
            for field in ["title", "description", "status", "priority"] {
                let body = field == "title" ? #"{"title":null}"# : #"{"title":"x","\#(field)":null}"#
                try await Self.sendEverywhere(client, token, task, body: body, expect: .badRequest, "validation_failed", fields: [field])
            }
            let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":null}"#)
            XCTAssertEqual(response.error?.details?.first?.message, "must not be null")
        }
    }

    func testInvalidDates() async throws {
        try await withOneTask { client, token, task in
            for due in ["2026-13-01", "2026-02-30", "2026-2-3", "tomorrow", "", "2026-12-01T25:00:00Z", "2026-12-01T10:00:00",
                        "2026-12-01T10:00:00.Z", "2026-12-01T10:00:00+2", "02/03/2026", "2026-12-01 extra"] {
                try await Self.sendEverywhere(
                    client, token, task, body: #"{"title":"x","dueDate":"\#(due)"}"#, expect: .badRequest, "validation_failed", fields: ["dueDate"])
            }
        }
    }

    func testBodyOver64KiBIs413() async throws {
        try await withOneTask { client, token, task in
            let over = #"{"title":"x","description":""# + String(repeating: "a", count: 64 * 1024) + #""}"#
            try await Self.sendEverywhere(client, token, task, body: over, expect: .contentTooLarge, "payload_too_large")
            let register = try await client.json(.post, "/api/v1/auth/register", body: over)
            assertAPIError(register, .contentTooLarge, "payload_too_large", messageContains: "64 KiB")
        }
    }

    func testBodyOfExactly64KiBIsRead() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let prefix = #"{"title":"padded"}"#
            let body = prefix + String(repeating: " ", count: 64 * 1024 - prefix.utf8.count)
            XCTAssertEqual(body.utf8.count, 65_536)
            check(try await client.json(.post, "/api/v1/tasks", token: token, body: body).status, .created)
            assertAPIError(try await client.json(.post, "/api/v1/tasks", token: token, body: body + " "), .contentTooLarge, "payload_too_large")
        }
    }

    func testContentTypeMustBeJSON() async throws {
        try await withOneTask { client, token, task in
            let body = #"{"title":"x"}"#
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "json"] {
                try await Self.sendEverywhere(client, token, task, body: body, headers: [.contentType: type], expect: .unsupportedMediaType, "unsupported_media_type")
            }
            // No Content-Type at all.
            for (method, path) in [(HTTPRequest.Method.post, "/api/v1/tasks"), (.put, "/api/v1/tasks/\(task.id)")] {
                let response = try await client.execute(
                    uri: path, method: method, headers: [.authorization: "Bearer \(token)"], body: ByteBuffer(string: body))
                assertAPIError(response, .unsupportedMediaType, "unsupported_media_type", messageContains: "application/json")
            }
            let login = try await client.json(.post, "/api/v1/auth/login", body: #"{"email":"a@b.c","password":"x"}"#, headers: [.contentType: "text/plain"])
            assertAPIError(login, .unsupportedMediaType, "unsupported_media_type")
        }
    }

    func testJSONMediaTypeVariantsAreAccepted() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for type in ["application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"] {
                let response = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":"x"}"#, headers: [.contentType: type])
                XCTAssertEqual(response.status, .created, "\(type): \(response.text)")
            }
        }
    }

    func testInvalidUTF8() async throws {
        try await withOneTask { client, token, task in
            var bytes = Array(#"{"title":""#.utf8)
            bytes += [0xFF, 0xFE, 0xC3]
            bytes += Array(#""}"#.utf8)
            for (method, path) in [(HTTPRequest.Method.post, "/api/v1/tasks"), (.put, "/api/v1/tasks/\(task.id)"), (.patch, "/api/v1/tasks/\(task.id)")] {
                let response = try await client.execute(
                    uri: path, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(bytes: bytes))
                assertAPIError(response, .badRequest, "bad_request", messageContains: "UTF-8")
            }
            // An overlong encoding and a lone surrogate are not UTF-8 either.
            for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80]] {
                let response = try await client.execute(
                    uri: "/api/v1/tasks", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(bytes: Array(#"{"title":"a"#.utf8) + bad + Array(#""}"#.utf8)))
                assertAPIError(response, .badRequest, "bad_request")
            }
        }
    }

    func testDeeplyNestedJSONIsRefusedNotCrashed() async throws {
        try await withOneTask { client, token, task in
            let nested = #"{"title":"x","description":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
            let response = try await client.json(.post, "/api/v1/tasks", token: token, body: nested)
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertNotNil(response.error)
        }
    }

    func testBadPageAndLimit() async throws {
        try await withOneTask { client, token, _ in
            for (query, field) in [
                ("page=0", "page"), ("page=-1", "page"), ("page=abc", "page"), ("page=1.5", "page"), ("page=", "page"),
                ("page=99999999999999999999999", "page"), ("page=%201", "page"), ("limit=0", "limit"), ("limit=101", "limit"),
                ("limit=-5", "limit"), ("limit=ten", "limit"), ("limit=1e2", "limit"), ("limit=99999999999999999999999", "limit"),
                ("limit=", "limit"),
            ] {
                let response = try await client.get("/api/v1/tasks?\(query)", token: token)
                assertAPIError(response, .badRequest, "validation_failed", fields: [field], messageContains: field)
            }
            let both = try await client.get("/api/v1/tasks?page=0&limit=0", token: token)
            assertAPIError(both, .badRequest, "validation_failed", fields: ["page", "limit"])
            check(try await client.page("limit=100", token: token).pagination.limit, 100)
            check(try await client.page("limit=1&page=1", token: token).tasks.count, 1)
        }
    }

    func testInvalidSort() async throws {
        try await withOneTask { client, token, _ in
            for sort in ["name", "--title", "", "-", "title,priority", "TITLE", "due_date", "id"] {
                let encoded = sort.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sort
                let response = try await client.get("/api/v1/tasks?sort=\(encoded)", token: token)
                assertAPIError(response, .badRequest, "validation_failed", fields: ["sort"], messageContains: "createdAt")
            }
        }
    }

    func testUnknownFieldsAndParametersAreIgnored() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            // (`id` is no longer unknown: a client may choose one, a ULID; ChosenIDTests.)
            let task = try await client.createTask(#"{"title":"x","version":99,"owner":"someone","createdAt":"2000-01-01"}"#, token: token)
            XCTAssertEqual(task.version, 1)
            XCTAssertNotEqual(Timestamp.day(task.createdAt), "2000-01-01")
            check(try await client.page("color=blue&page=1", token: token).pagination.total, 1)
        }
    }

    func testBadAuthBodies() async throws {
        try await TestServer.withRouter { client, _ in
            assertAPIError(
                try await client.json(.post, "/api/v1/auth/register", body: #"{"name":"A","email":5,"password":"password1"}"#), .badRequest,
                "validation_failed", fields: ["email"])
            assertAPIError(try await client.json(.post, "/api/v1/auth/register", body: "{"), .badRequest, "bad_request")
            assertAPIError(try await client.json(.post, "/api/v1/auth/login", body: #"{"email":null,"password":"x"}"#), .badRequest, "validation_failed", fields: ["email"])
            assertAPIError(try await client.json(.post, "/api/v1/auth/refresh", body: "[]"), .badRequest, "bad_request")
            check(try await client.login().status, .unauthorized, "no account was made")
        }
    }
}
