import Foundation
import GRDB
import TaskFlowCore

extension SQLiteStore: TaskRepository {
    public func createTask(userID: String, draft: TaskDraft, now: Date, idempotency: IdempotencyClaim?) async throws -> CreateOutcome {
        let task = draft.newTask(now: now)
        return try await writeTasks(of: userID) { db in
            if let idempotency {
                let earliest = now.millis - Int(IdempotencyClaim.lifetime * 1000)
                if let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at >= ?",
                    arguments: [userID, idempotency.key, earliest])
                {
                    guard row["body_hash"] == idempotency.bodyHash else { return (.keyConflict, nil) }
                    return (.replayed(taskID: row["task_id"], body: row["response_body"]), nil)
                }
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO idempotency_keys (user_id, key, body_hash, task_id, response_body, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [userID, idempotency.key, idempotency.bodyHash, task.id, task.json, now.millis])
            }
            try Self.insert(task, userID: userID, db: db)
            return (.created(task), try Self.bumpChangeCounter(userID: userID, db: db))
        }
    }

    public func task(userID: String, id: String) async throws -> TaskItem? {
        try await readSingleStatement { db in try Self.fetchTask(userID: userID, id: id, db: db) }
    }

    public func updateTask(userID: String, id: String, changes: TaskChanges, expectedVersion: Int?, now: Date) async throws -> UpdateOutcome {
        try await writeTasks(of: userID) { db in
            guard let current = try Self.fetchTask(userID: userID, id: id, db: db) else { return (.notFound, nil) }
            if let expectedVersion, expectedVersion != current.version {
                return (.versionMismatch(current: current.version), nil)
            }
            guard let next = current.applying(changes, now: now) else { return (.unchanged(current), nil) }
            try db.execute(
                sql: """
                    UPDATE tasks SET title = ?, title_key = ?, description = ?, status = ?, priority = ?, due_at = ?,
                        completed_at = ?, updated_at = ?, version = ?
                    WHERE user_id = ? AND id = ? AND version = ?
                    """,
                arguments: [
                    next.title, TaskRow.titleKey(next.title), next.description, next.status.rank, next.priority.rank,
                    next.dueDate?.millis, next.completedAt?.millis, next.updatedAt.millis, next.version,
                    userID, id, current.version,
                ])
            return (.updated(next), try Self.bumpChangeCounter(userID: userID, db: db))
        }
    }

    public func deleteTask(userID: String, id: String, expectedVersion: Int?, now: Date) async throws -> DeleteOutcome {
        try await writeTasks(of: userID) { db in
            guard let current = try Self.fetchTask(userID: userID, id: id, db: db) else { return (.notFound, nil) }
            if let expectedVersion, expectedVersion != current.version {
                return (.versionMismatch(current: current.version), nil)
            }
            try db.execute(sql: "DELETE FROM tasks WHERE user_id = ? AND id = ?", arguments: [userID, id])
            return (.deleted(current), try Self.bumpChangeCounter(userID: userID, db: db))
        }
    }

    /// From the in-process mirror when it knows the user (this process is the only writer of
    /// the file), so a 304 costs no database round trip; otherwise read once and remembered.
    public func changeCounter(userID: String) async throws -> Int {
        if let known = counters.value(for: userID) { return known }
        let stored = try await readSingleStatement { db in
            try Int.fetchOne(db, sql: "SELECT counter FROM user_changes WHERE user_id = ?", arguments: [userID]) ?? 0
        }
        return counters.raise(userID, to: stored)
    }

    /// A write that may change a user's tasks. The body returns its result and, when it
    /// changed something, the user's new counter, which the mirror learns once committed.
    func writeTasks<T: Sendable>(of userID: String, _ body: @escaping @Sendable (Database) throws -> (T, Int?)) async throws -> T {
        let (result, counter) = try await write(body)
        if let counter { counters.raise(userID, to: counter) }
        return result
    }

    static func fetchTask(userID: String, id: String, db: Database) throws -> TaskItem? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(TaskRow.columns) FROM tasks WHERE user_id = ? AND id = ?"), arguments: [userID, id]
        ).map(TaskRow.task(from:))
    }

    static func insert(_ task: TaskItem, userID: String, db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO tasks (id, user_id, title, title_key, description, status, priority, due_at, completed_at,
                                   created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                task.id, userID, task.title, TaskRow.titleKey(task.title), task.description, task.status.rank,
                task.priority.rank, task.dueDate?.millis, task.completedAt?.millis, task.createdAt.millis,
                task.updatedAt.millis, task.version,
            ])
    }

    /// Adds one to the user's change counter and returns the new value.
    static func bumpChangeCounter(userID: String, db: Database) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                INSERT INTO user_changes (user_id, counter) VALUES (?, 1)
                ON CONFLICT(user_id) DO UPDATE SET counter = counter + 1
                RETURNING counter
                """,
            arguments: [userID]) ?? 0
    }
}
