import Foundation
import TaskFlowCore
@testable import TaskFlowServer
import TaskFlowTestSupport

/// One store under test (SQLite or PostgreSQL) and its rate-limit counters, with helpers
/// that make fresh users so cases never see each other's data.
struct RepositoryFixture: Sendable {
    let store: any TaskFlowStore
    let rateLimits: any RateLimitStore
    /// A fixed instant, so dates in the cases are exact.
    let now = Date(millis: 1_796_000_000_000)

    func user(_ name: String = "Ann") async throws -> User {
        try await store.createUser(name: name, email: "\(UUID().uuidString.lowercased())@example.com", passwordHash: "$2b$04$x", now: now)
    }

    @discardableResult
    func task(
        _ userID: String, _ title: String, description: String = "", status: TaskStatus = .todo, priority: TaskPriority = .medium,
        due: Date? = nil, at: Date? = nil
    ) async throws -> TaskItem {
        let draft = TaskDraft(title: title, description: description, status: status, priority: priority, dueDate: due)
        guard case .created(let task) = try await store.createTask(userID: userID, draft: draft, now: at ?? now, idempotency: nil) else {
            throw SupportError("createTask did not create")
        }
        return task
    }

    func list(_ userID: String, _ query: TaskQuery) async throws -> [TaskItem] {
        try await store.listTasks(userID: userID, query: query, now: now).tasks
    }

    func titles(_ userID: String, _ query: TaskQuery) async throws -> [String] {
        try await list(userID, query).map(\.title)
    }
}

extension Date {
    func plus(hours: Double) -> Date { addingTimeInterval(hours * 3600) }
}
