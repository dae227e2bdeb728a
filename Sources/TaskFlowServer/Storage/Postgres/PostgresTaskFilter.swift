import Foundation
import PostgresNIO
import TaskFlowCore
import TaskFlowSQLite

/// A `TaskQuery` as PostgreSQL SQL: a WHERE clause over numbered parameters and an ORDER BY.
/// Every value is a bound parameter; only fixed column names are spliced into the text.
struct PostgresTaskFilter {
    private(set) var conditions: [String] = []
    private(set) var binds = PostgresBindings()

    init(userID: String, query: TaskQuery, now: Date) {
        add("user_id = $", userID)
        if !query.statuses.isEmpty { add("status = ANY($::bigint[])", query.statuses.map(\.rank)) }
        if !query.priorities.isEmpty { add("priority = ANY($::bigint[])", query.priorities.map(\.rank)) }
        if let before = query.dueBefore { add("due_at <= $", before.upperLimit.millis) }
        if let after = query.dueAfter { add("due_at >= $", after.lowerLimit.millis) }
        if query.overdue {
            add("due_at < $", now.millis)
            add("status <> $", TaskStatus.done.rank)
        }
        if let search = PostgresSearch.query(query.searchWords) { add("search @@ $::tsquery", search) }
    }

    var whereClause: String { conditions.joined(separator: " AND ") }

    /// The next parameter number, for values appended after the filter's own.
    var nextParameter: Int { binds.count + 1 }

    /// Ties break by id in the sort's direction, so pages never repeat or skip a task.
    /// Tasks without a due date come last in both directions.
    static func orderBy(_ sort: TaskSort) -> String {
        let dir = sort.descending ? "DESC" : "ASC"
        switch sort.field {
        case .createdAt: return "created_at \(dir), id \(dir)"
        case .updatedAt: return "updated_at \(dir), id \(dir)"
        case .dueDate: return "due_at \(dir) NULLS LAST, id \(dir)"
        case .priority: return "priority \(dir), id \(dir)"
        case .status: return "status \(dir), id \(dir)"
        case .title: return "title_key \(dir), id \(dir)"
        }
    }

    /// `condition` with its one `$` numbered as the next parameter.
    private mutating func add<Value: PostgresDynamicTypeEncodable>(_ condition: String, _ value: Value) {
        binds.append(value)
        conditions.append(condition.replacingOccurrences(of: "$", with: "$\(binds.count)"))
    }
}
