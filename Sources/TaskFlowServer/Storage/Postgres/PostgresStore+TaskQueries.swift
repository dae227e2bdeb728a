import Foundation
import PostgresNIO
import TaskFlowCore
import TaskFlowSQLite

extension PostgresStore {
    public func listTasks(userID: String, query: TaskQuery, now: Date, knownTotal: Int?) async throws -> (tasks: [TaskItem], total: Int) {
        let filter = PostgresTaskFilter(userID: userID, query: query, now: now)
        let logger = self.logger
        return try await access { connection in
            var total = knownTotal ?? 0
            if knownTotal == nil {
                let count = PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM tasks WHERE \(filter.whereClause)", binds: filter.binds)
                for try await n in try await connection.query(count, logger: logger).decode(Int.self) { total = n }
            }
            let offset = (query.page - 1) * query.limit
            guard offset < total else { return ([], total) }
            var binds = filter.binds
            binds.append(query.limit)
            binds.append(offset)
            let page = PostgresQuery(
                unsafeSQL: """
                    SELECT \(PostgresTaskRow.columns) FROM tasks WHERE \(filter.whereClause)
                    ORDER BY \(PostgresTaskFilter.orderBy(query.sort))
                    LIMIT $\(filter.nextParameter) OFFSET $\(filter.nextParameter + 1)
                    """,
                binds: binds)
            return (try await PostgresTaskRow.tasks(connection.query(page, logger: logger)), total)
        }
    }

    public func stats(userID: String, now: Date) async throws -> TaskStats {
        let window = StatsWindow(now: now)
        let logger = self.logger
        return try await access { connection in
            var stats = TaskStats()
            let totals = try await connection.query(
                """
                SELECT COUNT(*),
                    COUNT(*) FILTER (WHERE status = 0), COUNT(*) FILTER (WHERE status = 1), COUNT(*) FILTER (WHERE status = 2),
                    COUNT(*) FILTER (WHERE priority = 0), COUNT(*) FILTER (WHERE priority = 1), COUNT(*) FILTER (WHERE priority = 2),
                    COUNT(*) FILTER (WHERE status <> 2 AND due_at < \(now.millis)),
                    COUNT(*) FILTER (WHERE status <> 2 AND due_at >= \(window.todayStart) AND due_at < \(window.todayEnd)),
                    COUNT(*) FILTER (WHERE status <> 2 AND due_at >= \(now.millis) AND due_at < \(window.weekEnd))
                FROM tasks WHERE user_id = \(userID)
                """, logger: logger)
            for try await (total, todo, inProgress, done, low, medium, high, overdue, dueToday, dueWeek) in totals.decode(
                (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int).self)
            {
                stats.total = total
                stats.byStatus = .init(todo: todo, inProgress: inProgress, done: done)
                stats.byPriority = .init(low: low, medium: medium, high: high)
                stats.overdue = overdue
                stats.dueToday = dueToday
                stats.dueThisWeek = dueWeek
            }
            var counts: [Int: Int] = [:]
            let days = try await connection.query(
                """
                SELECT completed_at / 86400000 AS day, COUNT(*) FROM tasks
                WHERE user_id = \(userID) AND status = 2 AND completed_at >= \(window.chartStart) GROUP BY day
                """, logger: logger)
            for try await (day, n) in days.decode((Int, Int).self) { counts[day] = n }
            stats.completedPerDay = window.days(counts: counts)
            return stats
        }
    }
}
