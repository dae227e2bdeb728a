import Foundation
import HTTPTypes
import TaskFlowCore

/// How the API answers a `TaskWriteOutcome`: the same for a single endpoint and for one op
/// of a batch.
extension TaskWriteOutcome {
    /// The live event the owner's sockets get; none when nothing changed.
    var event: LiveEvent? {
        switch self {
        case .created(let task): .created(task)
        case .updated(let task): .updated(task)
        case .deleted(let task): .deleted(id: task.id, version: task.version + 1)
        case .replayed, .unchanged, .notFound, .versionMismatch, .keyConflict, .idTaken: nil
        }
    }

    var status: HTTPResponse.Status {
        switch self {
        case .created, .replayed: .created
        case .updated, .unchanged: .ok
        case .deleted: .noContent
        case .notFound: .notFound
        case .versionMismatch: .preconditionFailed
        case .keyConflict, .idTaken: .conflict
        }
    }

    /// The error an unsuccessful outcome answers with.
    var error: APIError? {
        switch self {
        case .created, .replayed, .updated, .unchanged, .deleted: nil
        case .notFound: .notFound("task not found")
        case .versionMismatch(let current): .stale(current)
        case .keyConflict: .conflict("Idempotency-Key was already used with a different request body")
        case .idTaken: .conflict("a task with this id already exists")
        }
    }

    /// The task the answer carries; nil for a delete and the failures without one.
    var task: TaskItem? {
        switch self {
        case .created(let task), .updated(let task), .unchanged(let task), .versionMismatch(let task): task
        case .replayed, .deleted, .notFound, .keyConflict, .idTaken: nil
        }
    }
}

extension APIError {
    /// `If-Match` named a version the task no longer has.
    static func stale(_ current: TaskItem) -> APIError {
        .preconditionFailed("task has changed: its version is now \(current.version); reload it and try again")
    }
}
