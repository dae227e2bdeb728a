import Crypto
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// Security headers, CORS, request ids, cross-user isolation, forged and expired tokens,
/// and what the database keeps of secrets.
final class SecurityTests: XCTestCase {
    private static let secret = "a-test-secret-that-is-at-least-32-bytes-long"
    private static func knownSecret(_ c: inout ServerConfiguration) { c.jwtSecret = secret }

    // MARK: headers

    func testSecurityHeadersOnEveryAnswer() async throws {
        try await TestServer.withRouter { client, _ in
            let auth = try await client.register()
            let tag = try unwrap(try await client.get("/api/v1/tasks", token: auth.accessToken).headers[.eTag])
            let answers = [
                try await client.get("/health"), try await client.get("/metrics"), try await client.get("/nowhere"),
                try await client.get("/api/v1/tasks"), try await client.get("/api/v1/tasks", token: auth.accessToken),
                try await client.get("/api/v1/tasks", token: auth.accessToken, headers: [.ifNoneMatch: tag]),
                try await client.logout("x"), try await client.json(.post, "/api/v1/tasks", token: auth.accessToken, body: "{"),
                try await client.get("/api/v1/openapi.yaml"),
            ]
            XCTAssertEqual(answers.map(\.status.code), [200, 200, 404, 401, 200, 304, 204, 400, 200])
            for response in answers {
                XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff", "\(response.status)")
                XCTAssertEqual(response.headers[.xFrameOptions], "DENY", "\(response.status)")
                XCTAssertEqual(response.headers[.referrerPolicy], "no-referrer", "\(response.status)")
                XCTAssertNil(response.headers[.strictTransportSecurity], "no HSTS outside production")
            }
        }
    }

    func testHSTSOnlyInProduction() async throws {
        try await TestServer.withRouter({ $0.production = true; $0.jwtSecret = Self.secret }) { client, _ in
            for path in ["/health", "/api/v1/tasks", "/nowhere"] {
                let hsts = try unwrap(try await client.get(path).headers[.strictTransportSecurity], path)
                XCTAssertTrue(hsts.hasPrefix("max-age="), hsts)
                XCTAssertGreaterThanOrEqual(Int(hsts.dropFirst(8).prefix { $0.isNumber }) ?? 0, 15_552_000, "at least 180 days")
            }
        }
    }

    // MARK: CORS

