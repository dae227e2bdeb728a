import Foundation

/// Parsing `GET /tasks` parameters, with a field-named error for each bad value.
extension TaskQuery {
    public static func parse(_ parameters: [(name: String, value: String)]) throws(ValidationFailure) -> TaskQuery {
        var query = TaskQuery()
        var problems: [FieldProblem] = []
        for (name, value) in parameters {
            switch name {
            case "page":
                if let n = Int(value), n >= 1, n <= 10_000_000 { query.page = n } else {
                    problems.append(.init("page", "must be a whole number from 1"))
                }
            case "limit":
                if let n = Int(value), (1...maxLimit).contains(n) { query.limit = n } else {
                    problems.append(.init("limit", "must be a whole number from 1 to \(maxLimit)"))
                }
            case "status":
                let parsed = parseList(value, as: TaskStatus.self)
                if let parsed { query.statuses = parsed } else {
                    problems.append(.init("status", "must be a comma-separated list of todo, in-progress, done"))
                }
            case "priority":
                let parsed = parseList(value, as: TaskPriority.self)
                if let parsed { query.priorities = parsed } else {
                    problems.append(.init("priority", "must be a comma-separated list of low, medium, high"))
                }
            case "q":
                query.search = value
            case "dueBefore", "dueAfter":
                if let bound = DueBound(value) {
                    if name == "dueBefore" { query.dueBefore = bound } else { query.dueAfter = bound }
                } else {
                    problems.append(.init(name, "must be a date (YYYY-MM-DD) or an RFC 3339 timestamp"))
                }
            case "overdue":
                switch value {
                case "true", "1": query.overdue = true
                case "false", "0", "": query.overdue = false
                default: problems.append(.init("overdue", "must be true or false"))
                }
            case "sort":
                if let sort = TaskSort(value) { query.sort = sort } else {
                    problems.append(.init("sort", "must be one of \(TaskSort.allowedValues), with - for descending"))
                }
            default:
                continue  // Unknown parameters are ignored, as GitHub's API does.
            }
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return query
    }

    private static func parseList<T: RawRepresentable>(_ value: String, as: T.Type) -> [T]? where T.RawValue == String {
        let parts = value.split(separator: ",", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        var result: [T] = []
        for part in parts {
            guard let v = T(rawValue: part) else { return nil }
            result.append(v)
        }
        return result
    }
}

