import Foundation
import TaskFlowCore

extension APIClient {
    /// Most ops one `POST /tasks/batch` may carry.
    public static let batchLimit = 100

    /// `GET /sync`: the next page after `cursor` (nil: a snapshot from the start). With
    /// `ifNoneMatch`, nil when nothing changed (a 304, free of the rate limit). A cursor the
    /// server no longer honours throws the 410 `cursor_expired` error: start again.
    public func sync(cursor: String?, limit: Int = 1000, ifNoneMatch etag: String? = nil) async throws -> APIResponse<SyncPage>? {
        var query = [URLQueryItem(name: "limit", value: String(limit))]
        if let cursor { query.append(URLQueryItem(name: "cursor", value: cursor)) }
        var call = Call(method: .get, path: "/sync", query: query)
        call.headers["If-None-Match"] = etag
        return try await perform(call, as: SyncPage.self)
    }

    /// `POST /tasks/batch`: up to `batchLimit` ops, one result each, in order.
    public func batch(_ operations: [BatchOperation]) async throws -> [BatchResult] {
        let body = try TaskFlowJSON.encode(["ops": operations])
        let results = try await perform(Call(method: .post, path: "/tasks/batch", body: body), as: BatchAnswer.self)!.value.results
        guard results.count == operations.count else {
            throw ClientError(.unexpectedResponse(
                server: server.description, status: 200, detail: "\(results.count) results for a batch of \(operations.count) ops"))
        }
        return results
    }
}

extension ClientError {
    /// The sync cursor is older than what the server keeps: sync again from the start.
    public var isCursorExpired: Bool { status == 410 && code == "cursor_expired" }
}
