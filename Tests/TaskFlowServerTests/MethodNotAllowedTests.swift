import Foundation
import HTTPTypes
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// A method a known path does not serve is 405 with `Allow`; an unknown path is 404.
final class MethodNotAllowedTests: XCTestCase {
    func testAMethodAKnownPathDoesNotServeIs405WithAllow() async throws {
        try await TestServer.withRouter { client, services in
            let token = try await services.directUser(email: "ann@example.com").token
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.trace, "/api/v1/tasks", "GET, HEAD, POST"),
                (.delete, "/api/v1/tasks", "GET, HEAD, POST"),
                (.options, "/api/v1/tasks", "GET, HEAD, POST"),
                (.post, "/api/v1/tasks/stats", "GET, HEAD"),
                (.trace, "/api/v1/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV", "DELETE, GET, HEAD, PATCH, PUT"),
                (.get, "/api/v1/auth/login", "POST"),
                (.put, "/health", "GET, HEAD"),
                (.trace, "//api/v1/./tasks", "GET, HEAD, POST"),
            ]
            for (method, path, allow) in cases {
                let response = try await client.json(method, path, token: token)
                assertAPIError(response, .methodNotAllowed, "method_not_allowed")
                check(response.headers[.allow], allow, "\(method) \(path)")
                XCTAssertNotNil(response.headers[.requestID], "\(method) \(path)")
            }
            let limited = try await client.json(.trace, "/api/v1/tasks", token: token)
            XCTAssertNotNil(limited.headers[.rateLimitRemaining], "an /api answer like any other")
        }
    }

    func testAnUnknownPathIs404WhateverTheMethod() async throws {
        try await TestServer.withRouter { client, _ in
            for method in [HTTPRequest.Method.get, .trace, .post, .options] {
                for path in ["/api/v1/nothing", "/nothing", "/api/v1/tasks/a/b"] {
                    assertAPIError(try await client.json(method, path), .notFound, "not_found")
                }
            }
        }
    }

    func testTheRouteReaderPrefersALiteralSegmentToACapture() throws {
        let stats = RoutePattern("/api/v1/tasks/stats"), byID = RoutePattern("/api/v1/tasks/:id")
        XCTAssertTrue(stats.matches("/api/v1/tasks/stats"))
        XCTAssertTrue(byID.matches("/api/v1/tasks/stats"))
        XCTAssertFalse(byID.matches("/api/v1/tasks"))
        XCTAssertTrue(stats.isMoreSpecific(than: byID))
        XCTAssertFalse(byID.isMoreSpecific(than: stats))
    }
}
