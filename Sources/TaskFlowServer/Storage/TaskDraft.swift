import Foundation
import TaskFlowCore

/// A task to create, already validated.
public struct TaskDraft: Sendable, Equatable {
    /// An id the client chose (a ULID, `TaskIdentifier.normalised`), else the server makes one.
    public var id: String?
    public var title: String
    public var description: String
    public var status: TaskStatus
    public var priority: TaskPriority
    public var dueDate: Date?

    /// For callers that seed a store directly (`taskflow --demo`); fields must already be valid.
    public init(
        id: String? = nil, title: String, description: String = "", status: TaskStatus = .todo, priority: TaskPriority = .medium,
        dueDate: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.dueDate = dueDate
    }

    /// The task a create stores, the same on every store: the chosen id or a new one,
    /// version 1, times cut to the milliseconds the stores keep, and `completedAt` set when
    /// it starts done. Brought back from a tombstone, it keeps its id and creation time and
    /// its version continues from the deletion's.
    func newTask(now: Date, reviving tombstone: Tombstone? = nil) -> TaskItem {
        let stamp = Date(millis: now.millis)
        return TaskItem(
            id: id ?? ULID.make(now: now), title: title, description: description, status: status,
            priority: priority, dueDate: dueDate.map { Date(millis: $0.millis) },
            completedAt: status == .done ? stamp : nil, createdAt: tombstone?.createdAt ?? stamp, updatedAt: stamp,
            version: (tombstone?.version ?? 0) + 1)
    }
}
