import Foundation
import XCTest
@testable import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport

/// Refresh, rotation and the shared credentials file against the real server. Expiry is
/// the server's own `token_expired` answer to a saved token that expired
/// (`ExpiredAccessToken`), so nothing waits for a lifetime to run out; the expiry rule
/// itself is tested in-process with a manual clock (TaskFlowServerTests).
final class ServerSessionTests: XCTestCase {
    func storedRefreshToken(_ home: TemporaryDirectory, _ server: ServerProcess) throws -> String? {
        try FileCredentialStore.standard(environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path]).load(server: server.address)?.refreshToken
    }

    /// An expired access token is refreshed transparently and the rotated refresh token is saved.
    func testRefreshOnExpiry() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (_, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        let before = try storedRefreshToken(home, server)
        try ExpiredAccessToken.install(home: home, server: server)
        let client = try RealServer.client(server, home: home)
        _ = try await client.me()
        let after = try storedRefreshToken(home, server)
        XCTAssertNotNil(before)
        XCTAssertNotNil(after)
        XCTAssertNotEqual(before, after)
        // A fresh process reading the file works with what was saved.
        let restarted = try RealServer.client(server, home: home)
        _ = try await restarted.tasks()
    }

    /// Two processes sharing the credentials file refresh at once and neither is logged out.
    func testConcurrentRefreshers() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (_, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        for _ in 0..<2 {
            // Both "processes" start from the same saved, expired access token.
            try ExpiredAccessToken.install(home: home, server: server)
            let first = try RealServer.client(server, home: home)
            let second = try RealServer.client(server, home: home)
            async let a = first.tasks()
            async let b = second.tasks()
            async let c = first.stats()
            _ = try await (a, b, c)
            _ = try await first.me()
            _ = try await second.me()
        }
    }

    /// After logout elsewhere, an expired session ends with a message to log in again.
    func testRevokedSession() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (_, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        // Another copy of the same login logs out; that revokes the refresh token family.
        let copyHome = try TemporaryDirectory(prefix: "taskflow-copy")
        defer { copyHome.remove() }
        try FileManager.default.createDirectory(at: copyHome.url.appendingPathComponent("taskflow"), withIntermediateDirectories: true)
        let copyStore = FileCredentialStore.standard(environment: ["HOME": copyHome.path, "XDG_CONFIG_HOME": copyHome.path])
        let credentials = try FileCredentialStore.standard(environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path]).load(server: server.address)!
        try copyStore.save(credentials, server: server.address)
        try await APIClient(session: try Session(server: server.address, store: copyStore)).logout()

        try ExpiredAccessToken.install(home: home, server: server)
        let client = try RealServer.client(server, home: home)
        let error = await thrownError { try await client.tasks() } as? ClientError
        XCTAssertEqual(error?.category, .auth)
        XCTAssertEqual(error?.message.contains("taskflow login"), true, error?.message ?? "no error")
    }

    /// A 429 reports the wait, and with waiting allowed the request succeeds after it.
    func testRateLimited() async throws {
        let server = try await ServerProcess.start(["RATE_LIMIT_MAX_REQUESTS": "4", "RATE_LIMIT_WINDOW_MS": "3000"])
        defer { server.stop() }
        let (client, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        func exhaust() async -> ClientError? {
            for _ in 0..<20 {
                if let error = await thrownError({ try await client.stats() }) as? ClientError { return error }
            }
            return nil
        }
        let limited = await exhaust()
        XCTAssertEqual(limited?.category, .rateLimited)
        XCTAssertGreaterThanOrEqual(limited?.retryAfter ?? 0, 1)
        XCTAssertEqual(client.rateLimit?.remaining, 0)

        // Spent again, then a client allowed to wait gets through once the window resets.
        _ = await exhaust()
        let waits = SleepLog()
        let patient = APIClient(session: client.session, retryPolicy: .waitUpTo(seconds: 10), sleep: { duration in
            try await waits.sleep(duration)
            try await Task.sleep(for: duration)
        })
        _ = try await patient.stats()
        XCTAssertTrue(waits.durations.withLock { $0.allSatisfy { $0 >= .seconds(1) && $0 <= .seconds(3) } })
        XCTAssertGreaterThan(patient.rateLimit?.remaining ?? 0, 0)
    }
}
