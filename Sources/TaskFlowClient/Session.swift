import Foundation
import TaskFlowCore

/// The signed-in state for one server: which tokens to send, and renewing them.
///
/// Refreshing is coalesced: concurrent requests that meet `token_expired` wait for one
/// refresh. Across processes sharing a store, the refresh runs under the store's lock and
/// re-reads the stored tokens first, so a process that finds them already rotated adopts
/// them instead of presenting a spent refresh token (which would revoke the whole login).
public actor Session {
    public nonisolated let server: ServerAddress
    private let store: (any CredentialStore)?
    private let environmentToken: String?
    private let now: @Sendable () -> Date
    private var credentials: Credentials?
    private var refreshInFlight: Task<Credentials, any Error>?

    /// - Parameters:
    ///   - store: where the session persists; nil keeps it in this object only.
    ///   - environmentToken: a fixed access token (`TASKFLOW_TOKEN`), used as is and never refreshed.
    public init(server: ServerAddress, store: (any CredentialStore)?, environmentToken: String? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.server = server
        self.store = store
        self.environmentToken = environmentToken.flatMap { $0.isEmpty ? nil : $0 }
        self.now = now
        credentials = self.environmentToken == nil ? try store?.load(server: server) : nil
    }

    /// The signed-in user, when known (not with `TASKFLOW_TOKEN`).
    public var user: User? { credentials?.user }

    public var isSignedIn: Bool { environmentToken != nil || credentials != nil }

    public var usesEnvironmentToken: Bool { environmentToken != nil }

    /// The token to send now; throws `notLoggedIn` when there is none.
    public func accessToken() throws -> String {
        if let environmentToken { return environmentToken }
        guard let credentials else { throw ClientError(.notLoggedIn(server: server.description)) }
        return credentials.accessToken
    }

    var refreshToken: String? { credentials?.refreshToken }

    /// Stores a fresh login.
    public func signIn(_ auth: AuthResponse) throws {
        let fresh = Credentials(auth, now: now())
        try store?.save(fresh, server: server)
        credentials = fresh
    }

    /// Forgets the session here and in the store.
    public func signOut() throws {
        credentials = nil
        try store?.remove(server: server)
    }

    /// A working access token after the server rejected `rejected` as expired.
    /// `exchange` trades a refresh token for a new pair (`POST /auth/refresh`).
    func renewedAccessToken(
        replacing rejected: String, exchange: @escaping @Sendable (String) async throws -> TokenPair
    ) async throws -> String {
        if environmentToken != nil { throw ClientError(.environmentTokenRejected) }
        if let credentials, credentials.accessToken != rejected { return credentials.accessToken }
        if let refreshInFlight { return try await refreshInFlight.value.accessToken }

        let known = credentials
        let task = Task { [store, server, now] () async throws -> Credentials in
            if let store {
                return try await store.withRefreshLock {
                    guard let latest = try store.load(server: server) else {
                        throw ClientError(.sessionEnded(server: server.description))
                    }
                    // Another process refreshed (or logged in again) while we waited.
                    if latest.accessToken != rejected { return latest }
                    let renewed = latest.rotated(to: try await exchange(latest.refreshToken), now: now())
                    try store.save(renewed, server: server)
                    return renewed
                }
            }
            guard let known else { throw ClientError(.notLoggedIn(server: server.description)) }
            return known.rotated(to: try await exchange(known.refreshToken), now: now())
        }
        refreshInFlight = task
        defer { refreshInFlight = nil }
        let renewed = try await task.value
        credentials = renewed
        return renewed.accessToken
    }
}
