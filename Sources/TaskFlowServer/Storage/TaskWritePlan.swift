import Foundation
import TaskFlowCore

/// The rules of task writes, written once for every store. A store reads what the writes
/// touch (`Snapshot`, under its per-user write lock), the plan applies the writes one
/// after the other in memory (each with exactly the single endpoint's rules; one failing
/// leaves the others alone), and the store then writes the plan's end state back in the
/// same transaction.
struct TaskWritePlan {
    /// What the store holds, before the writes, for the ids and keys they name.
    struct Snapshot: Sendable {
        /// This user's live tasks among the ids.
        var tasks: [String: TaskItem] = [:]
        /// Ids among them held by another user's task.
        var takenElsewhere: Set<String> = []
        /// This user's tombstones among the ids.
        var tombstones: [String: Tombstone] = [:]
        /// Idempotency records still in their lifetime, by key.
        var idempotency: [String: IdempotencyRecord] = [:]
        /// The user's change counter.
        var counter = 0
    }

    struct IdempotencyRecord: Sendable {
        var bodyHash: String
        var taskID: String
        var responseBody: Data
    }

    /// A task as the plan leaves it, with the sequence value of its last write.
    struct Written: Sendable {
        var task: TaskItem
        var seq: Int
    }

    private(set) var outcomes: [TaskWriteOutcome] = []
    /// Live tasks written (created, brought back or updated), by id.
    private(set) var written: [String: Written] = [:]
    /// Tombstones written, by id (a task deleted by the writes).
    private(set) var buried: [String: Tombstone] = [:]
    /// Idempotency records to store, by key.
    private(set) var claims: [String: IdempotencyRecord] = [:]
    private(set) var counter: Int
    /// Ids that were live in the store before the writes (so: update or delete the row).
    let existedBefore: Set<String>
    /// Those tasks as the store held them, so a store can write only the columns that changed.
    let original: [String: TaskItem]
    /// Ids with a tombstone in the store before the writes.
    let tombstonedBefore: Set<String>

    private var tasks: [String: TaskItem]
    private var tombstones: [String: Tombstone]
    private var idempotency: [String: IdempotencyRecord]
    private let takenElsewhere: Set<String>

    init(snapshot: Snapshot) {
        tasks = snapshot.tasks
        tombstones = snapshot.tombstones
        idempotency = snapshot.idempotency
        takenElsewhere = snapshot.takenElsewhere
        counter = snapshot.counter
        existedBefore = Set(snapshot.tasks.keys)
        original = snapshot.tasks
        tombstonedBefore = Set(snapshot.tombstones.keys)
    }

    /// Every id and idempotency key `writes` name: what a store loads into the snapshot.
    static func references(of writes: [TaskWrite]) -> (ids: [String], keys: [String]) {
        var ids: [String] = [], keys: [String] = []
        for write in writes {
            switch write {
            case .create(let draft, let claim):
                if let id = draft.id { ids.append(id) }
                if let claim { keys.append(claim.key) }
            case .update(let id, _, _), .delete(let id, _):
                ids.append(id)
            }
        }
        return (Array(Set(ids)), Array(Set(keys)))
    }

    /// True when the writes changed nothing that needs storing.
    var isEmpty: Bool { written.isEmpty && buried.isEmpty && claims.isEmpty }

    /// Ids live before the writes and gone after them: rows to delete.
    var removedIDs: [String] { existedBefore.filter { tasks[$0] == nil } }
    /// Tombstones of the store that the writes replaced by a live task.
    var revivedIDs: [String] { tombstonedBefore.filter { tasks[$0] != nil } }

    mutating func apply(_ writes: [TaskWrite], now: Date) {
        for write in writes { outcomes.append(apply(write, now: now)) }
    }

    private mutating func apply(_ write: TaskWrite, now: Date) -> TaskWriteOutcome {
        switch write {
        case .create(let draft, let claim):
            return create(draft, claim: claim, now: now)
        case .update(let id, let changes, let expected):
            guard let current = tasks[id] else { return .notFound }
            if let expected, expected != current.version { return .versionMismatch(current: current) }
            guard let next = current.applying(changes, now: now) else { return .unchanged(current) }
            store(next)
            return .updated(next)
        case .delete(let id, let expected):
            guard let current = tasks[id] else { return .notFound }
            if let expected, expected != current.version { return .versionMismatch(current: current) }
            counter += 1
            let tombstone = Tombstone(
                id: id, version: current.version + 1, seq: counter, createdAt: current.createdAt, deletedAt: Date(millis: now.millis))
            tasks[id] = nil
            written[id] = nil
            tombstones[id] = tombstone
            buried[id] = tombstone
            return .deleted(current)
        }
    }

    private mutating func create(_ draft: TaskDraft, claim: IdempotencyClaim?, now: Date) -> TaskWriteOutcome {
        if let claim, let record = idempotency[claim.key] {
            guard record.bodyHash == claim.bodyHash else { return .keyConflict }
            return .replayed(taskID: record.taskID, body: record.responseBody)
        }
        if let id = draft.id, tasks[id] != nil || takenElsewhere.contains(id) { return .idTaken }
        let task = draft.newTask(now: now, reviving: draft.id.flatMap { tombstones[$0] })
        if let claim {
            let record = IdempotencyRecord(bodyHash: claim.bodyHash, taskID: task.id, responseBody: task.json)
            idempotency[claim.key] = record
            claims[claim.key] = record
        }
        store(task)
        tombstones[task.id] = nil
        buried[task.id] = nil
        return .created(task)
    }

    private mutating func store(_ task: TaskItem) {
        counter += 1
        tasks[task.id] = task
        written[task.id] = Written(task: task, seq: counter)
    }
}
