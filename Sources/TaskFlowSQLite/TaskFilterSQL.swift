import Foundation
import GRDB
import TaskFlowCore

/// A `TaskQuery` as SQLite SQL: a WHERE clause with bound arguments and an ORDER BY. The
/// server's SQLite store and the client's replica both use it, so a filter means the same
/// on both. Every value is a bound argument; only fixed column names are spliced in.
public struct TaskFilterSQL {
    public private(set) var conditions: [String] = ["user_id = ?"]
    public private(set) var arguments: StatementArguments

    public init(userID: String, query: TaskQuery, now: Date) {
        arguments = [userID]
        if !query.statuses.isEmpty {
            add("status IN (\(placeholders(query.statuses.count)))", query.statuses.map(\.rank))
        }
        if !query.priorities.isEmpty {
            add("priority IN (\(placeholders(query.priorities.count)))", query.priorities.map(\.rank))
        }
        if let before = query.dueBefore { add("due_at <= ?", [before.upperLimit.millis]) }
        if let after = query.dueAfter { add("due_at >= ?", [after.lowerLimit.millis]) }
        if query.overdue { add("due_at < ? AND status <> ?", [now.millis, TaskStatus.done.rank]) }
        if let match = Self.matchExpression(query.searchWords) {
            add("seq IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)", [match])
        }
    }

    public var whereClause: String { conditions.joined(separator: " AND ") }

    /// Ties break by id in the sort's direction, so pages never repeat or skip a task.
    /// Tasks without a due date come last in both directions.
    public static func orderBy(_ sort: TaskSort) -> String {
        let dir = sort.descending ? "DESC" : "ASC"
        switch sort.field {
        case .createdAt: return "created_at \(dir), id \(dir)"
        case .updatedAt: return "updated_at \(dir), id \(dir)"
        case .dueDate: return "due_at IS NULL, due_at \(dir), id \(dir)"
        case .priority: return "priority \(dir), id \(dir)"
        case .status: return "status \(dir), id \(dir)"
        case .title: return "title_key \(dir), id \(dir)"
        }
    }

    /// FTS5 expression in which every word must match and the last is a prefix:
    /// `"word1" "word2"*`. Words hold only letters, digits and marks, and are quoted
    /// anyway, so no input is read as FTS5 syntax (`NEAR`, `*`, quotes, parentheses).
    public static func matchExpression(_ words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        let quoted = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return quoted.joined(separator: " ") + "*"
    }

    private mutating func add(_ condition: String, _ values: [any DatabaseValueConvertible]) {
        conditions.append(condition)
        for value in values { arguments += [value] }
    }

    private func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }
}
