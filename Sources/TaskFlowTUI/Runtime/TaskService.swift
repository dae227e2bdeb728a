import TaskFlowClient
import TaskFlowCore
import TaskFlowSync

/// What the screen needs from a TaskFlow server. `APITaskService` is the real one over
/// `TaskFlowClient`; tests use an in-memory one. Failures are `ServiceFailure`s.
public protocol TaskService: Sendable {
    /// The stored session, without asking the server; nil when there is none.
    func currentSession() async -> SessionInfo?
    func logIn(server: String, email: String, password: String) async throws(ServiceFailure) -> SessionInfo
    func page(_ query: TaskQuery) async throws(ServiceFailure) -> (TaskPage, RateLimitStatus?)
    /// The stats of the tasks `query` filters to, where the service can count those.
    func stats(matching query: TaskQuery) async throws(ServiceFailure) -> ScopedStats
    func update(id: String, _ changes: TaskChanges) async throws(ServiceFailure) -> TaskItem
    /// Creates a task; the same key with the same fields creates it only once (a retry).
    func create(_ fields: TaskChanges, idempotencyKey: String) async throws(ServiceFailure) -> TaskItem
    func delete(id: String) async throws(ServiceFailure)
    /// Task events and connection states until the stream is dropped.
    func liveUpdates() -> AsyncStream<LiveUpdate>
    /// Several tasks changed at once (marks): one request, one undo step.
    func update(_ bulk: [BulkChange]) async throws(ServiceFailure) -> [TaskItem]
    func delete(ids: [String]) async throws(ServiceFailure)
    /// Takes back the last action (the local copy's undo history).
    func undo() async throws(ServiceFailure) -> UndoOutcome
    func redo() async throws(ServiceFailure) -> UndoOutcome
    /// How long typing in the search line must pause before it searches.
    var typingPause: Duration { get }
    /// Both versions of a task kept as a conflict (the local copy's; none without it).
    func conflict(id: String) async throws(ServiceFailure) -> Conflict
    /// Settles a conflict: the server's version, except `mine`, as one change (one undo step).
    func resolve(id: String, keepingMine mine: Set<TaskField>) async throws(ServiceFailure)
    /// Short ids unique among all the user's tasks (the local copy); nil without one.
    func shortIDs() async -> ShortIDs?
    /// The row (from 0) of task `id` in the list `query` gives; nil when it is not in that
    /// list or the service cannot tell.
    func row(of id: String, in query: TaskQuery) async -> Int?
}

extension TaskService {
    /// Each search costs a request: wait for a pause in typing, one query per word typed at
    /// a normal pace instead of one per key.
    public var typingPause: Duration { .milliseconds(250) }

    /// One change after the other, for services that have nothing better.
    public func update(_ bulk: [BulkChange]) async throws(ServiceFailure) -> [TaskItem] {
        var saved: [TaskItem] = []
        for change in bulk { saved.append(try await update(id: change.id, change.changes)) }
        return saved
    }

    public func delete(ids: [String]) async throws(ServiceFailure) {
        for id in ids { try await delete(id: id) }
    }

    /// Without a local copy there is no history to go back in.
    public func undo() async throws(ServiceFailure) -> UndoOutcome {
        throw ServiceFailure(message: "undo needs the local copy (cache = false is set)")
    }

    public func redo() async throws(ServiceFailure) -> UndoOutcome {
        throw ServiceFailure(message: "redo needs the local copy (cache = false is set)")
    }

    /// Without a local copy a refused change is never kept, so there is no conflict.
    public func conflict(id: String) async throws(ServiceFailure) -> Conflict {
        throw ServiceFailure(message: Self.noConflictsOnline)
    }

    public func resolve(id: String, keepingMine mine: Set<TaskField>) async throws(ServiceFailure) {
        throw ServiceFailure(message: Self.noConflictsOnline)
    }

    static var noConflictsOnline: String { "conflicts live in the local copy; it is off (--no-cache)" }
    /// Without a local copy the screen knows only the tasks it has loaded.
    public func shortIDs() async -> ShortIDs? { nil }

    public func row(of id: String, in query: TaskQuery) async -> Int? { nil }
}
