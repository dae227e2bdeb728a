import Foundation
import GRDB
import TaskFlowCore

/// A page of a user's tasks and their stats, read from a `tasks` table of the shared shape
/// (the server's SQLite store and the client's replica): one definition of what a query
/// and the stats mean.
public enum TaskListing {
    /// The page `query` asks for and the number of all matching tasks; with `knownTotal`
    /// the count is not run again.
    public static func page(
        _ db: Database, userID: String, query: TaskQuery, now: Date, knownTotal: Int? = nil
    ) throws -> (tasks: [TaskItem], total: Int) {
        let filter = TaskFilterSQL(userID: userID, query: query, now: now)
        let total = try knownTotal ?? Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM tasks WHERE \(filter.whereClause)", arguments: filter.arguments) ?? 0
        let offset = (query.page - 1) * query.limit
        guard offset < total else { return ([], total) }
        var arguments = filter.arguments
        arguments += [query.limit, offset]
        // Cached per connection: the SQL text depends only on the filter's shape, and
        // preparing it (parse + authorizer) was a visible share of every list request.
        let statement = try db.cachedStatement(
            sql: """
                SELECT \(TaskRow.columns) FROM tasks WHERE \(filter.whereClause)
                ORDER BY \(TaskFilterSQL.orderBy(query.sort)) LIMIT ? OFFSET ?
                """)
        return (try Row.fetchAll(statement, arguments: arguments).map(TaskRow.task(from:)), total)
    }

    public static func stats(_ db: Database, userID: String, now: Date) throws -> TaskStats {
        let window = StatsWindow(now: now)
        var stats = TaskStats()
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS total,
                    COALESCE(SUM(status = 0), 0) AS todo, COALESCE(SUM(status = 1), 0) AS in_progress,
                    COALESCE(SUM(status = 2), 0) AS done,
                    COALESCE(SUM(priority = 0), 0) AS low, COALESCE(SUM(priority = 1), 0) AS medium,
                    COALESCE(SUM(priority = 2), 0) AS high,
                    COALESCE(SUM(status <> 2 AND due_at < :now), 0) AS overdue,
                    COALESCE(SUM(status <> 2 AND due_at >= :dayStart AND due_at < :dayEnd), 0) AS due_today,
                    COALESCE(SUM(status <> 2 AND due_at >= :now AND due_at < :weekEnd), 0) AS due_week
                FROM tasks WHERE user_id = :user
                """,
            arguments: [
                "now": now.millis, "dayStart": window.todayStart, "dayEnd": window.todayEnd,
                "weekEnd": window.weekEnd, "user": userID,
            ])
        {
            stats.total = row["total"]
            stats.byStatus = .init(todo: row["todo"], inProgress: row["in_progress"], done: row["done"])
            stats.byPriority = .init(low: row["low"], medium: row["medium"], high: row["high"])
            stats.overdue = row["overdue"]
            stats.dueToday = row["due_today"]
            stats.dueThisWeek = row["due_week"]
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT completed_at / 86400000 AS day, COUNT(*) AS n FROM tasks
                WHERE user_id = ? AND status = 2 AND completed_at >= ? GROUP BY day
                """,
            arguments: [userID, window.chartStart])
        stats.completedPerDay = window.days(counts: Dictionary(uniqueKeysWithValues: rows.map { ($0["day"] as Int, $0["n"] as Int) }))
        return stats
    }
}
