import Foundation
import Synchronization
import Testing
@testable import TaskFlowClient
import TaskFlowCore

@Suite("Transparent token refresh (in memory)")
struct TokenRefreshTests {
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

    @Test("an expired token is refreshed once for many concurrent requests, and the rotation is stored")
    func concurrentRequestsShareOneRefresh() async throws {
        let server = RotatingServer()
        server.state.withLock { $0.access = "access-fresh-elsewhere" }  // ours is stale
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "access-0", refresh: "refresh-0"), server: FakeAPI.server)
        let client = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))

        try await withThrowingTaskGroup(of: User.self) { group in
            for _ in 0..<5 { group.addTask { try await client.me().value } }
            for try await user in group { #expect(user == FakeAPI.user) }
        }
        #expect(server.state.withLock { $0.refreshes } == 1)
        #expect(try store.load(server: FakeAPI.server)?.refreshToken == "refresh-1")
    }

    @Test("two sessions sharing a store (two processes) never spend the same refresh token")
    func twoProcessesDoNotLogEachOtherOut() async throws {
        let server = RotatingServer()
        server.state.withLock { $0.access = "expired-for-both" }
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "access-0", refresh: "refresh-0"), server: FakeAPI.server)
        let first = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))
        let second = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))

        async let a = first.me()
        async let b = second.me()
        _ = try await (a, b)
        #expect(server.state.withLock { $0.refreshes } == 1)
        // Both still work afterwards: neither was logged out.
        _ = try await first.me()
        _ = try await second.me()
    }

    @Test("a rejected refresh token ends the session with a message to log in again")
    func revokedRefreshToken() async throws {
        let server = RotatingServer()
        server.state.withLock { $0.access = "x"; $0.refresh = "revoked-server-side" }
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "access-0", refresh: "refresh-0"), server: FakeAPI.server)
        let client = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: InMemoryTransport(server.handle))
        do {
            _ = try await client.me()
            Issue.record("expected the session to end")
        } catch let error as ClientError {
            #expect(error.category == .auth)
            #expect(error.message.contains("taskflow login"))
        }
    }

    @Test("TASKFLOW_TOKEN is used as given and never refreshed")
    func environmentToken() async throws {
        let server = RotatingServer()
        let transport = InMemoryTransport(server.handle)
        let good = APIClient(session: try Session(server: FakeAPI.server, store: nil, environmentToken: "access-0"), transport: transport)
        #expect(try await good.me().value == FakeAPI.user)
        let stale = APIClient(session: try Session(server: FakeAPI.server, store: nil, environmentToken: "old"), transport: transport)
        await #expect(throws: ClientError.self) { try await stale.me() }
        #expect(server.state.withLock { $0.refreshes } == 0)
        #expect(!transport.requests.contains { $0.url.path.hasSuffix("/refresh") })
    }
}
