import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `POST /auth/logout`: 204, and every refresh token of that login stops working.
final class AuthLogoutTests: XCTestCase {
    func testLogoutEndsTheSession() async throws {
        try await TestServer.withRouter { client, _ in
            let first = try await client.register()
            let response = try await client.logout(first.refreshToken)
            XCTAssertEqual(response.status, .noContent)
            XCTAssertEqual(response.body.readableBytes, 0)
            assertAPIError(try await client.refresh(first.refreshToken), .unauthorized, "unauthorized")
        }
    }

    func testLogoutWithAnyTokenOfTheFamilyRevokesAllOfIt() async throws {
        try await TestServer.withRouter { client, _ in
            let first = try await client.register()
            let second = try await client.refresh(first.refreshToken).decode(TokenPair.self)
            let third = try await client.refresh(second.refreshToken).decode(TokenPair.self)
            // Log out with the oldest (already rotated) token.
            check(try await client.logout(first.refreshToken).status, .noContent)
            for token in [first.refreshToken, second.refreshToken, third.refreshToken] {
                assertAPIError(try await client.refresh(token), .unauthorized, "unauthorized")
            }
        }
    }

    func testLogoutWithTheNewestTokenStopsTheGraceReplay() async throws {
        try await TestServer.withRouter { client, _ in
            let first = try await client.register()
            let second = try await client.refresh(first.refreshToken).decode(TokenPair.self)
            check(try await client.logout(second.refreshToken).status, .noContent)
            // Inside the grace window, but the login is over: no pair comes back.
            assertAPIError(try await client.refresh(first.refreshToken), .unauthorized, "unauthorized")
        }
    }

    func testLogoutWithUnknownTokenIs204() async throws {
        try await TestServer.withRouter { client, _ in
            let first = try await client.register()
            check(try await client.logout("never-issued").status, .noContent)
            check(try await client.logout(first.refreshToken).status, .noContent)
            check(try await client.logout(first.refreshToken).status, .noContent, "twice is fine")
        }
    }

    func testLogoutNeedsARefreshTokenField() async throws {
        try await TestServer.withRouter { client, _ in
            assertAPIError(
                try await client.json(.post, "/api/v1/auth/logout", body: "{}"), .badRequest, "validation_failed", fields: ["refreshToken"])
        }
    }
}
