import Foundation
import HummingbirdTesting
import TaskFlowCore
import TaskFlowTestSupport

/// `GET /sync`'s answer as a client reads it.
struct SyncPageBody: Decodable, Equatable {
    struct Change: Decodable, Equatable {
        var op: String
        var task: TaskItem?
        var id: String?
        var version: Int?
    }

    var changes: [Change]
    var cursor: String
    var more: Bool
}

/// A client's local copy built only from `GET /sync` pages, by the rules API.md gives a
/// client: a change not newer than what is held changes nothing.
struct SyncReplica {
    private(set) var tasks: [String: TaskItem] = [:]
    private(set) var cursor: String?

    mutating func apply(_ page: SyncPageBody) {
        for change in page.changes {
            if change.op == "upsert", let task = change.task {
                if let held = tasks[task.id], held.version >= task.version { continue }
                tasks[task.id] = task
            } else if change.op == "delete", let id = change.id, let version = change.version {
                if let held = tasks[id], held.version < version { tasks[id] = nil }
            }
        }
        cursor = page.cursor
    }

    /// Forgets everything, as a client does when its cursor expired or it starts afresh.
    mutating func reset() {
        tasks = [:]
        cursor = nil
    }

    /// Restarts from an older cursor this client was given (its copy stays, as after a
    /// crash that lost the newest cursor).
    mutating func rewind(to older: String) { cursor = older }
}

extension TestClientProtocol {
    /// One `GET /sync` page.
    func sync(cursor: String?, limit: Int? = nil, token: String) async throws -> SyncPageBody {
        var query: [String] = []
        if let cursor { query.append("cursor=\(cursor)") }
        if let limit { query.append("limit=\(limit)") }
        let response = try await json(.get, "/api/v1/sync" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")), token: token)
        guard response.status == .ok else { throw SupportError("GET /sync answered \(response.status): \(response.text)") }
        return try response.decode(SyncPageBody.self)
    }

    /// Pages from the replica's cursor until `more` is false.
    func catchUp(_ replica: inout SyncReplica, limit: Int? = nil, token: String) async throws {
        while true {
            let page = try await sync(cursor: replica.cursor, limit: limit, token: token)
            replica.apply(page)
            if !page.more { return }
        }
    }

    /// `POST /tasks/batch` with `ops` (JSON texts); the results, in order.
    func batch(_ ops: [String], token: String) async throws -> [BatchResultBody] {
        let response = try await json(.post, "/api/v1/tasks/batch", token: token, body: #"{"ops":["# + ops.joined(separator: ",") + "]}")
        guard response.status == .ok else { throw SupportError("POST /tasks/batch answered \(response.status): \(response.text)") }
        return try response.decode(BatchBody.self).results
    }
}

struct BatchBody: Decodable {
    var results: [BatchResultBody]
}

struct BatchResultBody: Decodable, Equatable {
    var status: Int
    var task: TaskItem?
    var error: ErrorBody.Payload?
}
