import Foundation
import Synchronization
import TaskFlowClient
import TaskFlowCore
@testable import TaskFlowTUI

/// An in-memory server for program tests: serves pages of its tasks, applies updates (or
/// refuses them), and lets the test push live updates.
final class FakeTaskService: TaskService {
    struct Store {
        var tasks: [TaskItem]
        var session: SessionInfo?
        var refuseUpdates: String?
        /// Problems a create or update is refused with (`validation_failed`).
        var refuseWithProblems: [FieldProblem] = []
        /// Every create's idempotency key, in order.
        var createKeys: [String] = []
        var deletedIDs: [String] = []
        var pageRequests: [Int] = []
        /// Every page query asked for, in order.
        var queries: [TaskQuery] = []
        /// Searches answered only after this wait, to let a later one overtake them.
        var slowSearches: [String: Duration] = [:]
        var continuation: AsyncStream<LiveUpdate>.Continuation?
    }

    let store: Mutex<Store>
    let password = "correct horse"

    init(tasks: [TaskItem], session: SessionInfo? = Fixtures.session) {
        store = Mutex(Store(tasks: tasks, session: session))
    }

    var tasks: [TaskItem] { store.withLock { $0.tasks } }
    var pageRequests: [Int] { store.withLock { $0.pageRequests } }
    var queries: [TaskQuery] { store.withLock { $0.queries } }
    func answerSlowly(search: String, after wait: Duration) { store.withLock { $0.slowSearches[search] = wait } }
    var isLive: Bool { store.withLock { $0.continuation != nil } }

    func refuseUpdates(with message: String?) { store.withLock { $0.refuseUpdates = message } }
    func refuse(with problems: [FieldProblem]) { store.withLock { $0.refuseWithProblems = problems } }
    var createKeys: [String] { store.withLock { $0.createKeys } }
    var deletedIDs: [String] { store.withLock { $0.deletedIDs } }

    /// Changes a task as another client would, and announces it.
    func changeElsewhere(_ task: TaskItem) {
        let continuation = store.withLock { store in
            if let index = store.tasks.firstIndex(where: { $0.id == task.id }) { store.tasks[index] = task } else { store.tasks.insert(task, at: 0) }
            return store.continuation
        }
        continuation?.yield(.event(.updated(task)))
    }

    func createElsewhere(_ task: TaskItem) {
        let continuation = store.withLock { store in
            store.tasks.insert(task, at: 0)
            return store.continuation
        }
        continuation?.yield(.event(.created(task)))
    }

    func push(_ update: LiveUpdate) { _ = store.withLock { $0.continuation?.yield(update) } }

    func currentSession() async -> SessionInfo? { store.withLock { $0.session } }

    func logIn(server: String, email: String, password: String) async throws(ServiceFailure) -> SessionInfo {
        guard password == self.password else { throw ServiceFailure(message: "Wrong email or password.") }
        let info = SessionInfo(server: server, user: User(id: "u1", name: "Ada", email: email, createdAt: Fixtures.now))
        store.withLock { $0.session = info }
        return info
    }

    func page(_ query: TaskQuery) async throws(ServiceFailure) -> (TaskPage, RateLimitStatus?) {
        let (all, wait) = store.withLock { store in
            store.pageRequests.append(query.page)
            store.queries.append(query)
            return (store.tasks, query.search.flatMap { store.slowSearches[$0] })
        }
        if let wait { try? await Task.sleep(for: wait) }
        if store.withLock({ $0.session }) == nil { throw ServiceFailure(message: "Your session has ended.", sessionEnded: true) }
        return (Fixtures.page(Self.matching(all, query), query), nil)
    }

    /// The tasks `query` selects, in its order: enough of the server's filters and sorts
    /// (status, priority, words of the title, title order) for the screen's tests.
    static func matching(_ all: [TaskItem], _ query: TaskQuery) -> [TaskItem] {
        var found = all.filter { task in
            (query.statuses.isEmpty || query.statuses.contains(task.status))
                && (query.priorities.isEmpty || query.priorities.contains(task.priority))
                && query.searchWords.allSatisfy { task.title.lowercased().contains($0.lowercased()) }
        }
        if query.sort.field == .title {
            found.sort { query.sort.descending ? $0.title > $1.title : $0.title < $1.title }
        }
        return found
    }

    /// Counted over every task, as the server's `/tasks/stats` does.
    func stats(matching query: TaskQuery) async throws(ServiceFailure) -> ScopedStats {
        let all = tasks
        return ScopedStats(TaskStats(
            total: all.count,
            byStatus: .init(todo: all.count { $0.status == .todo }, inProgress: all.count { $0.status == .inProgress }, done: all.count { $0.status == .done }),
            byPriority: .init(low: all.count { $0.priority == .low }, medium: all.count { $0.priority == .medium }, high: all.count { $0.priority == .high }),
            overdue: 0, dueToday: 0, dueThisWeek: 0, completedPerDay: Fixtures.stats.completedPerDay), followsFilter: false)
    }

    func update(id: String, _ changes: TaskChanges) async throws(ServiceFailure) -> TaskItem {
        let result: Result<TaskItem, ServiceFailure> = store.withLock { store in
            if let refusal = store.refuseUpdates { return .failure(ServiceFailure(message: refusal)) }
            guard let index = store.tasks.firstIndex(where: { $0.id == id }) else { return .failure(ServiceFailure(message: "not found")) }
            if let failure = Self.validationFailure(store.refuseWithProblems) { return .failure(failure) }
            guard let changed = store.tasks[index].applying(changes, now: Fixtures.now) else { return .success(store.tasks[index]) }
            store.tasks[index] = changed
            return .success(changed)
        }
        return try result.get()
    }

    func create(_ fields: TaskChanges, idempotencyKey: String) async throws(ServiceFailure) -> TaskItem {
        let result: Result<TaskItem, ServiceFailure> = store.withLock { store in
            store.createKeys.append(idempotencyKey)
            if let refusal = store.refuseUpdates { return .failure(ServiceFailure(message: refusal)) }
            if let failure = Self.validationFailure(store.refuseWithProblems) { return .failure(failure) }
            let blank = TaskItem(id: String(format: "n%05d", store.tasks.count + 1), title: "", createdAt: Fixtures.now, updatedAt: Fixtures.now)
            let task = blank.applying(fields, now: Fixtures.now) ?? blank
            store.tasks.insert(task, at: 0)
            return .success(task)
        }
        return try result.get()
    }

    func delete(id: String) async throws(ServiceFailure) {
        let failure: ServiceFailure? = store.withLock { store in
            if let refusal = store.refuseUpdates { return ServiceFailure(message: refusal) }
            guard let index = store.tasks.firstIndex(where: { $0.id == id }) else {
                return ServiceFailure(message: "task not found", code: "not_found")
            }
            store.tasks.remove(at: index)
            store.deletedIDs.append(id)
            return nil
        }
        if let failure { throw failure }
    }

    private static func validationFailure(_ problems: [FieldProblem]) -> ServiceFailure? {
        guard let first = problems.first else { return nil }
        return ServiceFailure(message: "\(first.field) \(first.message)", code: "validation_failed", problems: problems)
    }

    func liveUpdates() -> AsyncStream<LiveUpdate> {
        let (stream, continuation) = AsyncStream<LiveUpdate>.makeStream()
        store.withLock { $0.continuation = continuation }
        continuation.yield(.state(.live))
        return stream
    }
}
