import Foundation
import TaskFlowCore

/// One entry of `GET /sync`: a task's latest state, or the tombstone of its deletion.
public enum SyncChange: Sendable, Equatable {
    case upsert(TaskItem, seq: Int)
    case delete(id: String, version: Int, seq: Int)

    /// The value of the user's change sequence this change took.
    public var seq: Int {
        switch self {
        case .upsert(_, let seq), .delete(_, _, let seq): seq
        }
    }
}

/// What a store answers for `syncChanges`.
public enum SyncOutcome: Sendable, Equatable {
    /// `cursor` is the sequence value the next request continues after: the last change's
    /// when `more`, else the user's current counter (nothing newer exists).
    case page(changes: [SyncChange], cursor: Int, more: Bool)
    /// The cursor is older than the tombstones kept (or from another database): start again.
    case expired
}

/// A deleted task as the store remembers it for `SYNC_TOMBSTONE_DAYS`: enough to tell
/// syncing clients, and to bring the task back under its id with its version continuing.
public struct Tombstone: Sendable, Equatable {
    public var id: String
    /// The deleted task's last version plus one (the `task-deleted` event's version).
    public var version: Int
    public var seq: Int
    public var createdAt: Date
    public var deletedAt: Date
}

extension SyncOutcome {
    /// Merges a store's two sorted lists (live tasks and tombstones after the cursor, each
    /// at most `limit + 1` long) into one page in sequence order.
    static func page(tasks: [(TaskItem, Int)], tombstones: [Tombstone], limit: Int, counter: Int, after: Int) -> SyncOutcome {
        var merged = tasks.map { SyncChange.upsert($0.0, seq: $0.1) }
            + tombstones.map { SyncChange.delete(id: $0.id, version: $0.version, seq: $0.seq) }
        merged.sort { $0.seq < $1.seq }
        let more = merged.count > limit
        let changes = Array(merged.prefix(limit))
        let cursor = more ? changes.last?.seq ?? after : max(counter, after)
        return .page(changes: changes, cursor: cursor, more: more)
    }
}
