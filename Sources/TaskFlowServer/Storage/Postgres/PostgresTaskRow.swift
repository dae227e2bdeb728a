import Foundation
import PostgresNIO
import TaskFlowCore

/// Column mapping between `tasks` rows and `TaskItem`.
enum PostgresTaskRow {
    static let columns = "id, title, description, status, priority, due_at, completed_at, created_at, updated_at, version"

    static func task(from row: PostgresRow) throws -> TaskItem {
        let (id, title, description, status, priority, due, completed, created, updated, version) = try row.decode(
            (String, String, String, Int, Int, Int?, Int?, Int, Int, Int).self)
        return TaskItem(
            id: id, title: title, description: description,
            status: TaskStatus(rank: status) ?? .todo, priority: TaskPriority(rank: priority) ?? .medium,
            dueDate: due.map(Date.init(millis:)), completedAt: completed.map(Date.init(millis:)),
            createdAt: Date(millis: created), updatedAt: Date(millis: updated), version: version)
    }

    static func tasks(_ rows: PostgresRowSequence) async throws -> [TaskItem] {
        var tasks: [TaskItem] = []
        for try await row in rows { tasks.append(try task(from: row)) }
        return tasks
    }
}
