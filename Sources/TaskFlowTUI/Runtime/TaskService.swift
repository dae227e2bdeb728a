import TaskFlowClient
import TaskFlowCore

/// What the screen needs from a TaskFlow server. `APITaskService` is the real one over
/// `TaskFlowClient`; tests use an in-memory one. Failures are `ServiceFailure`s.
public protocol TaskService: Sendable {
    /// The stored session, without asking the server; nil when there is none.
    func currentSession() async -> SessionInfo?
    func logIn(server: String, email: String, password: String) async throws(ServiceFailure) -> SessionInfo
    func page(_ query: TaskQuery) async throws(ServiceFailure) -> (TaskPage, RateLimitStatus?)
    func stats() async throws(ServiceFailure) -> TaskStats
    func update(id: String, _ changes: TaskChanges) async throws(ServiceFailure) -> TaskItem
    /// Creates a task; the same key with the same fields creates it only once (a retry).
    func create(_ fields: TaskChanges, idempotencyKey: String) async throws(ServiceFailure) -> TaskItem
    func delete(id: String) async throws(ServiceFailure)
    /// Task events and connection states until the stream is dropped.
    func liveUpdates() -> AsyncStream<LiveUpdate>
}
