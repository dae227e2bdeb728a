import Foundation
import GRDB
import TaskFlowCore

/// One change a user makes to one task, before it becomes journal operations.
public enum LocalChange: Sendable, Equatable {
    case create(TaskChanges)
    case update(id: String, TaskChanges)
    case delete(id: String)
    /// A deleted task brought back under its id with these fields (undo of a delete).
    case restore(TaskItem)
}

/// One task's before- and after-image in a user action (nil: did not exist).
struct HistoryStep: Codable, Sendable {
    var id: String
    var before: TaskItem?
    var after: TaskItem?
}

extension Replica {
    /// Applies one user action locally: the tasks change at once, their operations go to the
    /// journal and the action to the undo history, all in one fsynced transaction. Returns
    /// the tasks as they now are (nil for a deleted one), in the order of `changes`.
    @discardableResult
    public func perform(_ changes: [LocalChange], label: String, now: Date = Date()) throws -> [TaskItem?] {
        try pool.write { db in
            let action = (try Int.fetchOne(db, sql: "SELECT MAX(action) FROM history") ?? 0) + 1
            // A new action ends what could be redone.
            try db.execute(sql: "DELETE FROM history WHERE undone = 1")
            let (results, steps) = try apply(changes, action: action, now: now, db: db)
            if !steps.isEmpty {
                try db.execute(
                    sql: "INSERT INTO history (action, label, steps) VALUES (?, ?, ?)",
                    arguments: [action, label, String(decoding: try TaskFlowJSON.encode(steps), as: UTF8.self)])
            }
            return results
        }
    }

    /// The local effect and journal entries of `changes`; no history row.
    func apply(_ changes: [LocalChange], action: Int, now: Date, db: Database) throws -> ([TaskItem?], [HistoryStep]) {
        var results: [TaskItem?] = [], steps: [HistoryStep] = []
        let stamp = Date(millis: now.millis)
        for change in changes {
            switch change {
            case .create(let fields):
                let task = TaskItem(created: fields, id: ULID.make(now: now), at: stamp)
                try journal(.create(id: task.id, fields: fields, idempotencyKey: "op-\(UUID().uuidString)"), action: action, taskID: task.id, db: db)
                try keepBase(of: task.id, current: nil, db: db)
                try store(task, db: db)
                results.append(task)
                steps.append(HistoryStep(id: task.id, before: nil, after: task))
            case .restore(let old):
                guard try Self.task(id: old.id, db: db) == nil else { results.append(nil); continue }
                var task = old
                task.updatedAt = stamp
                task.version = old.version + 2  // the tombstone took one
                try journal(
                    .create(id: old.id, fields: old.asFields, idempotencyKey: "op-\(UUID().uuidString)"), action: action, taskID: old.id, db: db)
                try keepBase(of: old.id, current: nil, db: db)
                try store(task, db: db)
                results.append(task)
                steps.append(HistoryStep(id: old.id, before: nil, after: task))
            case .update(let id, let fields):
                guard let current = try Self.task(id: id, db: db) else { results.append(nil); continue }
                guard let next = current.applying(fields, now: now) else { results.append(current); continue }
                try journal(.update(id: id, changes: fields, ifMatch: current.version), action: action, taskID: id, db: db)
                try keepBase(of: id, current: current, db: db)
                try store(next, db: db)
                results.append(next)
                steps.append(HistoryStep(id: id, before: current, after: next))
            case .delete(let id):
                guard let current = try Self.task(id: id, db: db) else { results.append(nil); continue }
                try journal(.delete(id: id, ifMatch: current.version), action: action, taskID: id, db: db)
                try keepBase(of: id, current: current, db: db)
                try Self.remove(id: id, db: db)
                results.append(nil)
                steps.append(HistoryStep(id: id, before: current, after: nil))
            }
        }
        return (results, steps)
    }

    private func journal(_ op: BatchOperation, action: Int, taskID: String, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO journal (action, task_id, op) VALUES (?, ?, ?)",
            arguments: [action, taskID, String(decoding: try TaskFlowJSON.encode(op), as: UTF8.self)])
    }

    /// Before a task's first pending change, remembers the server's state of it (which the
    /// row still is), so later server changes can be rebased under the pending ones.
    private func keepBase(of id: String, current: TaskItem?, db: Database) throws {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM base WHERE id = ?", arguments: [id]) == nil else { return }
        try db.execute(sql: "INSERT INTO base (id, task) VALUES (?, ?)", arguments: [id, try Self.encodeTask(current)])
    }
}

extension TaskItem {
    /// The task a create of `fields` makes, as the server will store it (its defaults,
    /// times to the millisecond, `completedAt` when it starts done).
    init(created fields: TaskChanges, id: String, at stamp: Date, createdAt: Date? = nil, version: Int = 1) {
        let due: Date? = if case .set(let date) = fields.dueDate { Date(millis: date.millis) } else { nil }
        self.init(
            id: id, title: fields.title ?? "", description: fields.description ?? "", status: fields.status ?? .todo,
            priority: fields.priority ?? .medium, dueDate: due, completedAt: fields.status == .done ? stamp : nil,
            createdAt: createdAt ?? stamp, updatedAt: stamp, version: version)
    }

    /// This task's fields as a create's body.
    var asFields: TaskChanges {
        TaskChanges(
            title: title, description: description, status: status, priority: priority,
            dueDate: dueDate.map { .set($0) } ?? nil)
    }
}
