import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// The global limit (per user or per address), its headers, 429s, free 304s, and the
/// login limit of 5 failures per address and email.
final class RateLimitTests: XCTestCase {
    private static func small(_ c: inout ServerConfiguration) {
        c.rateLimitMaxRequests = 3
        c.rateLimitWindowSeconds = 60
    }

    func testEveryAPIAnswerCarriesTheHeadersErrorsIncluded() async throws {
        try await TestServer.withRouter(Self.small) { client, services in
            let token = try await services.directUser(email: "ann@example.com").token
            let answers = [
                try await client.get("/api/v1/tasks", token: token),
                try await client.get("/api/v1/tasks/NOPE", token: token),
                try await client.json(.post, "/api/v1/tasks", token: token, body: "{"),
            ]
            XCTAssertEqual(answers.map(\.status), [.ok, .notFound, .badRequest])
            for (index, response) in answers.enumerated() {
                XCTAssertEqual(response.headers[.rateLimitLimit], "3")
                XCTAssertEqual(response.headers[.rateLimitRemaining], String(2 - index))
                XCTAssertEqual(response.headers[.rateLimitPolicy], "3;w=60")
                let reset = try XCTUnwrap(response.headers[.rateLimitReset].flatMap(Int.init))
                XCTAssertTrue((0...60).contains(reset), "reset \(reset)")
                XCTAssertNil(response.headers[.retryAfter])
            }
            // Anonymous errors too: a 401, and a path that matches no route.
            for response in [try await client.get("/api/v1/tasks"), try await client.get("/api/v1/nowhere")] {
                XCTAssertTrue([.unauthorized, .notFound].contains(response.status))
                XCTAssertEqual(response.headers[.rateLimitPolicy], "3;w=60")
                XCTAssertNotNil(response.headers[.rateLimitRemaining])
                XCTAssertNotNil(response.error, "error shape")
            }
        }
    }

    func testOverTheLimitIs429WithRetryAfter() async throws {
        try await TestServer.withRouter(Self.small) { client, services in
            let token = try await services.directUser(email: "ann@example.com").token
            for _ in 0..<3 { check(try await client.get("/api/v1/tasks", token: token).status, .ok) }
            let limited = try await client.get("/api/v1/tasks", token: token)
            assertAPIError(limited, .tooManyRequests, "rate_limited", messageContains: "too many")
            let retryAfter = try XCTUnwrap(limited.headers[.retryAfter].flatMap(Int.init))
            XCTAssertTrue((1...60).contains(retryAfter), "Retry-After \(retryAfter)")
            XCTAssertEqual(limited.headers[.rateLimitRemaining], "0")
            XCTAssertEqual(limited.headers[.rateLimitLimit], "3")
            XCTAssertEqual(limited.headers[.rateLimitPolicy], "3;w=60")
            XCTAssertNotNil(limited.headers[.requestID])
            // A write while limited does nothing.
            let write = try await client.json(.post, "/api/v1/tasks", token: token, body: #"{"title":"x"}"#)
            XCTAssertEqual(write.status, .tooManyRequests)
            let userID = try XCTUnwrap(subject(of: token))
            check(try await services.storedTasks(of: userID).count, 0)
        }
    }

    func testPreflightsAreNotCountedAndNeverRefused() async throws {
        let origin = "https://app.example.com"
        try await TestServer.withRouter({ Self.small(&$0); $0.allowedOrigins = [origin] }) { client, _ in
            func preflight() async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/tasks", method: .options, headers: [.origin: origin, .accessControlRequestMethod: "GET"], body: nil)
            }
            for _ in 0..<5 { check(try await preflight().headers[.rateLimitRemaining], "3") }
            for _ in 0..<4 { _ = try await client.get("/api/v1/tasks", headers: [.origin: origin]) }
            let limited = try await preflight()
            check(limited.status, .noContent, "the request after it gets the 429, readable by the page")
            check(limited.headers[.rateLimitRemaining], "0")
            check(limited.headers[.accessControlAllowOrigin], origin)
            check(try await client.get("/api/v1/tasks", headers: [.origin: origin]).status, .tooManyRequests)
        }
    }

