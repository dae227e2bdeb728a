import Foundation

/// The parameters of `GET /tasks`, shared by the server (parsing) and the client (building).
public struct TaskQuery: Sendable, Hashable {
    public static let maxLimit = 100
    public static let defaultLimit = 20

    public var page: Int
    public var limit: Int
    public var statuses: [TaskStatus]
    public var priorities: [TaskPriority]
    /// Full-text search; every word must match, the last as a prefix.
    public var search: String?
    public var dueBefore: DueBound?
    public var dueAfter: DueBound?
    public var overdue: Bool
    public var sort: TaskSort

    public init(
        page: Int = 1, limit: Int = TaskQuery.defaultLimit, statuses: [TaskStatus] = [], priorities: [TaskPriority] = [],
        search: String? = nil, dueBefore: DueBound? = nil, dueAfter: DueBound? = nil, overdue: Bool = false,
        sort: TaskSort = .default
    ) {
        self.page = page
        self.limit = limit
        self.statuses = statuses
        self.priorities = priorities
        self.search = search
        self.dueBefore = dueBefore
        self.dueAfter = dueAfter
        self.overdue = overdue
        self.sort = sort
    }

    /// The words of `search` as full-text search sees them: runs of letters, digits and
    /// combining marks. Everything else (quotes, `*`, parentheses, operators) separates words,
    /// so no input can change the meaning of the search expression.
    public var searchWords: [String] {
        guard let search else { return [] }
        var words: [String] = []
        var current = ""
        for scalar in search.unicodeScalars {
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil || props.generalCategory == .nonspacingMark
                || props.generalCategory == .spacingMark {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The query as URL parameters, defaults left out.
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        if page != 1 { items.append(.init(name: "page", value: String(page))) }
        if limit != Self.defaultLimit { items.append(.init(name: "limit", value: String(limit))) }
        if !statuses.isEmpty { items.append(.init(name: "status", value: statuses.map(\.rawValue).joined(separator: ","))) }
        if !priorities.isEmpty { items.append(.init(name: "priority", value: priorities.map(\.rawValue).joined(separator: ","))) }
        if let search, !search.isEmpty { items.append(.init(name: "q", value: search)) }
        if let dueBefore { items.append(.init(name: "dueBefore", value: dueBefore.description)) }
        if let dueAfter { items.append(.init(name: "dueAfter", value: dueAfter.description)) }
        if overdue { items.append(.init(name: "overdue", value: "true")) }
        if sort != .default { items.append(.init(name: "sort", value: sort.description)) }
        return items
    }

    /// A stable text of everything that decides the answer (for ETags and caches).
    public var canonicalKey: String { "p=\(page)&l=\(limit)&" + filterKey }

    /// A stable text of what decides which tasks match, whatever the page: equal keys
    /// (under one change counter) have equal totals.
    public var filterKey: String {
        let statusKey = Set(statuses).map(\.rawValue).sorted().joined(separator: ",")
        let priorityKey = Set(priorities).map(\.rawValue).sorted().joined(separator: ",")
        return [
            "s=\(statusKey)", "pr=\(priorityKey)", "q=\(searchWords.joined(separator: " "))",
            "db=\(dueBefore?.description ?? "")", "da=\(dueAfter?.description ?? "")", "o=\(overdue)", "so=\(sort)",
        ].joined(separator: "&")
    }
}
