import Foundation
import Synchronization
import TaskFlowClient
import TaskFlowCore

/// `TaskService` over the real client: the typed API for requests and `LiveFeed` for
/// events. Logging in to another server swaps the client, so it is kept behind a lock.
public final class APITaskService: TaskService {
    private let clientBox: Mutex<APIClient>
    private let makeClient: @Sendable (ServerAddress) throws -> APIClient
    private let liveOptions: LiveOptions

    /// - Parameter makeClient: builds a client for a server the user types on the login
    ///   screen (with the same credential store and transport options).
    public init(
        client: APIClient, liveOptions: LiveOptions = LiveOptions(),
        makeClient: @escaping @Sendable (ServerAddress) throws -> APIClient
    ) {
        self.clientBox = Mutex(client)
        self.makeClient = makeClient
        self.liveOptions = liveOptions
    }

    private var current: APIClient { clientBox.withLock { $0 } }

    /// The client of the server signed in to now.
    public var client: APIClient { current }

    public func currentSession() async -> SessionInfo? {
        let session = current.session
        guard await session.isSignedIn else { return nil }
        return SessionInfo(server: session.server.description, user: await session.user)
    }

    public func logIn(server: String, email: String, password: String) async throws(ServiceFailure) -> SessionInfo {
        try await ServiceFailure.translating {
            let address = try ServerAddress(server)
            let target = address == current.server ? current : try makeClient(address)
            let auth = try await target.login(email: email, password: password).value
            clientBox.withLock { $0 = target }
            return SessionInfo(server: address.description, user: auth.user)
        }
    }

    public func page(_ query: TaskQuery) async throws(ServiceFailure) -> (TaskPage, RateLimitStatus?) {
        try await ServiceFailure.translating {
            let response = try await current.tasks(query)
            return (response.value, response.rateLimit)
        }
    }

    /// `GET /tasks/stats` takes no filter (API.md): these count every task.
    public func stats(matching query: TaskQuery) async throws(ServiceFailure) -> ScopedStats {
        try await ServiceFailure.translating { ScopedStats(try await current.stats().value, followsFilter: false) }
    }

    public func update(id: String, _ changes: TaskChanges) async throws(ServiceFailure) -> TaskItem {
        try await ServiceFailure.translating { try await current.updateTask(id: id, changes).value }
    }

    public func create(_ fields: TaskChanges, idempotencyKey: String) async throws(ServiceFailure) -> TaskItem {
        try await ServiceFailure.translating { try await current.createTask(fields, idempotencyKey: idempotencyKey).value }
    }

    public func delete(id: String) async throws(ServiceFailure) {
        try await ServiceFailure.translating { try await current.deleteTask(id: id) }
    }

    /// The marked tasks in one `POST /tasks/batch`.
    public func update(_ bulk: [BulkChange]) async throws(ServiceFailure) -> [TaskItem] {
        try await ServiceFailure.translating {
            let results = try await current.batch(bulk.map { .update(id: $0.id, changes: $0.changes, ifMatch: nil) })
            if let refused = results.first(where: { $0.task == nil || $0.status >= 400 }) {
                throw ServiceFailure(message: refused.error?.message ?? "not saved (\(refused.status))", code: refused.error?.code)
            }
            return results.compactMap(\.task)
        }
    }

    public func delete(ids: [String]) async throws(ServiceFailure) {
        try await ServiceFailure.translating {
            let results = try await current.batch(ids.map { .delete(id: $0, ifMatch: nil) })
            if let refused = results.first(where: { $0.status >= 400 && $0.status != 404 }) {
                throw ServiceFailure(message: refused.error?.message ?? "not deleted (\(refused.status))", code: refused.error?.code)
            }
        }
    }

    public func liveUpdates() -> AsyncStream<LiveUpdate> {
        LiveFeed(client: current, options: liveOptions).updates()
    }
}
