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

    /// Counts by status and priority, what is due, and completions per day, over the tasks
    /// `query` selects (its filters and search, compiled as `page` compiles them; its sort
    /// and paging do not matter), or over every task of the user when there is none.
    public static func stats(_ db: Database, userID: String, query: TaskQuery? = nil, now: Date) throws -> TaskStats {
        let window = StatsWindow(now: now)
        let filter = TaskFilterSQL(userID: userID, query: query ?? TaskQuery(), now: now)
        var stats = TaskStats()
        var arguments: StatementArguments = [now.millis, window.todayStart, window.todayEnd, now.millis, window.weekEnd]
        arguments += filter.arguments
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS total,
                    COALESCE(SUM(status = 0), 0) AS todo, COALESCE(SUM(status = 1), 0) AS in_progress,
                    COALESCE(SUM(status = 2), 0) AS done,
                    COALESCE(SUM(priority = 0), 0) AS low, COALESCE(SUM(priority = 1), 0) AS medium,
                    COALESCE(SUM(priority = 2), 0) AS high,
                    COALESCE(SUM(status <> 2 AND due_at < ?), 0) AS overdue,
                    COALESCE(SUM(status <> 2 AND due_at >= ? AND due_at < ?), 0) AS due_today,
                    COALESCE(SUM(status <> 2 AND due_at >= ? AND due_at < ?), 0) AS due_week
                FROM tasks WHERE \(filter.whereClause)
                """,
            arguments: arguments)
        {
            stats.total = row["total"]
            stats.byStatus = .init(todo: row["todo"], inProgress: row["in_progress"], done: row["done"])
            stats.byPriority = .init(low: row["low"], medium: row["medium"], high: row["high"])
            stats.overdue = row["overdue"]
            stats.dueToday = row["due_today"]
            stats.dueThisWeek = row["due_week"]
        }
        var chartArguments = filter.arguments
        chartArguments += [window.chartStart]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT completed_at / 86400000 AS day, COUNT(*) AS n FROM tasks
                WHERE \(filter.whereClause) AND status = 2 AND completed_at >= ? GROUP BY day
                """,
            arguments: chartArguments)
        stats.completedPerDay = window.days(counts: Dictionary(uniqueKeysWithValues: rows.map { ($0["day"] as Int, $0["n"] as Int) }))
        return stats
    }
}
