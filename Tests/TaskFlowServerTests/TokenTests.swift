import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// The access token: an HS256 JWT with `sub`, `iat`, `exp`, `jti`, `typ: "access"`.
final class TokenTests: XCTestCase {
    func testAccessTokenClaims() async throws {
        try await TestServer.withRouter { client, _ in
            let answer = try await client.register()
            let header = try XCTUnwrap(jwtPart(answer.accessToken, 0))
            XCTAssertEqual(header["alg"] as? String, "HS256")
            let claims = try XCTUnwrap(jwtPart(answer.accessToken, 1))
            XCTAssertEqual(claims["sub"] as? String, answer.user.id)
            XCTAssertEqual(claims["typ"] as? String, "access")
            let iat = try XCTUnwrap(claims["iat"] as? Double), exp = try XCTUnwrap(claims["exp"] as? Double)
            XCTAssertEqual(exp - iat, 900)
            XCTAssertEqual(iat, Date().timeIntervalSince1970, accuracy: 5)
            XCTAssertFalse((claims["jti"] as? String ?? "").isEmpty)
            // Each token is unique even for the same user in the same second.
            let other = try await client.login().decode(AuthResponse.self)
            XCTAssertNotEqual(jwtPart(other.accessToken, 1)?["jti"] as? String, claims["jti"] as? String)
        }
    }

    func testExpiresInFollowsTheConfiguredLifetime() async throws {
        try await TestServer.withRouter({ $0.accessTokenLifetime = 120 }) { client, _ in
            let answer = try await client.register()
            XCTAssertEqual(answer.expiresIn, 120)
            let claims = try XCTUnwrap(jwtPart(answer.accessToken, 1))
            XCTAssertEqual((claims["exp"] as? Double ?? 0) - (claims["iat"] as? Double ?? 0), 120)
            check(try await client.refresh(answer.refreshToken).decode(TokenPair.self).expiresIn, 120)
        }
    }

    func testTokenForADeletedAccountIsUnauthorized() async throws {
        try await TestServer.withRouter { client, services in
            let token = try await services.tokens.issue(userID: "no-such-user")
            assertAPIError(try await client.get("/api/v1/auth/me", token: token), .unauthorized, "unauthorized")
        }
    }
}
