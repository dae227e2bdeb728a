import Foundation
import GRDB
import TaskFlowCore

/// Column mapping between `tasks` rows and `TaskItem`.
enum TaskRow {
    static let columns = "id, title, description, status, priority, due_at, completed_at, created_at, updated_at, version"

    static func task(from row: Row) -> TaskItem {
        TaskItem(
            id: row["id"], title: row["title"], description: row["description"],
            status: TaskStatus(rank: row["status"]) ?? .todo, priority: TaskPriority(rank: row["priority"]) ?? .medium,
            dueDate: (row["due_at"] as Int?).map(Date.init(millis:)),
            completedAt: (row["completed_at"] as Int?).map(Date.init(millis:)),
            createdAt: Date(millis: row["created_at"]), updatedAt: Date(millis: row["updated_at"]), version: row["version"])
    }

    /// Case-insensitive sort key for titles (full Unicode case folding, not just ASCII).
    static func titleKey(_ title: String) -> String {
        title.folding(options: [.caseInsensitive], locale: nil)
    }
}
