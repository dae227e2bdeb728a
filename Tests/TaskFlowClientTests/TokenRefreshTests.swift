import Foundation
import Synchronization
import XCTest
@testable import TaskFlowClient
import TaskFlowCore

/// Transparent token refresh, in memory.
final class TokenRefreshTests: XCTestCase {
    /// A server whose only valid access token is the latest one it issued; each refresh
    /// rotates, and presenting a spent refresh token answers 401 as API.md says.
    final class RotatingServer: Sendable {
        let state = Mutex((access: "access-0", refresh: "refresh-0", refreshes: 0))

        func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
            try await Task.sleep(for: .milliseconds(20))  // let concurrent callers overlap
            if request.url.path.hasSuffix("/auth/refresh") {
                let body = try TaskFlowJSON.decode(RefreshRequest.self, from: request.body ?? Data())
                return state.withLock { s in
                    guard body.refreshToken == s.refresh else { return FakeAPI.error(401, "unauthorized", "refresh token is not valid") }
                    s.refreshes += 1
                    s.access = "access-\(s.refreshes)"
                    s.refresh = "refresh-\(s.refreshes)"
                    return FakeAPI.json(200, TokenPair(accessToken: s.access, refreshToken: s.refresh, expiresIn: 900))
                }
            }
            let current = state.withLock { $0.access }
            guard request.headers["Authorization"] == "Bearer \(current)" else {
                return FakeAPI.error(401, "token_expired", "access token has expired")
            }
            return FakeAPI.json(200, MeResponse(user: FakeAPI.user))
        }
    }

    /// An expired token is refreshed once for many concurrent requests, and the rotation is stored.
    func testConcurrentRequestsShareOneRefresh() async throws {
        let server = RotatingServer()
        server.state.withLock { $0.access = "access-fresh-elsewhere" }  // ours is stale
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "access-0", refresh: "refresh-0"), server: FakeAPI.server)
        let client = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))

        let users = try await withThrowingTaskGroup(of: User.self) { group in
            for _ in 0..<5 { group.addTask { try await client.me().value } }
            var users: [User] = []
            for try await user in group { users.append(user) }
            return users
        }
        XCTAssertEqual(users, Array(repeating: FakeAPI.user, count: 5))
        XCTAssertEqual(server.state.withLock { $0.refreshes }, 1)
        XCTAssertEqual(try store.load(server: FakeAPI.server)?.refreshToken, "refresh-1")
    }

    /// Two sessions sharing a store (two processes) never spend the same refresh token.
    func testTwoProcessesDoNotLogEachOtherOut() async throws {
        let server = RotatingServer()
        server.state.withLock { $0.access = "expired-for-both" }
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "access-0", refresh: "refresh-0"), server: FakeAPI.server)
        let first = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))
        let second = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))

        async let a = first.me()
        async let b = second.me()
        _ = try await (a, b)
        XCTAssertEqual(server.state.withLock { $0.refreshes }, 1)
        // Both still work afterwards: neither was logged out.
        _ = try await first.me()
        _ = try await second.me()
    }

    /// A rejected refresh token ends the session with a message to log in again.
    func testRevokedRefreshTokenEndsTheSessionWithALoginMessage() async throws {
        let server = RotatingServer()
        server.state.withLock { $0.access = "x"; $0.refresh = "revoked-server-side" }
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "access-0", refresh: "refresh-0"), server: FakeAPI.server)
        let client = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))
        do {
            _ = try await client.me()
            XCTFail("expected the session to end")
        } catch let error as ClientError {
            XCTAssertEqual(error.category, .auth)
            XCTAssertTrue(error.message.contains("taskflow login"), error.message)
        }
    }

    /// TASKFLOW_TOKEN is used as given and never refreshed.
    func testEnvironmentTokenIsUsedAsGivenAndNeverRefreshed() async throws {
        let server = RotatingServer()
        let transport = InMemoryTransport(server.handle)
        let good = APIClient(session: try Session(server: FakeAPI.server, store: nil, environmentToken: "access-0"), transport: transport)
        let user = try await good.me().value
        XCTAssertEqual(user, FakeAPI.user)
        let stale = APIClient(session: try Session(server: FakeAPI.server, store: nil, environmentToken: "old"), transport: transport)
        let error = await thrownError { try await stale.me() }
        XCTAssertTrue(error is ClientError, "\(String(describing: error))")
        XCTAssertEqual(server.state.withLock { $0.refreshes }, 0)
        XCTAssertFalse(transport.requests.contains { $0.url.path.hasSuffix("/refresh") })
    }
}
