import Foundation
import Logging
import PostgresNIO
import TaskFlowCore

extension PostgresStore: TaskRepository {
    public func createTask(userID: String, draft: TaskDraft, now: Date, idempotency: IdempotencyClaim?) async throws -> CreateOutcome {
        let task = draft.newTask(now: now)
        let logger = self.logger
        return try await transaction { connection in
            if let idempotency {
                // Claim the key first: a second instance with the same key waits on the
                // primary key until this transaction ends, then finds the record.
                let earliest = now.millis - Int(IdempotencyClaim.lifetime * 1000)
                let claimed = try await connection.query(
                    """
                    INSERT INTO idempotency_keys (user_id, key, body_hash, task_id, response_body, created_at)
                    VALUES (\(userID), \(idempotency.key), \(idempotency.bodyHash), \(task.id), \(task.json), \(now.millis))
                    ON CONFLICT (user_id, key) DO UPDATE SET body_hash = EXCLUDED.body_hash, task_id = EXCLUDED.task_id,
                        response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at
                    WHERE idempotency_keys.created_at < \(earliest)
                    RETURNING 1
                    """, logger: logger
                ).collect()
                if claimed.isEmpty {
                    let rows = try await connection.query(
                        "SELECT body_hash, task_id, response_body FROM idempotency_keys WHERE user_id = \(userID) AND key = \(idempotency.key)",
                        logger: logger)
                    for try await (hash, taskID, response) in rows.decode((String, String, Data).self) {
                        guard hash == idempotency.bodyHash else { return .keyConflict }
                        return .replayed(taskID: taskID, body: response)
                    }
                    return .keyConflict
                }
            }
            try await connection.query(
                """
                INSERT INTO tasks (id, user_id, title, title_key, description, status, priority, due_at, completed_at,
                                   created_at, updated_at, version, search_words)
                VALUES (\(task.id), \(userID), \(task.title), \(TaskRow.titleKey(task.title)), \(task.description),
                        \(task.status.rank), \(task.priority.rank), \(task.dueDate?.millis), \(task.completedAt?.millis),
                        \(task.createdAt.millis), \(task.updatedAt.millis), \(task.version),
                        \(PostgresSearch.words(title: task.title, description: task.description)))
                """, logger: logger)
            try await Self.bumpChangeCounter(userID: userID, connection: connection, logger: logger)
            return .created(task)
        }
    }

    public func task(userID: String, id: String) async throws -> TaskItem? {
        let logger = self.logger
        return try await access { connection in
            try await Self.fetchTask(userID: userID, id: id, lock: false, connection: connection, logger: logger)
        }
    }

    public func updateTask(userID: String, id: String, changes: TaskChanges, expectedVersion: Int?, now: Date) async throws -> UpdateOutcome {
        let logger = self.logger
        return try await transaction { connection in
            guard let current = try await Self.fetchTask(userID: userID, id: id, lock: true, connection: connection, logger: logger) else {
                return .notFound
            }
            if let expectedVersion, expectedVersion != current.version { return .versionMismatch(current: current.version) }
            guard let next = current.applying(changes, now: now) else { return .unchanged(current) }
            try await connection.query(
                """
                UPDATE tasks SET title = \(next.title), title_key = \(TaskRow.titleKey(next.title)), description = \(next.description),
                    status = \(next.status.rank), priority = \(next.priority.rank), due_at = \(next.dueDate?.millis),
                    completed_at = \(next.completedAt?.millis), updated_at = \(next.updatedAt.millis), version = \(next.version),
                    search_words = \(PostgresSearch.words(title: next.title, description: next.description))
                WHERE user_id = \(userID) AND id = \(id)
                """, logger: logger)
            try await Self.bumpChangeCounter(userID: userID, connection: connection, logger: logger)
            return .updated(next)
        }
    }

    public func deleteTask(userID: String, id: String, expectedVersion: Int?, now: Date) async throws -> DeleteOutcome {
        let logger = self.logger
        return try await transaction { connection in
            guard let current = try await Self.fetchTask(userID: userID, id: id, lock: true, connection: connection, logger: logger) else {
                return .notFound
            }
            if let expectedVersion, expectedVersion != current.version { return .versionMismatch(current: current.version) }
            try await connection.query("DELETE FROM tasks WHERE user_id = \(userID) AND id = \(id)", logger: logger)
            try await Self.bumpChangeCounter(userID: userID, connection: connection, logger: logger)
            return .deleted(current)
        }
    }

    public func changeCounter(userID: String) async throws -> Int {
        let logger = self.logger
        return try await access { connection in
            for try await counter in try await connection.query(
                "SELECT counter FROM user_changes WHERE user_id = \(userID)", logger: logger
            ).decode(Int.self) {
                return counter
            }
            return 0
        }
    }

    /// `lock` holds the row until the transaction ends, so two instances updating one
    /// task at once apply their changes one after the other.
    static func fetchTask(userID: String, id: String, lock: Bool, connection: PostgresConnection, logger: Logger) async throws -> TaskItem? {
        let sql = "SELECT \(PostgresTaskRow.columns) FROM tasks WHERE user_id = $1 AND id = $2" + (lock ? " FOR UPDATE" : "")
        var binds = PostgresBindings()
        binds.append(userID)
        binds.append(id)
        return try await PostgresTaskRow.tasks(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)).first
    }

    static func bumpChangeCounter(userID: String, connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO user_changes (user_id, counter) VALUES (\(userID), 1)
            ON CONFLICT (user_id) DO UPDATE SET counter = user_changes.counter + 1
            """, logger: logger)
    }
}
