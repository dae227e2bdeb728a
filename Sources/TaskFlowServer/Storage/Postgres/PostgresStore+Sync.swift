import Foundation
import Logging
import PostgresNIO
import TaskFlowCore
import TaskFlowSQLite

extension PostgresStore {
    /// One REPEATABLE READ transaction, so the page, the counter and the purge horizon
    /// agree. Writers commit a user's sequence values in order (they queue on the counter
    /// row), so a page never skips a change that commits later with a lower value.
    public func syncChanges(userID: String, after: Int?, limit: Int) async throws -> SyncOutcome {
        let logger = self.logger
        return try await transaction(isolation: "REPEATABLE READ READ ONLY") { connection in
            var counter = 0, purged = 0
            for try await (c, p) in try await connection.query(
                "SELECT counter, purged_seq FROM user_changes WHERE user_id = \(userID)", logger: logger
            ).decode((Int, Int).self) {
                (counter, purged) = (c, p)
            }
            if let after, after < purged || after > counter { return .expired }
            let start = after ?? 0
            var tasks: [(TaskItem, Int)] = []
            let rows = try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT \(PostgresTaskRow.columns), change_seq FROM tasks
                        WHERE user_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3
                        """,
                    binds: { var b = PostgresBindings(); b.append(userID); b.append(start); b.append(limit + 1); return b }()),
                logger: logger)
            for try await row in rows {
                let seq = try row.makeRandomAccess()[PostgresTaskRow.columnCount].decode(Int.self, context: .default)
                tasks.append((try PostgresTaskRow.task(from: row), seq))
            }
            // A snapshot (no cursor) is the live tasks only: the client holds nothing to delete.
            var tombstones: [Tombstone] = []
            if after != nil {
                let rows = try await connection.query(
                    """
                    SELECT id, version, seq, created_at, deleted_at FROM tombstones
                    WHERE user_id = \(userID) AND seq > \(start) ORDER BY seq LIMIT \(limit + 1)
                    """, logger: logger)
                for try await (id, version, seq, created, deleted) in rows.decode((String, Int, Int, Int, Int).self) {
                    tombstones.append(
                        Tombstone(id: id, version: version, seq: seq, createdAt: Date(millis: created), deletedAt: Date(millis: deleted)))
                }
            }
            return SyncOutcome.page(tasks: tasks, tombstones: tombstones, limit: limit, counter: counter, after: start)
        }
    }

    /// Part of maintenance: the horizon moves up to the newest tombstone forgotten, so a
    /// cursor from before it gets 410 instead of silently missing a deletion.
    public func purgeTombstones(deletedBefore cutoff: Date) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query(
                """
                UPDATE user_changes SET purged_seq = GREATEST(user_changes.purged_seq, gone.max_seq)
                FROM (SELECT user_id, MAX(seq) AS max_seq FROM tombstones WHERE deleted_at < \(cutoff.millis) GROUP BY user_id) AS gone
                WHERE user_changes.user_id = gone.user_id
                """, logger: logger)
            try await connection.query("DELETE FROM tombstones WHERE deleted_at < \(cutoff.millis)", logger: logger)
        }
    }
}
