import Foundation
import GRDB
import TaskFlowCore

/// Column mapping between `tasks` rows and `TaskItem`, the same in the server's store and
/// the client's replica.
public enum TaskRow {
    public static let columns = "id, title, description, status, priority, due_at, completed_at, created_at, updated_at, version"
    public static let columnCount = 10

    /// Reads by position (the order of `columns`): lookups by name fold case on every call,
    /// which showed up in list-request profiles.
    public static func task(from row: Row) -> TaskItem {
        TaskItem(
            id: row[0], title: row[1], description: row[2],
            status: TaskStatus(rank: row[3]) ?? .todo, priority: TaskPriority(rank: row[4]) ?? .medium,
            dueDate: (row[5] as Int?).map(Date.init(millis:)),
            completedAt: (row[6] as Int?).map(Date.init(millis:)),
            createdAt: Date(millis: row[7]), updatedAt: Date(millis: row[8]), version: row[9])
    }

    /// The arguments of `TaskTable.upsertSQL` for `task`.
    public static func upsertArguments(_ task: TaskItem, userID: String) -> StatementArguments {
        [
            task.id, userID, task.title, titleKey(task.title), task.description, task.status.rank, task.priority.rank,
            task.dueDate?.millis, task.completedAt?.millis, task.createdAt.millis, task.updatedAt.millis, task.version,
        ]
    }

    /// Case-insensitive sort key for titles (full Unicode case folding, not just ASCII).
    public static func titleKey(_ title: String) -> String {
        title.folding(options: [.caseInsensitive], locale: nil)
    }
}