    func testLimitIsKeyedPerUserAndPerAddress() async throws {
        try await TestServer.withRouter(Self.small) { client, services in
            let ann = try await services.directUser(email: "ann@example.com").token
            let bob = try await services.directUser(email: "bob@example.com").token
            for _ in 0..<3 { _ = try await client.get("/api/v1/tasks", token: ann) }
            check(try await client.get("/api/v1/tasks", token: ann).status, .tooManyRequests)
            let bobs = try await client.get("/api/v1/tasks", token: bob)
            XCTAssertEqual(bobs.status, .ok, "Bob has his own budget")
            XCTAssertEqual(bobs.headers[.rateLimitRemaining], "2")
            // Unauthenticated requests spend the address's budget, not Ann's.
            let anonymous = try await client.get("/api/v1/tasks")
            XCTAssertEqual(anonymous.status, .unauthorized)
            XCTAssertEqual(anonymous.headers[.rateLimitRemaining], "2")
            _ = try await client.get("/api/v1/tasks")
            _ = try await client.get("/api/v1/tasks")
            assertAPIError(try await client.get("/api/v1/tasks"), .tooManyRequests, "rate_limited")
            // A made-up X-Forwarded-For from an untrusted peer buys nothing.
            let spoofed = try await client.get("/api/v1/tasks", headers: [.forwardedFor: "203.0.113.9"])
            XCTAssertEqual(spoofed.status, .tooManyRequests)
            // And the users are still fine.
            check(try await client.get("/api/v1/tasks", token: bob).status, .ok)
        }
    }

    func testAnInvalidTokenCountsAgainstTheAddress() async throws {
        try await TestServer.withRouter(Self.small) { client, services in
            let ann = try await services.directUser(email: "ann@example.com").token
            for _ in 0..<3 { _ = try await client.get("/api/v1/tasks", token: "garbage") }
            assertAPIError(try await client.get("/api/v1/tasks", token: "garbage"), .tooManyRequests, "rate_limited")
            check(try await client.get("/api/v1/tasks", token: ann).status, .ok)
        }
    }

    func testNotModifiedAnswersAreFree() async throws {
        try await TestServer.withRouter(Self.small) { client, services in
            let token = try await services.directUser(email: "ann@example.com").token
            let first = try await client.get("/api/v1/tasks", token: token)
            let tag = try XCTUnwrap(first.headers[.eTag])
            for _ in 0..<10 {
                let cached = try await client.get("/api/v1/tasks", token: token, headers: [.ifNoneMatch: tag])
                XCTAssertEqual(cached.status, .notModified)
                XCTAssertEqual(cached.headers[.rateLimitRemaining], "2")
                XCTAssertEqual(cached.headers[.rateLimitPolicy], "3;w=60")
            }
            let stats = try await client.get("/api/v1/tasks/stats", token: token)
            XCTAssertEqual(stats.status, .ok)
            XCTAssertEqual(stats.headers[.rateLimitRemaining], "1")
        }
    }

    func testOperationsEndpointsAreNotLimited() async throws {
        try await TestServer.withRouter(Self.small) { client, _ in
            for _ in 0..<4 { _ = try await client.get("/api/v1/tasks") }
            check(try await client.get("/api/v1/tasks").status, .tooManyRequests)
            for path in ["/health", "/ready", "/metrics"] {
                for _ in 0..<5 {
                    let response = try await client.get(path)
                    XCTAssertEqual(response.status, .ok, path)
                    XCTAssertNil(response.headers[.rateLimitLimit], path)
                }
            }
        }
    }

