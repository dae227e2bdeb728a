import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `POST /auth/register`: 201 with the user and a token pair; 409 for a taken email; the
/// field rules of API.md with `details` naming each field.
final class AuthRegisterTests: XCTestCase {
    func testRegisterAnswers201WithUserAndTokens() async throws {
        try await TestServer.withRouter { client, _ in
            let response = try await client.json(
                .post, "/api/v1/auth/register", body: #"{"name":"  Ann Lee ","email":"  Ann@Example.COM ","password":"correct horse"}"#)
            XCTAssertEqual(response.status, .created, response.text)
            XCTAssertEqual(response.headers[.cacheControl], "no-store")
            let answer = try response.decode(AuthResponse.self)
            XCTAssertEqual(answer.user.email, "ann@example.com", "emails are trimmed and lower-cased")
            XCTAssertEqual(answer.user.name, "Ann Lee")
            XCTAssertFalse(answer.user.id.isEmpty)
            XCTAssertEqual(answer.expiresIn, 900, "default JWT_EXPIRES_IN is 15m")
            XCTAssertEqual(subject(of: answer.accessToken), answer.user.id)
            XCTAssertFalse(answer.refreshToken.isEmpty)
            let object = try XCTUnwrap(jsonObject(response))
            XCTAssertEqual(Set(object.keys), ["user", "accessToken", "refreshToken", "expiresIn"])
            let user = try XCTUnwrap(object["user"] as? [String: Any])
            XCTAssertEqual(Set(user.keys), ["id", "name", "email", "createdAt"], "no password hash or other fields")
            XCTAssertTrue(isContractTimestamp(user["createdAt"] as? String ?? ""), "\(user["createdAt"] ?? "nil")")
            XCTAssertFalse(response.text.contains("correct horse"))
        }
    }

    func testTakenEmailIsConflictWhateverItsCase() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register(email: "ann@example.com")
            let again = try await client.json(
                .post, "/api/v1/auth/register", body: #"{"name":"Other","email":" ANN@example.com","password":"another password"}"#)
            assertAPIError(again, .conflict, "conflict", messageContains: "email")
            // The first account still signs in with its own password.
            check(try await client.login().status, .ok)
            check(try await client.login(password: "another password").status, .unauthorized)
        }
    }

    func testNameRules() async throws {
        try await TestServer.withRouter { client, _ in
            for name in ["", "   ", String(repeating: "n", count: 101)] {
                let response = try await client.json(
                    .post, "/api/v1/auth/register", body: #"{"name":"\#(name)","email":"a@example.com","password":"password1"}"#)
                assertAPIError(response, .badRequest, "validation_failed", fields: ["name"], messageContains: "name")
            }
            // 100 code points is allowed even when they are 4 bytes each.
            let emoji = String(repeating: "😀", count: 100)
            let ok = try await client.register(name: emoji, email: "emoji@example.com", password: "password1")
            XCTAssertEqual(ok.user.name, emoji)
        }
    }

    func testPasswordLengthIsEightTo128CodePoints() async throws {
        try await TestServer.withRouter { client, _ in
            for (index, password) in ["1234567", String(repeating: "p", count: 129), ""].enumerated() {
                let response = try await client.json(
                    .post, "/api/v1/auth/register", body: #"{"name":"A","email":"p\#(index)@example.com","password":"\#(password)"}"#)
                assertAPIError(response, .badRequest, "validation_failed", fields: ["password"], messageContains: "password")
            }
            _ = try await client.register(email: "min@example.com", password: "12345678")
            _ = try await client.register(email: "max@example.com", password: String(repeating: "p", count: 128))
            _ = try await client.register(email: "cp@example.com", password: "ééééééé€")  // 8 code points, 17 bytes
        }
    }

    func testEmailMustBeAnAddress() async throws {
        try await TestServer.withRouter { client, _ in
            for email in ["", "ann", "ann@", "@example.com", "ann@example", "a b@example.com"] {
                let response = try await client.json(
                    .post, "/api/v1/auth/register", body: #"{"name":"A","email":"\#(email)","password":"password1"}"#)
                assertAPIError(response, .badRequest, "validation_failed", fields: ["email"])
            }
        }
    }

    func testEveryBadFieldIsReportedAtOnce() async throws {
        try await TestServer.withRouter { client, _ in
            let response = try await client.json(
                .post, "/api/v1/auth/register", body: #"{"name":"","email":"nope","password":"short"}"#)
            assertAPIError(response, .badRequest, "validation_failed", fields: ["name", "email", "password"])
        }
    }

    func testMissingFieldIsNamed() async throws {
        try await TestServer.withRouter { client, _ in
            let response = try await client.json(.post, "/api/v1/auth/register", body: #"{"name":"A","email":"a@example.com"}"#)
            let error = assertAPIError(response, .badRequest, "validation_failed", fields: ["password"])
            XCTAssertEqual(error?.details?.first?.message, "is required")
        }
    }
}
