import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `POST /auth/login` and `GET /auth/me`.
final class AuthLoginTests: XCTestCase {
    func testLoginAnswers200WithTheRegisterShape() async throws {
        try await TestServer.withRouter { client, _ in
            let registered = try await client.register()
            let response = try await client.login(email: "  ANN@example.com ")
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.headers[.cacheControl], "no-store")
            let answer = try response.decode(AuthResponse.self)
            XCTAssertEqual(answer.user, registered.user)
            XCTAssertEqual(answer.expiresIn, 900)
            XCTAssertNotEqual(answer.refreshToken, registered.refreshToken, "each login is a new session")
            XCTAssertEqual(Set(try XCTUnwrap(jsonObject(response)).keys), ["user", "accessToken", "refreshToken", "expiresIn"])
        }
    }

    func testUnknownEmailAndWrongPasswordGetTheSameAnswer() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register()
            let wrongPassword = try await client.login(password: "wrong horse")
            let unknownEmail = try await client.login(email: "bob@example.com")
            let a = assertAPIError(wrongPassword, .unauthorized, "unauthorized")
            let b = assertAPIError(unknownEmail, .unauthorized, "unauthorized")
            XCTAssertEqual(a?.message, b?.message, "one message, so emails cannot be probed")
            XCTAssertEqual(wrongPassword.text, unknownEmail.text)
        }
    }

    func testLoginValidatesItsBody() async throws {
        try await TestServer.withRouter { client, _ in
            let response = try await client.json(.post, "/api/v1/auth/login", body: #"{"email":"ann@example.com"}"#)
            assertAPIError(response, .badRequest, "validation_failed", fields: ["password"])
        }
    }

    func testMeAnswersTheSignedInUser() async throws {
        try await TestServer.withRouter { client, _ in
            let registered = try await client.register()
            let me = try await client.get("/api/v1/auth/me", token: registered.accessToken)
            XCTAssertEqual(me.status, .ok, me.text)
            XCTAssertEqual(try me.decode(MeResponse.self).user, registered.user)
            XCTAssertEqual(Set(try XCTUnwrap(jsonObject(me)).keys), ["user"])
        }
    }

    func testMeWithoutTokenIsUnauthorized() async throws {
        try await TestServer.withRouter { client, _ in
            assertAPIError(try await client.get("/api/v1/auth/me"), .unauthorized, "unauthorized")
            assertAPIError(
                try await client.get("/api/v1/auth/me", headers: [.authorization: "Basic YW5uOnB3"]), .unauthorized, "unauthorized")
        }
    }
}
