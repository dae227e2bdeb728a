import Foundation
import TaskFlowCore

/// A task to create, already validated.
public struct TaskDraft: Sendable, Equatable {
    public var title: String
    public var description: String
    public var status: TaskStatus
    public var priority: TaskPriority
    public var dueDate: Date?

    /// For callers that seed a store directly (`taskflow --demo`); fields must already be valid.
    public init(title: String, description: String = "", status: TaskStatus = .todo, priority: TaskPriority = .medium, dueDate: Date? = nil) {
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.dueDate = dueDate
    }

    /// The task a create stores, the same on every store: a new id, version 1, times cut
    /// to the milliseconds the stores keep, and `completedAt` set when it starts done.
    func newTask(now: Date) -> TaskItem {
        let stamp = Date(millis: now.millis)
        return TaskItem(
            id: IdentifierGenerator.make(now: now), title: title, description: description, status: status,
            priority: priority, dueDate: dueDate.map { Date(millis: $0.millis) },
            completedAt: status == .done ? stamp : nil, createdAt: stamp, updatedAt: stamp, version: 1)
    }
}
