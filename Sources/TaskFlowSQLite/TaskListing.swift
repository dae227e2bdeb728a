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
        // Two queries that each walk the covering stats index (user, status, priority, due,
        // completed) rather than one that tests ten expressions on every row: counts per
        // status and priority (nine groups), then only the open tasks due before the end of
        // the week (IN on status and priority lets the due date be a range of the index).
        // 46 ms -> 18 ms at 100,000 tasks, most of a warm first frame.
        let groups = try Row.fetchAll(
            db,
            sql: "SELECT status, priority, COUNT(*) AS n FROM tasks WHERE \(filter.whereClause) GROUP BY status, priority",
            arguments: filter.arguments)
        var byStatus = [0, 0, 0], byPriority = [0, 0, 0]
        for group in groups {
            let status: Int = group["status"], priority: Int = group["priority"], count: Int = group["n"]
            stats.total += count
            if byStatus.indices.contains(status) { byStatus[status] += count }
            if byPriority.indices.contains(priority) { byPriority[priority] += count }
        }
        stats.byStatus = .init(todo: byStatus[0], inProgress: byStatus[1], done: byStatus[2])
        stats.byPriority = .init(low: byPriority[0], medium: byPriority[1], high: byPriority[2])
        var dueArguments: StatementArguments = [now.millis, window.todayStart, window.todayEnd, now.millis, window.weekEnd]
        dueArguments += filter.arguments
        dueArguments += [max(now.millis, window.todayEnd, window.weekEnd)]
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(due_at < ?), 0) AS overdue,
                    COALESCE(SUM(due_at >= ? AND due_at < ?), 0) AS due_today,
                    COALESCE(SUM(due_at >= ? AND due_at < ?), 0) AS due_week
                FROM tasks WHERE \(filter.whereClause) AND status IN (0, 1) AND priority IN (0, 1, 2) AND due_at < ?
                """,
            arguments: dueArguments)
        {
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
