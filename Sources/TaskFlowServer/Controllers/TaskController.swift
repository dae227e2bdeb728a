import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import TaskFlowCore

/// `/api/v1/tasks`: every route scoped to the signed-in user; another user's task is 404.
struct TaskController<Store: TaskRepository>: Sendable {
    let store: Store
    let events: any LiveEventPublisher
    let clock: any ServerClock
    let totals = ListTotals()
    let pages = ListPageCache()

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get("stats", use: stats)
        group.get(":id", use: show)
        group.put(":id", use: update)
        group.patch(":id", use: update)
        group.delete(":id", use: delete)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let query: TaskQuery
        do {
            query = try TaskQuery.parse(QueryString.pairs(request.uri.query))
        } catch {
            throw APIError.validation(error)
        }
        let now = clock.now
        let counter = try await store.changeCounter(userID: userID)
        // The user is part of the tag: counters are per user, so two users' lists would
        // otherwise share tags, and a client that switches accounts would get a wrong 304.
        let tag = EntityTag.make(
            counter: counter, parts: ["list", userID, query.canonicalKey] + (query.overdue ? [EntityTag.minute(now)] : []))
        if EntityTag.matches(ifNoneMatch: request.headers[.ifNoneMatch], tag: tag) { return Self.notModified(tag) }
        let headers: HTTPFields = [.eTag: tag, .cacheControl: "private, no-cache"]
        let minute = query.overdue ? EntityTag.minute(now) : ""
        let pageKey = [userID, String(counter), query.canonicalKey, minute].joined(separator: "\u{1F}")
        if let body = pages.page(for: pageKey) { return JSONResponse.body(body, headers: headers) }
        let totalKey = [userID, String(counter), query.filterKey, minute].joined(separator: "\u{1F}")
        let (tasks, total) = try await store.listTasks(userID: userID, query: query, now: now, knownTotal: totals.total(for: totalKey))
        totals.remember(total, for: totalKey)
        let page = TaskPage(tasks: tasks, pagination: Pagination(page: query.page, limit: query.limit, total: total))
        let body = JSONResponse.body(page)
        pages.remember(body, for: pageKey)
        return JSONResponse.body(body, headers: headers)
    }

    @Sendable func stats(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let now = clock.now
        let counter = try await store.changeCounter(userID: userID)
        let tag = EntityTag.make(counter: counter, parts: ["stats", userID, EntityTag.minute(now)])
        if EntityTag.matches(ifNoneMatch: request.headers[.ifNoneMatch], tag: tag) { return Self.notModified(tag) }
        return try JSONResponse.make(try await store.stats(userID: userID, now: now), headers: [.eTag: tag, .cacheControl: "private, no-cache"])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        guard let task = try await store.task(userID: userID, id: try taskID(context)) else { throw Self.notFound }
        return JSONResponse.make(task, headers: [.eTag: "\"\(task.version)\""])
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let body = try await RequestBody.data(request, context: context)
        let draft = try TaskInput.draft(from: body)
        let claim = try idempotencyClaim(request, body: body)
        return try await answer(.create(draft, idempotency: claim), userID: userID)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let id = try taskID(context)
        let changes = try TaskInput.validated(RequestBody.decode(TaskChanges.self, from: try await RequestBody.data(request, context: context)))
        let expected = try await expectedVersion(request, userID: userID, id: id)
        return try await answer(.update(id: id, changes: changes, expectedVersion: expected), userID: userID)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let id = try taskID(context)
        let expected = try await expectedVersion(request, userID: userID, id: id)
        return try await answer(.delete(id: id, expectedVersion: expected), userID: userID)
    }

    /// Applies one write, sends its event and answers with the task (its version as ETag).
    private func answer(_ write: TaskWrite, userID: String) async throws -> Response {
        let outcome = try await store.applyWrite(userID: userID, write, now: clock.now)
        if let event = outcome.event { await events.publish(event, to: userID) }
        if let error = outcome.error { throw error }
        if case .replayed(let taskID, let body) = outcome {
            return JSONResponse.raw(body, status: .created, headers: [.location: Self.location(taskID)])
        }
        guard let task = outcome.task else { return Response(status: outcome.status) }
        var headers: HTTPFields = [.eTag: "\"\(task.version)\""]
        if outcome.status == .created { headers[.location] = Self.location(task.id) }
        return JSONResponse.make(task, status: outcome.status, headers: headers)
    }

    // MARK: helpers

    private static var notFound: APIError { .notFound("task not found") }

    private static func location(_ id: String) -> String { "/api/v1/tasks/\(id)" }

    private static func notModified(_ tag: String) -> Response {
        Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "private, no-cache"])
    }

    private func taskID(_ context: AppRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty, id.utf8.count <= 64 else { throw Self.notFound }
        return id
    }

    private func idempotencyClaim(_ request: Request, body: Data) throws -> IdempotencyClaim? {
        guard let key = request.headers[.idempotencyKey] else { return nil }
        guard (1...255).contains(key.count) else { throw APIError.badRequest("Idempotency-Key must be 1–255 characters") }
        let hash = Hex.encode(SHA256.hash(data: body))
        return IdempotencyClaim(key: key, bodyHash: hash)
    }

    /// The version `If-Match` insists on. `*` and a list of versions are resolved against
    /// the current task; the repository then checks the version again inside its write.
    private func expectedVersion(_ request: Request, userID: String, id: String) async throws -> Int? {
        guard let ifMatch = EntityTag.expectedVersions(ifMatch: request.headers[.ifMatch]) else { return nil }
        guard let current = try await store.task(userID: userID, id: id) else { throw Self.notFound }
        switch ifMatch {
        case .any:
            return current.version
        case .versions(let versions):
            guard versions.contains(current.version) else { throw APIError.stale(current) }
            return current.version
        }
    }
}
