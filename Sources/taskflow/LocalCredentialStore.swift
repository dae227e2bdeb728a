import TaskFlowClient

/// Keeps the local server's session in a credentials file of its own under one fixed
/// name: the local server's port changes every run, and its login must not become the
/// default server that `taskflow ls` and friends would then try to reach.
struct LocalCredentialStore: CredentialStore {
    let base: FileCredentialStore
    static let key = try! ServerAddress("http://local.taskflow")

    func load(server: ServerAddress) throws -> Credentials? { try base.load(server: Self.key) }
    func save(_ credentials: Credentials, server: ServerAddress) throws { try base.save(credentials, server: Self.key) }
    func remove(server: ServerAddress) throws { try base.remove(server: Self.key) }
    func defaultServer() throws -> ServerAddress? { nil }
    func withRefreshLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await base.withRefreshLock(body)
    }
}
