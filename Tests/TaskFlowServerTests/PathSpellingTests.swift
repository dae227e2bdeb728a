import Foundation
import HTTPTypes
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// Another spelling of an `/api` path (`//`, `.`, `..`, `%76`) is the same path: the rate
/// limiter counts it exactly as the router serves it (API.md, "Rate limits").
final class PathSpellingTests: XCTestCase {
    static let spellings = [
        "//api/v1/tasks", "///api/v1/tasks", "/api//v1/tasks", "/api/v1/./tasks", "/api/./v1/tasks",
        "/api/%761/tasks", "/%61pi/v1/tasks", "/x/../api/v1/tasks", "/api/v1/tasks/.", "/api/v1/%2e/tasks",
    ]

    private static func small(_ c: inout ServerConfiguration) {
        c.rateLimitMaxRequests = 3
        c.rateLimitWindowSeconds = 60
    }

    func testOnceAUserIsLimitedNoSpellingOfThePathCreatesATask() async throws {
        try await TestServer.withRouter(Self.small) { client, services in
            let (user, token) = try await services.directUser(email: "ann@example.com")
            for _ in 0..<3 { check(try await client.get("/api/v1/tasks", token: token).status, .ok) }
            for path in Self.spellings {
                let response = try await client.json(.post, path, token: token, body: #"{"title":"past the limit"}"#)
                XCTAssertTrue([.tooManyRequests, .notFound].contains(response.status), "\(path) answered \(response.status)")
            }
            check(try await services.storedTasks(of: user.id).count, 0)
        }
    }

    func testOnceAnAddressIsLimitedNoSpellingRegistersAnAccount() async throws {
        try await TestServer.withRouter(Self.small) { client, services in
            for _ in 0..<3 { check(try await client.get("/api/v1/tasks").status, .unauthorized) }
            for (index, path) in ["//api/v1/auth/register", "/api/v1/./auth/register", "/api/%761/auth/register"].enumerated() {
                let body = #"{"name":"Eve","email":"eve\#(index)@example.com","password":"correct horse"}"#
                let response = try await client.json(.post, path, body: body)
                XCTAssertTrue([.tooManyRequests, .notFound].contains(response.status), "\(path) answered \(response.status)")
                checkNil(try await services.store.storedUser(email: "eve\(index)@example.com"), path)
            }
        }
    }

    func testEverySpellingIsCountedAndAnsweredAsTheCanonicalPath() async throws {
        try await TestServer.withRouter { client, services in
            let token = try await services.directUser(email: "ann@example.com").token
            for (index, path) in Self.spellings.enumerated() {
                let response = try await client.get(path, token: token)
                check(response.status, .ok, path)
                check(response.headers[.rateLimitRemaining], String(99 - index), path)
            }
        }
    }

    func testCanonicalSpellings() {
        let cases = [
            ("/", "/"), ("", "/"), ("//", "/"), ("/api/v1/tasks", "/api/v1/tasks"), ("//api//v1///tasks", "/api/v1/tasks"),
            ("/api/v1/./tasks", "/api/v1/tasks"), ("/api/v1/tasks/.", "/api/v1/tasks/"), ("/a/b/../c", "/a/c"),
            ("/../../api", "/api"), ("/api/v1/tasks/", "/api/v1/tasks/"), ("/socket.io/", "/socket.io/"),
            ("/api/%761/tasks", "/api/v1/tasks"), ("/%2e%2E/api", "/api"), ("/a%2Fb", "/a%2Fb"), ("/a%zz", "/a%zz"),
            ("/a%7", "/a%7"), ("/%7e%5F", "/~_"), ("/caf%C3%A9", "/caf%C3%A9"),
        ]
        for (path, canonical) in cases { check(CanonicalPath.of(path), canonical, path) }
    }
}
