import Foundation
import PostgresNIO
import TaskFlowCore

/// Column mapping between `tasks` rows and `TaskItem`.
enum PostgresTaskRow {
    static let columns = "id, title, description, status, priority, due_at, completed_at, created_at, updated_at, version"
    static let columnCount = 10

    static func task(from row: PostgresRow) throws -> TaskItem {
        let columns = row.makeRandomAccess()
        let id = try columns[0].decode(String.self, context: .default)
        let title = try columns[1].decode(String.self, context: .default)
        let description = try columns[2].decode(String.self, context: .default)
        let status = try columns[3].decode(Int.self, context: .default)
        let priority = try columns[4].decode(Int.self, context: .default)
        let due = try columns[5].decode(Int?.self, context: .default)
        let completed = try columns[6].decode(Int?.self, context: .default)
        let created = try columns[7].decode(Int.self, context: .default)
        let updated = try columns[8].decode(Int.self, context: .default)
        let version = try columns[9].decode(Int.self, context: .default)
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
