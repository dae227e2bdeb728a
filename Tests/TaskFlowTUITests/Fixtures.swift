import Foundation
import TaskFlowCore
import TerminalUI
@testable import TaskFlowTUI

/// Fixed times and tasks, so screens compare equal from run to run.
enum Fixtures {
    /// 2026-12-01 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_126_400)
    static let user = User(id: "u1", name: "Ada", email: "ada@example.com", createdAt: now)
    static let session = SessionInfo(server: "http://127.0.0.1:5000", user: user)

    static func task(
        _ number: Int, title: String? = nil, status: TaskStatus = .todo, priority: TaskPriority = .medium,
        dueInDays: Int? = nil, description: String = ""
    ) -> TaskItem {
        TaskItem(
            id: String(format: "t%05d", number), title: title ?? "Task \(number)", description: description, status: status,
            priority: priority,
            dueDate: dueInDays.map { DueDate.endOfDay(DueDate.startOfDay(now.addingTimeInterval(Double($0) * 86_400))) },
            createdAt: now.addingTimeInterval(-Double(number) * 60), updatedAt: now.addingTimeInterval(-Double(number) * 60))
    }

    static func tasks(_ count: Int) -> [TaskItem] { (1...max(1, count)).prefix(count).map { task($0) } }

    static let stats = TaskStats(
        total: 12, byStatus: .init(todo: 6, inProgress: 2, done: 4), byPriority: .init(low: 3, medium: 6, high: 3),
        overdue: 2, dueToday: 1, dueThisWeek: 4,
        completedPerDay: (0..<14).map { TaskStats.DayCount(date: String(format: "2026-11-%02d", 18 + $0), count: [0, 1, 0, 2, 3, 0, 1, 0, 0, 4, 1, 0, 2, 1][$0]) })

    /// A state on the main screen with `all` tasks on the server, the first pages loaded.
    static func mainState(size: Size = Size(width: 120, height: 30), all: [TaskItem], pageSize: Int = 50) -> AppState {
        var state = AppState(size: size, now: now, defaultServer: "http://127.0.0.1:5000", pageSize: pageSize)
        _ = update(&state, .resize(size))
        let effects = update(&state, .sessionFound(session))
        for effect in effects {
            if case .fetchPage(let query, let generation) = effect {
                _ = update(&state, .pageLoaded(page: query.page, generation: generation, page(all, query), nil))
            }
        }
        return state
    }

    /// The server's answer to `query` over `all`.
    static func page(_ all: [TaskItem], _ query: TaskQuery) -> TaskPage {
        let start = (query.page - 1) * query.limit
        let slice = start < all.count ? Array(all[start..<min(all.count, start + query.limit)]) : []
        return TaskPage(tasks: slice, pagination: Pagination(page: query.page, limit: query.limit, total: all.count))
    }
}
