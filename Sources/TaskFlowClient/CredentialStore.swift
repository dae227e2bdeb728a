/// Where sessions are kept between runs: a file in the XDG config directory for real use,
/// memory for tests.
public protocol CredentialStore: Sendable {
    func load(server: ServerAddress) throws -> Credentials?
    func save(_ credentials: Credentials, server: ServerAddress) throws
    func remove(server: ServerAddress) throws
    /// The server of the most recent login, used when none is given.
    func defaultServer() throws -> ServerAddress?
    /// Runs `body` while holding a lock that every process sharing this store respects, so
    /// that only one of them refreshes tokens at a time.
    func withRefreshLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T
}
