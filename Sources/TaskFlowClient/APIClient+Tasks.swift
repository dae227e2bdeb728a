import Foundation
import TaskFlowCore

extension APIClient {
    /// `GET /tasks`: one page.
    public func tasks(_ query: TaskQuery = TaskQuery()) async throws -> APIResponse<TaskPage> {
        try await perform(Call(method: .get, path: "/tasks", query: query.queryItems), as: TaskPage.self)!
    }

    /// `GET /tasks` with `If-None-Match`: nil when nothing changed since `etag`.
    public func tasks(_ query: TaskQuery, ifNoneMatch etag: String?) async throws -> APIResponse<TaskPage>? {
        var call = Call(method: .get, path: "/tasks", query: query.queryItems)
        call.headers["If-None-Match"] = etag
        return try await perform(call, as: TaskPage.self)
    }

    /// Every task matching `query`, walking the pages `limit` at a time from `query.page`.
    public func allTasks(_ query: TaskQuery = TaskQuery()) async throws -> [TaskItem] {
        var query = query
        var tasks: [TaskItem] = []
        while true {
            let page = try await self.tasks(query).value
            tasks += page.tasks
            if page.tasks.isEmpty || query.page >= page.pagination.pages { return tasks }
            query.page += 1
        }
    }

    /// `GET /tasks/{id}`.
    public func task(id: String) async throws -> APIResponse<TaskItem> {
        try await perform(Call(method: .get, path: Self.taskPath(id)), as: TaskItem.self)!
    }

    /// `POST /tasks`. The idempotency key makes a retry (after a 429 or a lost answer)
    /// replay the first result instead of creating a second task.
    public func createTask(_ fields: TaskChanges, idempotencyKey: String = UUID().uuidString) async throws -> APIResponse<TaskItem> {
        var call = Call(method: .post, path: "/tasks", body: try TaskFlowJSON.encode(fields))
        call.headers["Idempotency-Key"] = idempotencyKey
        return try await perform(call, as: TaskItem.self)!
    }

    /// `PATCH /tasks/{id}`: only the fields set in `changes` change. With `expectedVersion`
    /// the server refuses (412) if someone changed the task since.
    public func updateTask(id: String, _ changes: TaskChanges, expectedVersion: Int? = nil) async throws -> APIResponse<TaskItem> {
        var call = Call(method: .patch, path: Self.taskPath(id), body: try TaskFlowJSON.encode(changes))
        call.headers["If-Match"] = expectedVersion.map { "\"\($0)\"" }
        return try await perform(call, as: TaskItem.self)!
    }

    /// `DELETE /tasks/{id}`.
    public func deleteTask(id: String, expectedVersion: Int? = nil) async throws {
        var call = Call(method: .delete, path: Self.taskPath(id))
        call.headers["If-Match"] = expectedVersion.map { "\"\($0)\"" }
        _ = try await perform(call) { _ in NoContent() }
    }

    /// `GET /tasks/stats`.
    public func stats() async throws -> APIResponse<TaskStats> {
        try await perform(Call(method: .get, path: "/tasks/stats"), as: TaskStats.self)!
    }

    /// `GET /tasks/stats` with `If-None-Match`: nil when unchanged.
    public func stats(ifNoneMatch etag: String?) async throws -> APIResponse<TaskStats>? {
        var call = Call(method: .get, path: "/tasks/stats")
        call.headers["If-None-Match"] = etag
        return try await perform(call, as: TaskStats.self)
    }

    /// IDs are opaque, so every character outside the unreserved set is escaped.
    static func taskPath(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "/tasks/" + (id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id)
    }
}
