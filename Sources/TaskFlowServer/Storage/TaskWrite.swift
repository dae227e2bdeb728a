import Foundation
import TaskFlowCore

/// One change to a user's tasks: what `POST`, `PATCH` and `DELETE /tasks` ask for, and
/// what each op of `POST /tasks/batch` is. Fields are already validated.
public enum TaskWrite: Sendable, Equatable {
    case create(TaskDraft, idempotency: IdempotencyClaim?)
    case update(id: String, changes: TaskChanges, expectedVersion: Int?)
    case delete(id: String, expectedVersion: Int?)
}

/// What became of one `TaskWrite`; the same for the single endpoints and a batch.
public enum TaskWriteOutcome: Sendable, Equatable {
    /// A new task, or a deleted one brought back under its id.
    case created(TaskItem)
    /// The same idempotency key and body came before: the first answer's body, as sent.
    case replayed(taskID: String, body: Data)
    case updated(TaskItem)
    /// The changes matched what is stored: no new version, no event.
    case unchanged(TaskItem)
    /// The task as it was; its tombstone has version `task.version + 1`.
    case deleted(TaskItem)
    case notFound
    /// `If-Match` named another version; `current` is the task as it is.
    case versionMismatch(current: TaskItem)
    /// The idempotency key came before with a different body.
    case keyConflict
    /// A client-chosen id that is already in use.
    case idTaken
}

/// An `Idempotency-Key` and the hash of the body it came with.
public struct IdempotencyClaim: Sendable, Equatable {
    public var key: String
    public var bodyHash: String
    public static let lifetime: TimeInterval = 24 * 3600

    public init(key: String, bodyHash: String) {
        self.key = key
        self.bodyHash = bodyHash
    }
}
