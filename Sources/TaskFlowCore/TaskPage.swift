/// One page of `GET /tasks`.
public struct TaskPage: Codable, Sendable, Equatable {
    public var tasks: [TaskItem]
    public var pagination: Pagination

    public init(tasks: [TaskItem], pagination: Pagination) {
        self.tasks = tasks
        self.pagination = pagination
    }
}

/// Where a page sits in the whole result. `total` is the server's count, never a cut-off.
public struct Pagination: Codable, Sendable, Equatable {
    public var page: Int
    public var limit: Int
    public var total: Int
    public var pages: Int

    public init(page: Int, limit: Int, total: Int) {
        self.page = page
        self.limit = limit
        self.total = total
        self.pages = limit > 0 ? (total + limit - 1) / limit : 0
    }
}