    func testDefaultPolicyIs100Per900Seconds() async throws {
        try await TestServer.withRouter { client, _ in
            let response = try await client.get("/api/v1/tasks")
            XCTAssertEqual(response.headers[.rateLimitPolicy], "100;w=900")
            XCTAssertEqual(response.headers[.rateLimitLimit], "100")
            XCTAssertEqual(response.headers[.rateLimitRemaining], "99")
        }
    }

    // MARK: login

    func testFiveFailedLoginsBlockEvenTheRightPassword() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register()
            for attempt in 1...5 {
                assertAPIError(try await client.login(password: "wrong \(attempt)"), .unauthorized, "unauthorized")
            }
            let blocked = try await client.login()
            assertAPIError(blocked, .tooManyRequests, "rate_limited", messageContains: "login")
            let retryAfter = try XCTUnwrap(blocked.headers[.retryAfter].flatMap(Int.init))
            XCTAssertTrue((1...900).contains(retryAfter), "Retry-After \(retryAfter)")
            // Another spelling of the same email is the same email.
            assertAPIError(try await client.login(email: " ANN@Example.com"), .tooManyRequests, "rate_limited")
            // Another account from the same address is not blocked.
            _ = try await client.register(name: "Bob", email: "bob@example.com")
            check(try await client.login(email: "bob@example.com").status, .ok)
        }
    }

    func testSuccessfulLoginsDoNotCount() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register()
            for _ in 0..<4 { _ = try await client.login(password: "wrong horse") }
            for _ in 0..<6 { check(try await client.login().status, .ok) }
            assertAPIError(try await client.login(password: "wrong horse"), .unauthorized, "unauthorized", messageContains: "incorrect")
            assertAPIError(try await client.login(), .tooManyRequests, "rate_limited")
        }
    }

    func testLoginBlockEndsWithTheWindow() async throws {
        try await TestServer.withRouter { client, services in
            _ = try await client.register()
            let t0 = Date()
            for _ in 0..<5 {
                let error = try await expectAPIError {
                    try await services.auth.login(LoginRequest(email: "ann@example.com", password: "nope nope"), clientAddress: "198.51.100.7", now: t0)
                }
                XCTAssertEqual(error?.code, "unauthorized")
            }
            let blocked = try await expectAPIError {
                try await services.auth.login(LoginRequest(email: "ann@example.com", password: "correct horse"), clientAddress: "198.51.100.7", now: t0)
            }
            XCTAssertEqual(blocked?.code, "rate_limited")
            // Another address is not blocked.
            _ = try await services.auth.login(LoginRequest(email: "ann@example.com", password: "correct horse"), clientAddress: "198.51.100.8", now: t0)
            let later = try await services.auth.login(
                LoginRequest(email: "ann@example.com", password: "correct horse"), clientAddress: "198.51.100.7", now: t0.addingTimeInterval(901))
            XCTAssertEqual(later.user.email, "ann@example.com")
        }
    }

    // MARK: client address

    func testForwardedForIsBelievedOnlyFromTrustedProxies() throws {
        let resolver = ClientAddress(trustedProxies: ["10.0.0.1", "10.0.0.2"])
        let proxy = try SocketAddress(ipAddress: "10.0.0.1", port: 4000)
        let stranger = try SocketAddress(ipAddress: "192.0.2.5", port: 4000)
        XCTAssertEqual(resolver.resolve(peer: proxy, forwardedFor: "203.0.113.9"), "203.0.113.9")
        XCTAssertEqual(resolver.resolve(peer: proxy, forwardedFor: "198.51.100.1, 203.0.113.9, 10.0.0.2"), "203.0.113.9",
                       "the nearest untrusted hop; the left-most is whatever the client wrote")
        XCTAssertEqual(resolver.resolve(peer: stranger, forwardedFor: "203.0.113.9"), "192.0.2.5")
        XCTAssertEqual(resolver.resolve(peer: proxy, forwardedFor: nil), "10.0.0.1")
    }
}
