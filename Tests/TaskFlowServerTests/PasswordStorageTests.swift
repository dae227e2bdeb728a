import Foundation
import GRDB
import HummingbirdBcrypt
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// API.md, Auth: no U+0000 in a password, every byte of it counts (bcrypt alone reads 72
/// bytes and stops at NUL), and hashes stored by older versions keep working and are
/// upgraded at the next successful login.
final class PasswordStorageTests: XCTestCase {
    func testAPasswordWithNULIsRefused() async throws {
        try await TestServer.withRouter { client, _ in
            let response = try await client.json(
                .post, "/api/v1/auth/register", body: #"{"name":"Ann","email":"ann@example.com","password":"\u0000correct horse"}"#)
            assertAPIError(response, .badRequest, "validation_failed", fields: ["password"], messageContains: "U+0000")
        }
    }

    func testPasswordsDifferingOnlyAfter72BytesAreDistinct() async throws {
        try await TestServer.withRouter { client, _ in
            let emoji = String(repeating: "😀", count: 99)
            XCTAssertGreaterThan((emoji + "😀").utf8.count, 72)
            _ = try await client.register(password: emoji + "😀")
            assertAPIError(try await client.login(password: emoji + "😎"), .unauthorized, "unauthorized")
            check(try await client.login(password: emoji + "😀").status, .ok)
        }
    }

    func testALegacyBcryptHashLogsInAndIsUpgraded() async throws {
        try await TestServer.withRouter { client, services in
            let legacy = try Bcrypt.hash("correct horse", cost: 4)
            let user = try await services.store.createUser(name: "Old", email: "old@example.com", passwordHash: legacy, now: Date())
            assertAPIError(try await client.login(email: "old@example.com", password: "wrong horse"), .unauthorized, "unauthorized")
            check(try await services.store.storedUser(email: "old@example.com")?.passwordHash, legacy, "a failed login changes nothing")

            check(try await client.login(email: "old@example.com").status, .ok)
            let upgraded = try unwrap(try await services.store.storedUser(email: "old@example.com")?.passwordHash)
            XCTAssertNotEqual(upgraded, legacy)
            XCTAssertFalse(services.hasher.needsUpgrade(upgraded), upgraded)
            XCTAssertTrue(services.hasher.needsUpgrade(legacy))
            // The upgraded hash works, and still only for the right password.
            check(try await client.login(email: "old@example.com").status, .ok)
            assertAPIError(try await client.login(email: "old@example.com", password: "wrong horse"), .unauthorized, "unauthorized")
            check(try await services.store.user(id: user.id), user)
        }
    }

    func testNewHashesArePreHashedThenBcrypt() async throws {
        let services = try await TestServer.services()
        defer { TestServer.removeDatabase(of: services.configuration) }
        let stored = try await services.hasher.hash("correct horse")
        XCTAssertTrue(stored.hasPrefix(PasswordHasher.prehashedPrefix + "$2"), stored)
        XCTAssertFalse(services.hasher.needsUpgrade(stored))
        let verified = try await services.hasher.verify("correct horse", hash: stored)
        XCTAssertTrue(verified)
        // The bcrypt part is not a hash of the password itself.
        XCTAssertFalse(try Bcrypt.verify("correct horse", hash: String(stored.dropFirst(PasswordHasher.prehashedPrefix.count))))
    }
}
