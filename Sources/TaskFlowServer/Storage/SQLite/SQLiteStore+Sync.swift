import Foundation
import GRDB
import TaskFlowCore
import TaskFlowSQLite

extension SQLiteStore {
    /// One read transaction, so the page, the counter and the purge horizon agree.
    public func syncChanges(userID: String, after: Int?, limit: Int) async throws -> SyncOutcome {
        try await read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT counter, purged_seq FROM user_changes WHERE user_id = ?", arguments: [userID])
            let counter: Int = row?[0] ?? 0, purged: Int = row?[1] ?? 0
            if let after, after < purged || after > counter { return .expired }
            let start = after ?? 0
            let tasks = try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT \(TaskRow.columns), change_seq FROM tasks WHERE user_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?"),
                arguments: [userID, start, limit + 1]
            ).map { (TaskRow.task(from: $0), $0[TaskRow.columnCount] as Int) }
            // A snapshot (no cursor) is the live tasks only: the client holds nothing to delete.
            let tombstones =
                after == nil
                ? []
                : try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT id, version, seq, created_at, deleted_at FROM tombstones
                            WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?
                            """),
                    arguments: [userID, start, limit + 1]
                ).map { Tombstone(id: $0[0], version: $0[1], seq: $0[2], createdAt: Date(millis: $0[3]), deletedAt: Date(millis: $0[4])) }
            return SyncOutcome.page(tasks: tasks, tombstones: tombstones, limit: limit, counter: counter, after: start)
        }
    }

    /// Part of maintenance: the horizon moves up to the newest tombstone forgotten, so a
    /// cursor from before it gets 410 instead of silently missing a deletion.
    public func purgeTombstones(deletedBefore cutoff: Date) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE user_changes SET purged_seq = MAX(purged_seq, (
                        SELECT MAX(seq) FROM tombstones t WHERE t.user_id = user_changes.user_id AND t.deleted_at < ?))
                    WHERE user_id IN (SELECT user_id FROM tombstones WHERE deleted_at < ?)
                    """,
                arguments: [cutoff.millis, cutoff.millis])
            try db.execute(sql: "DELETE FROM tombstones WHERE deleted_at < ?", arguments: [cutoff.millis])
        }
    }
}
