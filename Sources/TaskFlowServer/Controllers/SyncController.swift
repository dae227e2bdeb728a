import Foundation
import Hummingbird
import TaskFlowCore

/// `GET /api/v1/sync`: a snapshot of the user's tasks, then every change after a cursor,
/// for clients that keep a local copy (API.md "Sync and batch").
struct SyncController<Store: TaskRepository>: Sendable {
    let store: Store

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: sync)
    }

    @Sendable func sync(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        var cursorText = "", limit = SyncLimits.defaultPage, problems: [FieldProblem] = []
        for (name, value) in QueryString.pairs(request.uri.query) {
            switch name {
            case "cursor": cursorText = value
            case "limit":
                if let n = Int(value), (1...SyncLimits.maxPage).contains(n) { limit = n } else {
                    problems.append(FieldProblem("limit", "must be a whole number from 1 to \(SyncLimits.maxPage)"))
                }
            default: continue  // Unknown parameters are ignored, as on GET /tasks.
            }
        }
        if !problems.isEmpty { throw APIError.validation(ValidationFailure(problems)) }

        // Nothing new since the cursor costs a counter lookup, not a query (and, as a 304,
        // nothing against the rate limit). The tag is checked before the cursor is decoded:
        // a tag is only ever given out with an answer to a valid cursor.
        let counter = try await store.changeCounter(userID: userID)
        let tag = EntityTag.make(counter: counter, parts: ["sync", userID, cursorText, String(limit)])
        let headers: HTTPFields = [.eTag: tag, .cacheControl: "private, no-cache"]
        if EntityTag.matches(ifNoneMatch: request.headers[.ifNoneMatch], tag: tag) {
            return Response(status: .notModified, headers: headers)
        }
        // An empty cursor is a fresh start, as no cursor is.
        let after = cursorText.isEmpty ? nil : SyncCursor.decode(cursorText)
        if !cursorText.isEmpty, after == nil {
            throw APIError.validation(FieldProblem("cursor", "is not a cursor from this server; start again without one"))
        }
        switch try await store.syncChanges(userID: userID, after: after, limit: limit) {
        case .expired:
            throw APIError(.gone, "cursor_expired", "this cursor is older than the changes the server keeps; sync again without a cursor")
        case .page(let changes, let cursor, let more):
            var w = JSONWriter(capacity: 64 + 400 * changes.count)
            w.raw("{\"changes\":[")
            for (index, change) in changes.enumerated() {
                if index > 0 { w.raw(",") }
                switch change {
                case .upsert(let task, _):
                    w.raw("{\"op\":\"upsert\",\"task\":")
                    task.writeJSON(into: &w)
                    w.raw("}")
                case .delete(let id, let version, _):
                    w.raw("{\"id\":")
                    w.string(id)
                    w.raw(",\"op\":\"delete\",\"version\":")
                    w.int(version)
                    w.raw("}")
                }
            }
            w.raw("],\"cursor\":")
            w.string(SyncCursor.encode(cursor))
            w.raw(more ? ",\"more\":true}" : ",\"more\":false}")
            return JSONResponse.bytes(w.bytes, headers: headers)
        }
    }
}

/// `limit` of `GET /sync`.
enum SyncLimits {
    static let defaultPage = 1000
    static let maxPage = 5000
}
