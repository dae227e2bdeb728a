import Foundation
import TaskFlowCore

/// Finds changes by polling the most recently updated tasks with `If-None-Match`, so an
/// unchanged list costs a 304 that the server does not count against the rate limit.
///
/// It compares each answer with the last one: a new id is `created` (or `updated` if it is
/// older than anything seen before), a higher version is `updated`, and a missing id is
/// `deleted` when the window held every task. When the window is partial and the total
/// went down, it cannot tell which task went, so it asks for a `resync`.
struct TaskPoller {
    let client: APIClient
    let query = TaskQuery(limit: TaskQuery.maxLimit, sort: TaskSort(.updatedAt, descending: true))
    private var etag: String?
    private var known: [String: TaskItem]?
    private var knownTotal = 0

    init(client: APIClient) { self.client = client }

    /// Forget the snapshot; the next poll takes a fresh one and reports nothing.
    mutating func reset() {
        etag = nil
        known = nil
    }

    mutating func poll() async throws -> [LiveUpdate] {
        guard let response = try await client.tasks(query, ifNoneMatch: etag) else { return [] }
        etag = response.etag
        let page = response.value
        let fresh = Dictionary(page.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        defer {
            known = fresh
            knownTotal = page.pagination.total
        }
        guard let previous = known else { return [] }

        var updates: [LiveUpdate] = []
        let newestSeen = previous.values.map(\.updatedAt).max() ?? .distantPast
        for task in page.tasks.reversed() {
            if let old = previous[task.id] {
                if task.version > old.version { updates.append(.event(.updated(task))) }
            } else {
                updates.append(.event(task.createdAt > newestSeen || previous.isEmpty ? .created(task) : .updated(task)))
            }
        }
        let windowHoldsAll = page.pagination.total <= page.tasks.count
        let missing = previous.values.filter { fresh[$0.id] == nil }.sorted { $0.updatedAt < $1.updatedAt }
        if windowHoldsAll {
            updates += missing.map { .event(.deleted(id: $0.id, version: $0.version + 1)) }
        } else if page.pagination.total < knownTotal + updates.filter(\.isCreation).count {
            updates.append(.resync)
        }
        return updates
    }

    /// How long to wait before the next poll: `base`, stretched so that polling uses at
    /// most half of what is left of the rate-limit window.
    static func interval(base: Duration, rateLimit: RateLimitStatus?, now: Date) -> Duration {
        guard let limits = rateLimit else { return base }
        let secondsLeft = max(limits.resetsAt.timeIntervalSince(now), 0)
        if limits.remaining <= 1 { return max(base, .seconds(secondsLeft + 1)) }
        let spread = secondsLeft / (Double(limits.remaining) / 2)
        return max(base, .milliseconds(Int(spread * 1000)))
    }
}

private extension LiveUpdate {
    var isCreation: Bool {
        if case .event(.created) = self { return true }
        return false
    }
}
