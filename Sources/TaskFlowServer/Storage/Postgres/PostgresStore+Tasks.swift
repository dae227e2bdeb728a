import Foundation
import Logging
import PostgresNIO
import TaskFlowCore
import TaskFlowSQLite

extension PostgresStore: TaskRepository {
    /// One transaction, a fixed number of round trips whatever the number of writes: lock
    /// the user's counter, read what the writes touch, plan them (`TaskWritePlan`), then
    /// write the end state with set-based statements.
    public func applyWrites(userID: String, _ writes: [TaskWrite], now: Date) async throws -> [TaskWriteOutcome] {
        let logger = self.logger
        do {
            return try await transaction { connection in
                let snapshot = try await Self.snapshot(userID: userID, for: writes, now: now, connection: connection, logger: logger)
                var plan = TaskWritePlan(snapshot: snapshot)
                plan.apply(writes, now: now)
                if !plan.isEmpty { try await Self.store(plan, userID: userID, now: now, connection: connection, logger: logger) }
                return plan.outcomes
            }
        } catch let error as PSQLError where error.isUniqueViolation {
            // Another user's task took a chosen id between the read and the write.
            throw StorageError.conflict("a task id is already in use")
        }
    }

    public func task(userID: String, id: String) async throws -> TaskItem? {
        let logger = self.logger
        return try await access { connection in
            try await Self.fetchTask(userID: userID, id: id, connection: connection, logger: logger)
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

    static func fetchTask(userID: String, id: String, connection: PostgresConnection, logger: Logger) async throws -> TaskItem? {
        var binds = PostgresBindings()
        binds.append(userID)
        binds.append(id)
        let sql = "SELECT \(PostgresTaskRow.columns) FROM tasks WHERE user_id = $1 AND id = $2"
        return try await PostgresTaskRow.tasks(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)).first
    }

    /// What the writes touch. The counter row is locked first: every writer of this
    /// user's tasks, on any instance, waits there, so what is read stays true until COMMIT
    /// and sequence values commit in order.
    private static func snapshot(
        userID: String, for writes: [TaskWrite], now: Date, connection: PostgresConnection, logger: Logger
    ) async throws -> TaskWritePlan.Snapshot {
        var snapshot = TaskWritePlan.Snapshot()
        let counter = try await connection.query(
            """
            INSERT INTO user_changes (user_id, counter) VALUES (\(userID), 0)
            ON CONFLICT (user_id) DO UPDATE SET counter = user_changes.counter RETURNING counter
            """, logger: logger)
        for try await value in counter.decode(Int.self) { snapshot.counter = value }
        let (ids, keys) = TaskWritePlan.references(of: writes)
        if !ids.isEmpty {
            let rows = try await connection.query(
                PostgresQuery(
                    unsafeSQL: "SELECT \(PostgresTaskRow.columns), user_id FROM tasks WHERE id = ANY($1)",
                    binds: { var b = PostgresBindings(); b.append(ids); return b }()),
                logger: logger)
            for try await row in rows {
                let task = try PostgresTaskRow.task(from: row)
                // user_id comes after the task's columns.
                let owner = try row.makeRandomAccess()[PostgresTaskRow.columnCount].decode(String.self, context: .default)
                if owner == userID { snapshot.tasks[task.id] = task } else { snapshot.takenElsewhere.insert(task.id) }
            }
            let tombstones = try await connection.query(
                "SELECT id, version, seq, created_at, deleted_at FROM tombstones WHERE user_id = \(userID) AND id = ANY(\(ids))",
                logger: logger)
            for try await (id, version, seq, created, deleted) in tombstones.decode((String, Int, Int, Int, Int).self) {
                snapshot.tombstones[id] = Tombstone(
                    id: id, version: version, seq: seq, createdAt: Date(millis: created), deletedAt: Date(millis: deleted))
            }
        }
        if !keys.isEmpty {
            let earliest = now.millis - Int(IdempotencyClaim.lifetime * 1000)
            let records = try await connection.query(
                """
                SELECT key, body_hash, task_id, response_body FROM idempotency_keys
                WHERE user_id = \(userID) AND key = ANY(\(keys)) AND created_at >= \(earliest)
                """, logger: logger)
            for try await (key, hash, taskID, body) in records.decode((String, String, String, Data).self) {
                snapshot.idempotency[key] = .init(bodyHash: hash, taskID: taskID, responseBody: body)
            }
        }
        return snapshot
    }

    /// The plan's end state, one statement per kind of change (rows travel as one JSON
    /// array: PostgresNIO binds no arrays of optionals).
    private static func store(
        _ plan: TaskWritePlan, userID: String, now: Date, connection: PostgresConnection, logger: Logger
    ) async throws {
        let removed = plan.removedIDs
        if !removed.isEmpty {
            try await connection.query("DELETE FROM tasks WHERE user_id = \(userID) AND id = ANY(\(removed))", logger: logger)
        }
        if !plan.written.isEmpty {
            let rows = JSONValue.array(plan.written.values.map { written in
                let task = written.task
                return .object([
                    "id": .string(task.id), "title": .string(task.title), "title_key": .string(TaskRow.titleKey(task.title)),
                    "description": .string(task.description), "status": .int(task.status.rank), "priority": .int(task.priority.rank),
                    "due_at": task.dueDate.map { .int($0.millis) } ?? .null,
                    "completed_at": task.completedAt.map { .int($0.millis) } ?? .null,
                    "created_at": .int(task.createdAt.millis), "updated_at": .int(task.updatedAt.millis),
                    "version": .int(task.version), "change_seq": .int(written.seq),
                    "words": .array(PostgresSearch.words(title: task.title, description: task.description).map(JSONValue.string)),
                ])
            }).json
            // Only this user's rows are updated; a row of another user with a chosen id is
            // left alone and missing from RETURNING, which the count below catches.
            let stored = try await connection.query(
                """
                INSERT INTO tasks (id, user_id, title, title_key, description, status, priority, due_at, completed_at,
                                   created_at, updated_at, version, change_seq, search_words)
                SELECT r.id, \(userID), r.title, r.title_key, r.description, r.status, r.priority, r.due_at, r.completed_at,
                       r.created_at, r.updated_at, r.version, r.change_seq, ARRAY(SELECT jsonb_array_elements_text(r.words))
                FROM jsonb_to_recordset(\(rows)::jsonb) AS r(
                    id TEXT, title TEXT, title_key TEXT, description TEXT, status SMALLINT, priority SMALLINT, due_at BIGINT,
                    completed_at BIGINT, created_at BIGINT, updated_at BIGINT, version INTEGER, change_seq BIGINT, words JSONB)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, title_key = EXCLUDED.title_key,
                    description = EXCLUDED.description, status = EXCLUDED.status, priority = EXCLUDED.priority,
                    due_at = EXCLUDED.due_at, completed_at = EXCLUDED.completed_at, created_at = EXCLUDED.created_at,
                    updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, change_seq = EXCLUDED.change_seq,
                    search_words = EXCLUDED.search_words
                WHERE tasks.user_id = EXCLUDED.user_id
                RETURNING 1
                """, logger: logger
            ).collect()
            guard stored.count == plan.written.count else { throw StorageError.conflict("a task id is already in use") }
        }
        let revived = plan.revivedIDs
        if !revived.isEmpty {
            try await connection.query("DELETE FROM tombstones WHERE user_id = \(userID) AND id = ANY(\(revived))", logger: logger)
        }
        if !plan.buried.isEmpty {
            let rows = JSONValue.array(plan.buried.values.map { tombstone in
                .object([
                    "id": .string(tombstone.id), "version": .int(tombstone.version), "seq": .int(tombstone.seq),
                    "created_at": .int(tombstone.createdAt.millis), "deleted_at": .int(tombstone.deletedAt.millis),
                ])
            }).json
            try await connection.query(
                """
                INSERT INTO tombstones (user_id, id, version, seq, created_at, deleted_at)
                SELECT \(userID), r.id, r.version, r.seq, r.created_at, r.deleted_at
                FROM jsonb_to_recordset(\(rows)::jsonb) AS r(id TEXT, version INTEGER, seq BIGINT, created_at BIGINT, deleted_at BIGINT)
                ON CONFLICT (user_id, id) DO UPDATE SET version = EXCLUDED.version, seq = EXCLUDED.seq,
                    created_at = EXCLUDED.created_at, deleted_at = EXCLUDED.deleted_at
                """, logger: logger)
        }
        if !plan.claims.isEmpty {
            let rows = JSONValue.array(plan.claims.map { key, record in
                .object([
                    "key": .string(key), "body_hash": .string(record.bodyHash), "task_id": .string(record.taskID),
                    "body": .string(String(decoding: record.responseBody, as: UTF8.self)),
                ])
            }).json
            try await connection.query(
                """
                INSERT INTO idempotency_keys (user_id, key, body_hash, task_id, response_body, created_at)
                SELECT \(userID), r.key, r.body_hash, r.task_id, convert_to(r.body, 'UTF8'), \(now.millis)
                FROM jsonb_to_recordset(\(rows)::jsonb) AS r(key TEXT, body_hash TEXT, task_id TEXT, body TEXT)
                ON CONFLICT (user_id, key) DO UPDATE SET body_hash = EXCLUDED.body_hash, task_id = EXCLUDED.task_id,
                    response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at
                """, logger: logger)
        }
        try await connection.query("UPDATE user_changes SET counter = \(plan.counter) WHERE user_id = \(userID)", logger: logger)
    }
}
