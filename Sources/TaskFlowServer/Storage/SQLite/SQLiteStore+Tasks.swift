import Foundation
import GRDB
import TaskFlowCore
import TaskFlowSQLite

extension SQLiteStore: TaskRepository {
    /// One write transaction for all of `writes` (the single writer is the per-user lock),
    /// shared with whatever else the group commit gathers beside it.
    public func applyWrites(userID: String, _ writes: [TaskWrite], now: Date) async throws -> [TaskWriteOutcome] {
        try await writeTasks(of: userID) { db in
            var plan = TaskWritePlan(snapshot: try Self.snapshot(userID: userID, for: writes, now: now, db: db))
            plan.apply(writes, now: now)
            guard !plan.isEmpty else { return (plan.outcomes, nil) }
            try Self.store(plan, userID: userID, now: now, db: db)
            return (plan.outcomes, plan.counter)
        }
    }

    public func task(userID: String, id: String) async throws -> TaskItem? {
        try await readSingleStatement { db in try Self.fetchTask(userID: userID, id: id, db: db) }
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

    /// Writes only the columns that changed (with the version, time and sequence value): an
    /// index is updated for every column an UPDATE sets, changed or not, and the indexes were
    /// most of a write's cost.
    private static func update(_ before: TaskItem, to task: TaskItem, seq: Int, userID: String, db: Database) throws {
        var columns = ["updated_at = ?", "version = ?", "change_seq = ?"]
        var arguments: StatementArguments = [task.updatedAt.millis, task.version, seq]
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            columns.append("\(column) = ?")
            arguments += [value]
        }
        if before.title != task.title {
            set("title", task.title)
            set("title_key", TaskRow.titleKey(task.title))
        }
        if before.description != task.description { set("description", task.description) }
        if before.status != task.status { set("status", task.status.rank) }
        if before.priority != task.priority { set("priority", task.priority.rank) }
        if before.dueDate != task.dueDate { set("due_at", task.dueDate?.millis) }
        if before.completedAt != task.completedAt { set("completed_at", task.completedAt?.millis) }
        if before.createdAt != task.createdAt { set("created_at", task.createdAt.millis) }
        arguments += [userID, task.id]
        try db.cachedStatement(sql: "UPDATE tasks SET \(columns.joined(separator: ", ")) WHERE user_id = ? AND id = ?")
            .execute(arguments: arguments)
    }

    /// What the writes touch, read inside the write transaction.
    private static func snapshot(userID: String, for writes: [TaskWrite], now: Date, db: Database) throws -> TaskWritePlan.Snapshot {
        var snapshot = TaskWritePlan.Snapshot()
        snapshot.counter = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT counter FROM user_changes WHERE user_id = ?"), arguments: [userID]) ?? 0
        let (ids, keys) = TaskWritePlan.references(of: writes)
        if !ids.isEmpty {
            let marks = databaseQuestionMarks(count: ids.count)
            for row in try Row.fetchAll(
                db, sql: "SELECT \(TaskRow.columns), user_id FROM tasks WHERE id IN (\(marks))", arguments: StatementArguments(ids))
            {
                // user_id comes after the task's columns, which `TaskRow` reads by position.
                let task = TaskRow.task(from: row)
                if (row[TaskRow.columnCount] as String) == userID {
                    snapshot.tasks[task.id] = task
                } else {
                    snapshot.takenElsewhere.insert(task.id)
                }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT id, version, seq, created_at, deleted_at FROM tombstones WHERE user_id = ? AND id IN (\(marks))",
                arguments: StatementArguments([userID] + ids))
            {
                let tombstone = Tombstone(
                    id: row[0], version: row[1], seq: row[2], createdAt: Date(millis: row[3]), deletedAt: Date(millis: row[4]))
                snapshot.tombstones[tombstone.id] = tombstone
            }
        }
        if !keys.isEmpty {
            let earliest = now.millis - Int(IdempotencyClaim.lifetime * 1000)
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT key, body_hash, task_id, response_body FROM idempotency_keys
                    WHERE user_id = ? AND created_at >= ? AND key IN (\(databaseQuestionMarks(count: keys.count)))
                    """,
                arguments: StatementArguments([userID, earliest] as [any DatabaseValueConvertible] + keys))
            {
                snapshot.idempotency[row[0]] = .init(bodyHash: row[1], taskID: row[2], responseBody: row[3])
            }
        }
        return snapshot
    }

    /// Writes the plan's end state: rows, tombstones, idempotency records and the counter.
    private static func store(_ plan: TaskWritePlan, userID: String, now: Date, db: Database) throws {
        for id in plan.removedIDs {
            try db.execute(sql: "DELETE FROM tasks WHERE user_id = ? AND id = ?", arguments: [userID, id])
        }
        for (id, written) in plan.written {
            let task = written.task
            if let before = plan.original[id] {
                try Self.update(before, to: task, seq: written.seq, userID: userID, db: db)
            } else {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO tasks (id, user_id, title, title_key, description, status, priority, due_at, completed_at,
                                           created_at, updated_at, version, change_seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    task.id, userID, task.title, TaskRow.titleKey(task.title), task.description, task.status.rank,
                    task.priority.rank, task.dueDate?.millis, task.completedAt?.millis, task.createdAt.millis,
                    task.updatedAt.millis, task.version, written.seq,
                ])
            }
        }
        for id in plan.revivedIDs {
            try db.execute(sql: "DELETE FROM tombstones WHERE user_id = ? AND id = ?", arguments: [userID, id])
        }
        for tombstone in plan.buried.values {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO tombstones (user_id, id, version, seq, created_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    userID, tombstone.id, tombstone.version, tombstone.seq, tombstone.createdAt.millis, tombstone.deletedAt.millis,
                ])
        }
        for (key, record) in plan.claims {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO idempotency_keys (user_id, key, body_hash, task_id, response_body, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [userID, key, record.bodyHash, record.taskID, record.responseBody, now.millis])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO user_changes (user_id, counter) VALUES (?, ?)
                ON CONFLICT(user_id) DO UPDATE SET counter = excluded.counter
                """
        ).execute(arguments: [userID, plan.counter])
    }
}
