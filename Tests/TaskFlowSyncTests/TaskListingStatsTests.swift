import Foundation
import GRDB
import TaskFlowCore
import TaskFlowSQLite
import XCTest

/// `TaskListing.stats` over a filter counts exactly the tasks the filter selects: each
/// count compared with the same count taken by hand (plain Swift over the same tasks) for
/// no filter, a status, a priority with a search, overdue, and a due window; another
/// user's tasks never count.
final class TaskListingStatsTests: XCTestCase {
    /// 2026-12-01 12:00 UTC.
    private let now = Date(timeIntervalSince1970: 1_796_126_400)
    private let day = 86_400.0

    private func makeTasks() -> [TaskItem] {
        var rng = SeededGenerator(seed: 15)
        let todayStart = DueDate.startOfDay(now)
        return (0..<60).map { n in
            let status = TaskStatus.allCases[rng.below(3)]
            // Due at 18:00 of a day from 3 days ago to 9 days on, or not at all: never on a bound.
            let offset = rng.below(14) - 4
            let due = offset < -3 ? nil : todayStart.addingTimeInterval(Double(offset) * day + 18 * 3600)
            let completed = status == .done ? todayStart.addingTimeInterval(-Double(rng.below(20)) * day + 3600) : nil
            return TaskItem(
                id: String(format: "t%03d", n), title: (rng.below(2) == 0 ? "alpha " : "beta ") + "task \(n)",
                status: status, priority: TaskPriority.allCases[rng.below(3)], dueDate: due, completedAt: completed,
                createdAt: now.addingTimeInterval(-Double(n) * 60), updatedAt: now)
        }
    }

    private func database(_ tasks: [TaskItem]) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: TaskTable.schema)
            for task in tasks { try db.execute(sql: TaskTable.upsertSQL, arguments: TaskRow.upsertArguments(task, userID: "u1")) }
            // Someone else's tasks, which no count may include.
            for task in tasks.prefix(10) {
                var other = task
                other.id = "x" + task.id
                try db.execute(sql: TaskTable.upsertSQL, arguments: TaskRow.upsertArguments(other, userID: "u2"))
            }
        }
        return queue
    }

    /// The stats of `tasks`, counted one by one as API.md defines them.
    private func byHand(_ tasks: [TaskItem]) -> TaskStats {
        let todayStart = DueDate.startOfDay(now)
        let open = tasks.filter { $0.status != .done }
        func due(_ range: Range<Date>) -> Int { open.count { $0.dueDate.map(range.contains) ?? false } }
        var stats = TaskStats()
        stats.total = tasks.count
        stats.byStatus = .init(todo: tasks.count { $0.status == .todo }, inProgress: tasks.count { $0.status == .inProgress },
                               done: tasks.count { $0.status == .done })
        stats.byPriority = .init(low: tasks.count { $0.priority == .low }, medium: tasks.count { $0.priority == .medium },
                                 high: tasks.count { $0.priority == .high })
        stats.overdue = open.count { ($0.dueDate ?? .distantFuture) < now }
        stats.dueToday = due(todayStart..<todayStart.addingTimeInterval(day))
        stats.dueThisWeek = due(now..<now.addingTimeInterval(7 * day))
        stats.completedPerDay = (0..<14).reversed().map { back in
            let start = todayStart.addingTimeInterval(-Double(back) * day)
            let count = tasks.count { $0.status == .done && ($0.completedAt.map { $0 >= start && $0 < start.addingTimeInterval(self.day) } ?? false) }
            return TaskStats.DayCount(date: Timestamp.day(start), count: count)
        }
        return stats
    }

    func testStatsOfAFilterCountOnlyTheTasksItSelects() throws {
        let tasks = makeTasks()
        let queue = try database(tasks)
        let todayStart = DueDate.startOfDay(now)
        let cases: [(String, TaskQuery, (TaskItem) -> Bool)] = [
            ("no filter", TaskQuery(), { _ in true }),
            ("status:todo", TaskQuery(statuses: [.todo]), { $0.status == .todo }),
            ("status:todo,done", TaskQuery(statuses: [.todo, .done]), { $0.status != .inProgress }),
            ("priority:high alpha", TaskQuery(priorities: [.high], search: "alpha"), { $0.priority == .high && $0.title.hasPrefix("alpha") }),
            ("due:overdue", TaskQuery(overdue: true), { $0.isOverdue(now: self.now) }),
            ("due:week", TaskQuery(dueBefore: .day(todayStart.addingTimeInterval(6 * day)), dueAfter: .day(todayStart)), {
                guard let due = $0.dueDate else { return false }
                return due >= todayStart && due < todayStart.addingTimeInterval(7 * self.day)
            }),
        ]
        for (name, query, selects) in cases {
            let stats = try queue.read { db in try TaskListing.stats(db, userID: "u1", query: query, now: now) }
            let expected = byHand(tasks.filter(selects))
            XCTAssertGreaterThan(expected.total, 0, "\(name): the case selects something")
            XCTAssertEqual(stats, expected, name)
        }
        let all = try queue.read { db in try TaskListing.stats(db, userID: "u1", now: now) }
        XCTAssertEqual(all, byHand(tasks), "no query: every task of the user")
        XCTAssertGreaterThan(all.overdue, 0)
        XCTAssertGreaterThan(all.completedPerDay.reduce(0) { $0 + $1.count }, 0)
    }
}
