import Foundation
import GRDB
import TaskFlowCore
import TaskFlowSQLite

extension Replica {
    /// The short ids of every task in the copy (and every task in conflict, which may be
    /// deleted here): made again only after an id came or went, else the ones made last.
    public func shortIDs() throws -> ShortIDs {
        let generation = try pool.read { db in Int(try Self.meta("id_generation", db: db) ?? "0") ?? 0 }
        if let cached = shortIDCache.withLock({ $0 }), cached.generation == generation { return cached.ids }
        let ids = try pool.read { db in
            // UNION ALL: ShortIDs folds a repeat itself; UNION would sort every id in SQLite first.
            try String.fetchAll(db, sql: "SELECT id FROM tasks UNION ALL SELECT id FROM conflicts")
        }
        let made = ShortIDs(ids)
        shortIDCache.withLock { $0 = (generation, made) }
        return made
    }
}

extension Replica {
    /// The row (from 0) of task `id` in the list `query` gives, by the same filter and
    /// order as `page`; nil when the list does not hold it.
    public func row(of id: String, in query: TaskQuery, now: Date = Date()) throws -> Int? {
        let filter = TaskFilterSQL(userID: userID, query: query, now: now)
        var arguments = filter.arguments
        arguments += [id]
        return try pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY \(TaskFilterSQL.orderBy(query.sort))) - 1 AS n
                               FROM tasks WHERE \(filter.whereClause))
                WHERE id = ?
                """, arguments: arguments)
        }
    }
}
