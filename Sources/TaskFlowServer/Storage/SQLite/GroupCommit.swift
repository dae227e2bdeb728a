import GRDB
import Synchronization

/// Group commit for the SQLite writer. With `synchronous = FULL` every commit waits for an
/// fsync, so writes queued one behind another each paid for their own. Here the writes
/// that arrive while a commit is in progress go together into the next transaction, each
/// in its own savepoint (a write that fails is undone alone and fails alone), and share
/// one fsync. Each caller is answered only after that commit, so an acknowledged write is
/// still on disk.
final class GroupCommit: Sendable {
    private struct Pending: Sendable {
        let body: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private struct Queue {
        var pending: [Pending] = []
        var isFlushing = false
        var transactions = 0
    }

    /// A write failed in a way that undid the whole transaction (SQLite rolls back by itself
    /// on a full disk or an I/O error), taking the batch's earlier writes with it.
    private struct TransactionLost: Error {}

    private let pool: DatabasePool
    private let queue = Mutex(Queue())
    /// Most writes in one transaction, so one batch cannot hold the writer for long.
    private let maxBatch: Int

    init(pool: DatabasePool, maxBatch: Int = 128) {
        self.pool = pool
        self.maxBatch = maxBatch
    }

    /// Transactions committed so far (for tests: fewer than the writes means batching).
    var transactionCount: Int { queue.withLock { $0.transactions } }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { continuation in
            let startsFlushing = queue.withLock { queue in
                queue.pending.append(Pending(body: { try body($0) }, continuation: continuation))
                defer { queue.isFlushing = true }
                return !queue.isFlushing
            }
            if startsFlushing { Task { await self.flushUntilEmpty() } }
        }
        return value as! T  // `Pending.body` wraps exactly this `T`.
    }

    private func flushUntilEmpty() async {
        while true {
            let batch = queue.withLock { queue -> [Pending] in
                let batch = Array(queue.pending.prefix(maxBatch))
                queue.pending.removeFirst(batch.count)
                if batch.isEmpty { queue.isFlushing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Pending]) async {
        let bodies = batch.map(\.body)
        do {
            let results = try await pool.write { db -> [Result<any Sendable, any Error>] in
                var results: [Result<any Sendable, any Error>] = []
                for body in bodies {
                    do {
                        var value: (any Sendable)?
                        try db.inSavepoint {
                            value = try body(db)
                            return .commit
                        }
                        results.append(.success(value!))
                    } catch {
                        guard db.isInsideTransaction else { throw TransactionLost() }
                        results.append(.failure(error))
                    }
                }
                return results
            }
            queue.withLock { $0.transactions += 1 }
            for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result) }
        } catch is TransactionLost {
            // Nothing of the batch was committed. Each write gets its own transaction
            // instead, so the ones that still fit are stored, as without batching.
            for pending in batch {
                do {
                    pending.continuation.resume(returning: try await pool.write(pending.body))
                } catch {
                    pending.continuation.resume(throwing: error)
                }
            }
        } catch {
            // The commit itself failed: nothing of the batch is stored.
            for pending in batch { pending.continuation.resume(throwing: error) }
        }
    }
}
