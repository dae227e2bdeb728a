import Foundation
import TaskFlowClient
import TaskFlowCore

/// Moves changes between a `Replica` and the server: pending operations out, in journal
/// order and in batches of up to 100 (one request each), then the server's changes in,
/// from the replica's cursor. Safe to call again at any time: a batch that got no answer is
/// sent again (creates carry their id and an idempotency key, updates the version they were
/// based on), so nothing lands twice.
public actor SyncEngine {
    public let replica: Replica
    let api: APIClient
    private(set) public var lastError: ClientError?
    private(set) public var notices: [SyncNotice] = []

    /// A first snapshot in pages of 5,000 (the most the server gives): 100,000 tasks in 20
    /// requests, not 100, which would be the whole default rate-limit budget. Changes after
    /// it in pages of 1,000. Tests page in smaller steps.
    let snapshotPageSize: Int
    let changesPageSize: Int

    public init(replica: Replica, api: APIClient, snapshotPageSize: Int = 5000, changesPageSize: Int = 1000) {
        self.replica = replica
        self.api = api
        self.snapshotPageSize = snapshotPageSize
        self.changesPageSize = changesPageSize
    }

    /// The sync under way: callers that come while it runs wait for it rather than start
    /// another (an actor lets a second call in at every await).
    private var inFlight: Task<SyncReport, any Error>?

    /// Push, then pull. Throws what stopped it (the server unreachable, a session ended);
    /// what was done before stays done.
    @discardableResult
    public func sync() async throws -> SyncReport {
        if let inFlight { return try await inFlight.value }
        let run = Task { try await self.pushThenPull() }
        inFlight = run
        defer { inFlight = nil }
        return try await run.value
    }

    private func pushThenPull() async throws -> SyncReport {
        do {
            let sent = try await push()
            let received = try await pull()
            lastError = nil
            return SyncReport(sent: sent, received: received)
        } catch let error as ClientError {
            lastError = error
            throw error
        }
    }

    /// Sends every pending operation; returns how many the server answered.
    public func push() async throws -> Int {
        var sent = 0
        while true {
            let batch = try replica.pending(limit: APIClient.batchLimit)
            guard !batch.isEmpty else { return sent }
            let results = try await api.batch(batch.map(\.op))
            notices += try replica.acknowledge(Array(zip(batch, results)))
            sent += batch.count
        }
    }

    /// Takes in every change since the cursor (or a snapshot); returns how many. While one
    /// page is written to the replica the next is already on its way: the server's work
    /// and the decoding overlap the writing (on two cores a snapshot takes a third less).
    public func pull() async throws -> Int {
        var received = 0
        var cursor = try replica.cursor
        // Still paging a snapshot: it keeps the large pages until it is done.
        var fromScratch = cursor == nil
        var next: Task<APIResponse<SyncPage>?, any Error>?
        defer { next?.cancel() }
        while true {
            let answer: APIResponse<SyncPage>?
            do {
                if let started = next {
                    next = nil
                    answer = try await started.value
                } else {
                    answer = try await request(from: cursor, fromScratch: fromScratch)
                }
            } catch let error as ClientError where error.isCursorExpired {
                try replica.forgetCursor()
                cursor = nil
                fromScratch = true
                continue
            }
            guard let answer else { return received }  // 304: nothing new
            let page = answer.value
            if page.more {
                let (api, tag, limit) = (api, try replica.pollTag(at: page.cursor), pageLimit(fromScratch: fromScratch))
                next = Task { try await api.sync(cursor: page.cursor, limit: limit, ifNoneMatch: tag) }
            }
            try replica.apply(page, fromScratch: cursor == nil)
            if !page.more { fromScratch = false }
            received += page.changes.count
            if !page.more {
                if page.changes.isEmpty, let etag = answer.etag { try replica.setPollTag(etag, at: page.cursor) }
                return received
            }
            cursor = page.cursor
        }
    }

    private func request(from cursor: String?, fromScratch: Bool) async throws -> APIResponse<SyncPage>? {
        // The last empty page's ETag: a free 304 while nothing changes.
        let tag = try replica.pollTag(at: cursor)
        return try await api.sync(cursor: cursor, limit: pageLimit(fromScratch: fromScratch), ifNoneMatch: tag)
    }

    private func pageLimit(fromScratch: Bool) -> Int { fromScratch ? snapshotPageSize : changesPageSize }

    /// Notices gathered since the last call.
    public func takeNotices() -> [SyncNotice] {
        defer { notices = [] }
        return notices
    }
}

public struct SyncReport: Sendable, Equatable {
    public var sent: Int
    public var received: Int
}