    func testCORSForAnAllowedOrigin() async throws {
        try await TestServer.withRouter({ $0.allowedOrigins = ["https://app.example.com", "http://localhost:3000"] }) { client, _ in
            let preflight = try await client.execute(
                uri: "/api/v1/tasks", method: .options,
                headers: [.origin: "https://app.example.com", .accessControlRequestMethod: "PATCH",
                          .accessControlRequestHeaders: "authorization, content-type, if-match, idempotency-key"],
                body: nil)
            XCTAssertEqual(preflight.status, .noContent)
            XCTAssertEqual(preflight.headers[.accessControlAllowOrigin], "https://app.example.com")
            let methods = try XCTUnwrap(preflight.headers[.accessControlAllowMethods])
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] { XCTAssertTrue(methods.contains(method), methods) }
            let allowed = try XCTUnwrap(preflight.headers[.accessControlAllowHeaders]).lowercased()
            for header in ["authorization", "content-type", "if-match", "if-none-match", "idempotency-key"] {
                XCTAssertTrue(allowed.contains(header), allowed)
            }
            XCTAssertEqual(preflight.headers[.vary], "Origin")
            XCTAssertEqual(preflight.headers[.xContentTypeOptions], "nosniff")
            // Every /api answer carries the RateLimit headers; a preflight is not counted.
            let remaining = try XCTUnwrap(preflight.headers[.rateLimitRemaining])
            let again = try await client.execute(
                uri: "/api/v1/tasks", method: .options,
                headers: [.origin: "https://app.example.com", .accessControlRequestMethod: "GET"], body: nil)
            XCTAssertEqual(again.status, .noContent)
            XCTAssertEqual(again.headers[.rateLimitRemaining], remaining)
            XCTAssertNotNil(again.headers[.rateLimitPolicy])

            let simple = try await client.get("/api/v1/tasks", headers: [.origin: "http://localhost:3000"])
            XCTAssertEqual(simple.status, .unauthorized)
            XCTAssertEqual(simple.headers[.accessControlAllowOrigin], "http://localhost:3000")
            XCTAssertEqual(simple.headers[.vary], "Origin")
            let exposed = try XCTUnwrap(simple.headers[.accessControlExposeHeaders])
            for header in ["ETag", "Location", "Retry-After", "X-Request-Id", "RateLimit-Remaining"] {
                XCTAssertTrue(exposed.contains(header), exposed)
            }
        }
    }

    func testNoCORSForOtherOrigins() async throws {
        try await TestServer.withRouter({ $0.allowedOrigins = ["https://app.example.com"] }) { client, _ in
            for origin in ["https://evil.example.com", "https://app.example.com.evil.com", "null", "http://app.example.com"] {
                let preflight = try await client.execute(
                    uri: "/api/v1/tasks", method: .options, headers: [.origin: origin, .accessControlRequestMethod: "DELETE"], body: nil)
                XCTAssertNil(preflight.headers[.accessControlAllowOrigin], origin)
                XCTAssertNil(preflight.headers[.accessControlAllowMethods], origin)
                XCTAssertNotEqual(preflight.status, .internalServerError)
                let simple = try await client.get("/api/v1/tasks", headers: [.origin: origin])
                XCTAssertNil(simple.headers[.accessControlAllowOrigin], origin)
                XCTAssertNil(simple.headers[.accessControlExposeHeaders], origin)
            }
        }
    }

    // MARK: request ids

    func testRequestIDIsEchoedWhenSaneAndMadeOtherwise() async throws {
        try await TestServer.withRouter { client, _ in
            for sane in ["abc-123", "req_01.ABC:9", String(repeating: "a", count: 128)] {
                check(try await client.get("/health", headers: [.requestID: sane]).headers[.requestID], sane)
            }
            check(try await client.get("/api/v1/tasks", headers: [.requestID: "err-1"]).headers[.requestID], "err-1", "errors too")
            var generated: Set<String> = []
            for insane in ["", "has space", "<script>", String(repeating: "a", count: 129), "ünïcode", "a\"b", "x;y"] {
                let response = try await client.get("/health", headers: [.requestID: insane])
                let id = try XCTUnwrap(response.headers[.requestID])
                XCTAssertNotEqual(id, insane)
                XCTAssertNotNil(RequestIDMiddleware.sane(id), "a generated id is itself sane: \(id)")
                generated.insert(id)
            }
            for _ in 0..<3 { generated.insert(try unwrap(try await client.get("/nowhere").headers[.requestID])) }
            XCTAssertEqual(generated.count, 10, "each generated id is new")
        }
    }

    // MARK: isolation between users

    func testAnotherUsersTaskIsNotFound() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register().accessToken
            let bob = try await client.register(name: "Bob", email: "bob@example.com").accessToken
            let task = try await client.createTask(#"{"title":"Ann's secret"}"#, token: ann)
            let path = "/api/v1/tasks/\(task.id)"
            assertAPIError(try await client.get(path, token: bob), .notFound, "not_found")
            assertAPIError(try await client.json(.put, path, token: bob, body: #"{"title":"mine now"}"#), .notFound, "not_found")
            assertAPIError(try await client.json(.patch, path, token: bob, body: #"{"status":"done"}"#), .notFound, "not_found")
            assertAPIError(try await client.json(.delete, path, token: bob), .notFound, "not_found")
            // If-Match must not reveal that the task exists (412 would).
            assertAPIError(try await client.json(.delete, path, token: bob, headers: [.ifMatch: "\"7\""]), .notFound, "not_found")
            assertAPIError(try await client.json(.patch, path, token: bob, body: #"{"title":"x"}"#, headers: [.ifMatch: "*"]), .notFound, "not_found")
            // The answer is the same as for an id that does not exist.
            let missing = try await client.get("/api/v1/tasks/\(task.id.dropLast())X", token: bob)
            check(try await client.get(path, token: bob).text, missing.text)
            check(try await client.task(task.id, token: ann).decode(TaskItem.self), task, "Ann's task untouched")
            check(try await client.page(token: bob).pagination.total, 0, "lists never show another user's tasks")
            check(try await client.page("q=secret&status=todo", token: bob).pagination.total, 0)
        }
    }

    // MARK: tokens

    func testForgedTokensAreUnauthorized() async throws {
        try await TestServer.withRouter(Self.knownSecret) { client, _ in
            let auth = try await client.register()
            let now = Int(Date().timeIntervalSince1970)
            let claims: [String: Any] = ["sub": auth.user.id, "iat": now, "exp": now + 600, "jti": "j1", "typ": "access"]
            // Sanity: a token made here with the right secret is accepted, so the cases below fail for their own reason.
            let genuine = jwt(header: ["alg": "HS256", "typ": "JWT"], claims: claims, secret: Self.secret)
            check(try await client.get("/api/v1/auth/me", token: genuine).status, .ok)
            var refreshTyped = claims
            refreshTyped["typ"] = "refresh"
            var untyped = claims
            untyped["typ"] = nil
            var noSubject = claims
            noSubject["sub"] = ""
            let forged = [
                "alg none": jwt(header: ["alg": "none", "typ": "JWT"], claims: claims, secret: nil),
                "alg None": jwt(header: ["alg": "None"], claims: claims, secret: nil),
                "another secret": jwt(header: ["alg": "HS256", "typ": "JWT"], claims: claims, secret: "another-secret-another-secret-another"),
                "HS512": jwt(header: ["alg": "HS512", "typ": "JWT"], claims: claims, secret: Self.secret, sha512: true),
                "typ refresh": jwt(header: ["alg": "HS256"], claims: refreshTyped, secret: Self.secret),
                "no typ": jwt(header: ["alg": "HS256"], claims: untyped, secret: Self.secret),
                "empty sub": jwt(header: ["alg": "HS256"], claims: noSubject, secret: Self.secret),
                "signature stripped": genuine.split(separator: ".").prefix(2).joined(separator: ".") + ".",
                "garbage": "garbage", "three dots": "a.b.c", "empty": "",
            ]
            for (label, token) in forged {
                let response = try await client.get("/api/v1/tasks", token: token)
                assertAPIError(response, .unauthorized, "unauthorized")
                XCTAssertNotEqual(response.error?.code, "token_expired", label)
            }
            for header in ["Bearer", "Basic \(genuine)", "bearer\(genuine)", "Token \(genuine)"] {
                assertAPIError(try await client.get("/api/v1/tasks", headers: [.authorization: header]), .unauthorized, "unauthorized")
            }
        }
    }

    func testExpiredTokenIsTokenExpired() async throws {
        try await TestServer.withRouter(Self.knownSecret) { client, _ in
            let auth = try await client.register()
            let issuer = await TokenService(secret: Data(Self.secret.utf8), lifetime: 60)
            let expired = try await issuer.issue(userID: auth.user.id, now: Date().addingTimeInterval(-120))
            let response = try await client.get("/api/v1/tasks", token: expired)
            assertAPIError(response, .unauthorized, "token_expired", messageContains: "expired")
            // Expired and forged is plain unauthorized: the signature is checked first.
            let now = Int(Date().timeIntervalSince1970)
            let forged = jwt(
                header: ["alg": "HS256"], claims: ["sub": auth.user.id, "iat": now - 120, "exp": now - 60, "jti": "j", "typ": "access"],
                secret: "another-secret-another-secret-another")
            assertAPIError(try await client.get("/api/v1/tasks", token: forged), .unauthorized, "unauthorized")
        }
    }

    func testAccessTokenExpiresAfterItsLifetime() async throws {
        let clock = ManualClock()
        try await TestServer.withRouter({ $0.accessTokenLifetime = 60 }, clock: clock) { client, _ in
            let auth = try await client.register()
            clock.advance(by: 59)
            check(try await client.get("/api/v1/tasks", token: auth.accessToken).status, .ok)
            clock.advance(by: 1)
            assertAPIError(try await client.get("/api/v1/tasks", token: auth.accessToken), .unauthorized, "token_expired")
            // The refresh token still gets a fresh pair.
            let pair = try await client.refresh(auth.refreshToken).decode(TokenPair.self)
            check(try await client.get("/api/v1/tasks", token: pair.accessToken).status, .ok)
        }
    }

    // MARK: stored secrets

    func testPasswordsAreStoredOnlyAsBcryptHashes() async throws {
        try await TestServer.withRouter { client, services in
            let password = "correct horse battery"
            _ = try await client.register(password: password)
            let sqlite = try SQLiteStore(path: try unwrap(services.configuration.sqlitePath))
            let rows = try await sqlite.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM users") }
            XCTAssertEqual(rows.count, 1)
            let hash: String = try XCTUnwrap(rows.first?["password_hash"])
            XCTAssertTrue(hash.hasPrefix(PasswordHasher.prehashedPrefix + "$2"), hash)
            XCTAssertEqual(hash.count, PasswordHasher.prehashedPrefix.count + 60, "a bcrypt hash of the pre-hash")
            XCTAssertFalse(hash.contains(password))
            for row in rows {
                for column in row.columnNames {
                    XCTAssertFalse(String(describing: row[column] as DatabaseValue).contains(password), "\(column) holds the password")
                }
            }
        }
    }

    func testProductionCostIs12() async throws {
        let services = try await TestServer.services { $0.bcryptCost = 12 }
        let hash = try await services.hasher.hash("correct horse")
        let bcrypt = hash.dropFirst(PasswordHasher.prehashedPrefix.count)
        XCTAssertTrue(bcrypt.hasPrefix("$2b$12$") || bcrypt.hasPrefix("$2a$12$") || bcrypt.hasPrefix("$2y$12$"), hash)
        XCTAssertEqual(ServerConfiguration().bcryptCost, 12)
    }

    func testRefreshTokensAreStoredOnlyAsHashes() async throws {
        try await TestServer.withRouter { client, services in
            let first = try await client.register()
            let second = try await client.refresh(first.refreshToken).decode(TokenPair.self)
            let sqlite = try SQLiteStore(path: try unwrap(services.configuration.sqlitePath))
            let rows = try await sqlite.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM refresh_tokens") }
            XCTAssertEqual(rows.count, 2)
            let hashes = Set(rows.map { $0["token_hash"] as String })
            XCTAssertEqual(hashes, [first.refreshToken, second.refreshToken].map(sha256Hex).reduce(into: Set<String>()) { $0.insert($1) })
            for row in rows {
                for column in row.columnNames {
                    let value = row[column] as DatabaseValue
                    let text: String
                    switch value.storage {
                    case .blob(let data): text = String(decoding: data, as: UTF8.self) + data.base64EncodedString()
                    default: text = String(describing: value)
                    }
                    for secret in [first.refreshToken, second.refreshToken, second.accessToken] {
                        XCTAssertFalse(text.contains(secret), "\(column) holds a token in plain text")
                    }
                }
            }
        }
    }
}

private func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
}

/// A JWT made by hand: HS256 (or HS512) with `secret`, or unsigned when `secret` is nil.
private func jwt(header: [String: Any], claims: [String: Any], secret: String?, sha512: Bool = false) -> String {
    func part(_ object: [String: Any]) -> String {
        Base64URL.encode(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
    let signingInput = part(header) + "." + part(claims)
    guard let secret else { return signingInput + "." }
    let key = SymmetricKey(data: Data(secret.utf8))
    let signature: [UInt8] = sha512
        ? Array(HMAC<SHA512>.authenticationCode(for: Data(signingInput.utf8), using: key))
        : Array(HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key))
    return signingInput + "." + Base64URL.encode(signature)
}
