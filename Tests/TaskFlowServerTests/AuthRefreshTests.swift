import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `POST /auth/refresh`: rotation, reuse detection that revokes the whole family, the
/// 10-second grace window that hands back the same pair, expiry.
final class AuthRefreshTests: XCTestCase {
    func testRefreshRotatesToANewWorkingPair() async throws {
        try await TestServer.withRouter { client, _ in
            let first = try await client.register()
            let response = try await client.refresh(first.refreshToken)
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.headers[.cacheControl], "no-store")
            XCTAssertEqual(Set(try XCTUnwrap(jsonObject(response)).keys), ["accessToken", "refreshToken", "expiresIn"])
            let pair = try response.decode(TokenPair.self)
            XCTAssertNotEqual(pair.refreshToken, first.refreshToken)
            XCTAssertNotEqual(pair.accessToken, first.accessToken)
            XCTAssertEqual(pair.expiresIn, 900)
            XCTAssertEqual(subject(of: pair.accessToken), first.user.id)
            check(try await client.get("/api/v1/auth/me", token: pair.accessToken).status, .ok)
            // The new refresh token rotates in turn.
            let next = try await client.refresh(pair.refreshToken)
            XCTAssertEqual(next.status, .ok, next.text)
            XCTAssertNotEqual(try next.decode(TokenPair.self).refreshToken, pair.refreshToken)
        }
    }

    func testRefreshTokenHasAtLeast256RandomBits() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().refreshToken
            let bytes = try XCTUnwrap(Base64URL.decode(token), "opaque token is base64url here")
            XCTAssertGreaterThanOrEqual(bytes.count, 32)
        }
    }

    func testWithinGraceWindowTheOldTokenGetsTheSamePair() async throws {
        try await TestServer.withRouter { client, _ in
            let first = try await client.register()
            let a = try await client.refresh(first.refreshToken)
            let b = try await client.refresh(first.refreshToken)
            XCTAssertEqual(a.status, .ok)
            XCTAssertEqual(b.status, .ok, b.text)
            let pairA = try a.decode(TokenPair.self), pairB = try b.decode(TokenPair.self)
            XCTAssertEqual(pairA.accessToken, pairB.accessToken, "byte-equal access token")
            XCTAssertEqual(pairA.refreshToken, pairB.refreshToken, "byte-equal refresh token")
            XCTAssertEqual(pairA.expiresIn, pairB.expiresIn)
            // The grace answer did not revoke anything: the new pair still works.
            check(try await client.refresh(pairA.refreshToken).status, .ok)
        }
    }

    func testGraceWindowIsTenSeconds() async throws {
        try await TestServer.withRouter { client, services in
            let first = try await client.register()
            let t0 = Date()
            let pair = try await services.auth.refresh(first.refreshToken, now: t0)
            let replay = try await services.auth.refresh(first.refreshToken, now: t0.addingTimeInterval(9.9))
            XCTAssertEqual(replay, pair)
            let late = try await expectAPIError { try await services.auth.refresh(first.refreshToken, now: t0.addingTimeInterval(10.5)) }
            XCTAssertEqual(late?.code, "unauthorized")
            XCTAssertEqual(late?.status, .unauthorized)
        }
    }

    func testReuseAfterGraceRevokesTheWholeFamily() async throws {
        try await TestServer.withRouter { client, services in
            let first = try await client.register()
            let t0 = Date()
            let second = try await services.auth.refresh(first.refreshToken, now: t0)
            let third = try await services.auth.refresh(second.refreshToken, now: t0.addingTimeInterval(1))
            // The first token comes back long after its rotation: theft is assumed.
            let reuse = try await expectAPIError { try await services.auth.refresh(first.refreshToken, now: t0.addingTimeInterval(11)) }
            XCTAssertEqual(reuse?.code, "unauthorized")
            // Every token of that login is dead now, the newest included.
            assertAPIError(try await client.refresh(third.refreshToken), .unauthorized, "unauthorized")
            assertAPIError(try await client.refresh(second.refreshToken), .unauthorized, "unauthorized")
            assertAPIError(try await client.refresh(first.refreshToken), .unauthorized, "unauthorized")
        }
    }

    func testReuseOverHTTPAfterGraceAnswers401() async throws {
        try await TestServer.withRouter { client, services in
            let first = try await client.register()
            let pair = try await services.auth.refresh(first.refreshToken, now: Date().addingTimeInterval(-11))
            assertAPIError(try await client.refresh(first.refreshToken), .unauthorized, "unauthorized", messageContains: "refresh token")
            assertAPIError(try await client.refresh(pair.refreshToken), .unauthorized, "unauthorized")
        }
    }

    func testExpiredRefreshTokenIs401() async throws {
        try await TestServer.withRouter({ $0.refreshTokenLifetime = 60 }) { client, services in
            let first = try await client.register()
            let late = try await expectAPIError { try await services.auth.refresh(first.refreshToken, now: Date().addingTimeInterval(61)) }
            XCTAssertEqual(late?.status, .unauthorized)
            XCTAssertEqual(late?.code, "unauthorized")
            // Still good before its end.
            check(try await client.refresh(first.refreshToken).status, .ok)
        }
    }

    func testExpiredRefreshTokenOverHTTPIs401() async throws {
        let clock = ManualClock()
        try await TestServer.withRouter({ $0.refreshTokenLifetime = 60 }, clock: clock) { client, _ in
            let first = try await client.register()
            let second = try await client.login().decode(AuthResponse.self)
            clock.advance(by: 59)
            check(try await client.refresh(first.refreshToken).status, .ok, "good until the end of its lifetime")
            // Stored expiries are whole milliseconds: step clearly past the end.
            clock.advance(by: 2)
            assertAPIError(try await client.refresh(second.refreshToken), .unauthorized, "unauthorized")
        }
    }

    func testUnknownOrMalformedRefreshToken() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register()
            assertAPIError(try await client.refresh("not-a-token"), .unauthorized, "unauthorized")
            assertAPIError(try await client.refresh(""), .unauthorized, "unauthorized")
            assertAPIError(
                try await client.json(.post, "/api/v1/auth/refresh", body: "{}"), .badRequest, "validation_failed", fields: ["refreshToken"])
            assertAPIError(
                try await client.json(.post, "/api/v1/auth/refresh", body: #"{"refreshToken":42}"#), .badRequest, "validation_failed",
                fields: ["refreshToken"])
        }
    }

    func testTwoLoginsAreIndependentSessions() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register()
            let a = try await client.login().decode(AuthResponse.self)
            let b = try await client.login().decode(AuthResponse.self)
            check(try await client.logout(a.refreshToken).status, .noContent)
            assertAPIError(try await client.refresh(a.refreshToken), .unauthorized, "unauthorized")
            let refreshed = try await client.refresh(b.refreshToken)
            XCTAssertEqual(refreshed.status, .ok, "logging out one login keeps the other")
        }
    }
}

/// Runs `body`, which must throw an `APIError`, and returns it.
func expectAPIError(
    file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> some Any
) async throws -> APIError? {
    do {
        _ = try await body()
        XCTFail("expected an error", file: file, line: line)
        return nil
    } catch let error as APIError {
        return error
    }
}
