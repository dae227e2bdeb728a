import Foundation
import Synchronization

/// A `CredentialStore` in memory. Two sessions sharing one behave like two processes
/// sharing a credentials file.
public final class InMemoryCredentialStore: CredentialStore {
    private struct State {
        var entries: [ServerAddress: Credentials] = [:]
        var lastServer: ServerAddress?
        var locked = false
    }

    private let state = Mutex(State())

    public init() {}

    public func load(server: ServerAddress) throws -> Credentials? { state.withLock { $0.entries[server] } }

    public func save(_ credentials: Credentials, server: ServerAddress) throws {
        state.withLock {
            $0.entries[server] = credentials
            $0.lastServer = server
        }
    }

    public func remove(server: ServerAddress) throws {
        state.withLock {
            $0.entries[server] = nil
            if $0.lastServer == server { $0.lastServer = nil }
        }
    }

    public func defaultServer() throws -> ServerAddress? { state.withLock { $0.lastServer } }

    public func withRefreshLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        while !state.withLock({ s in s.locked ? false : { s.locked = true; return true }() }) {
            try await Task.sleep(for: .milliseconds(5))
        }
        defer { state.withLock { $0.locked = false } }
        return try await body()
    }
}
