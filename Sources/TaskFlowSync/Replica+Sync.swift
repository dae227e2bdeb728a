import Foundation
import GRDB
import TaskFlowCore

/// A journal entry on its way to the server.
public struct PendingOperation: Sendable, Equatable {
    public var seq: Int
    public var op: BatchOperation
}

/// What the user should hear about after a sync: a change the server refused.
public struct SyncNotice: Sendable, Equatable, CustomStringConvertible {
    public var taskID: String
    public var description: String
}

extension Replica {
    /// The oldest pending operations, at most `limit`, in journal order.
    public func pending(limit: Int) throws -> [PendingOperation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, op FROM journal ORDER BY seq LIMIT ?", arguments: [limit]).map { row in
                PendingOperation(seq: row[0], op: try TaskFlowJSON.decode(BatchOperation.self, from: Data((row[1] as String).utf8)))
            }
        }
    }

    /// Takes in the server's answers to sent operations: a success becomes the server's
    /// state of the task, 412 a conflict (never overwritten silently), and 400/404/409 a
    /// rollback with a notice saying why.
    @discardableResult
    public func acknowledge(_ answered: [(PendingOperation, BatchResult)], now: Date = Date()) throws -> [SyncNotice] {
        try pool.write { db in
            var notices: [SyncNotice] = []
            for (pending, result) in answered {
                try db.execute(sql: "DELETE FROM journal WHERE seq = ?", arguments: [pending.seq])
                guard let id = pending.op.taskID ?? result.task?.id else { continue }
                switch result.status {
                case 200, 201:
                    try setBase(id, result.task, db: db)
                case 204:
                    try setBase(id, nil, db: db)
                case 412:
                    let mine = try Self.task(id: id, db: db)
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO conflicts (id, mine, theirs, noted_at) VALUES (?, ?, ?, ?)",
                        arguments: [id, try Self.encodeTask(mine), try Self.encodeTask(result.task), now.millis])
                    try dropPending(of: id, db: db)
                    try setBase(id, result.task, db: db)
                    notices.append(SyncNotice(taskID: id, description: "changed elsewhere: kept both versions as a conflict"))
                case 404:
                    try dropPending(of: id, db: db)
                    try setBase(id, nil, db: db)
                    notices.append(SyncNotice(taskID: id, description: "was deleted elsewhere"))
                default:
                    // Refused for good (400, 409): undo it here, keep what follows.
                    try recompute(id, db: db)
                    let reason = result.error?.message ?? "refused (\(result.status))"
                    notices.append(SyncNotice(taskID: id, description: "not saved: \(reason)"))
                }
            }
            return notices
        }
    }

    /// Applies one `GET /sync` page and moves the cursor, in one transaction. A page from
    /// a fresh start (no cursor before it) first forgets every task that has no pending
    /// change: the snapshot brings back what still exists.
    public func apply(_ page: SyncPage, fromScratch: Bool) throws {
        try pool.write { db in
            if fromScratch {
                try db.execute(sql: "DELETE FROM tasks WHERE id NOT IN (SELECT id FROM base)")
            }
            // A snapshot page touches pages of eight indexes and the full-text index all
            // over the file; SQLite's default 2 MB cache spills them before the commit.
            // 16 MB: 100,000 tasks in 6.0 s instead of 7.6. Handed back after.
            let large = page.changes.count >= Self.largePage
            if large { try db.execute(sql: "PRAGMA cache_size = -16384") }
            defer { if large { try? db.execute(sql: "PRAGMA cache_size = -2000") } }
            for change in page.changes { try apply(change, db: db) }
            try Self.setMeta("cursor", page.cursor, db: db)
        }
    }

    /// Changes in a page from which a larger cache pays for itself.
    private static let largePage = 500

    /// A live event: the same as a sync change, without moving the cursor. One not newer
    /// than what is held changes nothing.
    public func apply(_ event: LiveEvent) throws {
        try pool.write { db in
            switch event {
            case .created(let task), .updated(let task): try apply(.upsert(task), db: db)
            case .deleted(let id, let version): try apply(.delete(id: id, version: version), db: db)
            }
        }
    }

    /// The `ETag` of the last answer from `cursor` that brought nothing new. Kept in the
    /// file, so the next poll from there is a free 304 whichever process makes it (every
    /// CLI command is a new process).
    public func pollTag(at cursor: String?) throws -> String? {
        try pool.read { db in
            guard let cursor, try Self.meta("poll_cursor", db: db) == cursor else { return nil }
            return try Self.meta("poll_etag", db: db)
        }
    }

    public func setPollTag(_ etag: String, at cursor: String) throws {
        try pool.write { db in
            try Self.setMeta("poll_cursor", cursor, db: db)
            try Self.setMeta("poll_etag", etag, db: db)
        }
    }

    /// Starts the next sync from scratch (the server no longer honours the cursor).
    public func forgetCursor() throws {
        try pool.write { db in try Self.setMeta("cursor", nil, db: db) }
    }

    private func apply(_ change: SyncPage.Change, db: Database) throws {
        switch change {
        case .upsert(let task):
            if try hasBase(task.id, db: db) {
                let held = try base(task.id, db: db)
                if let held, held.version >= task.version { return }
                try setBase(task.id, task, db: db)
            } else {
                if let held = try heldVersion(task.id, db: db), held >= task.version { return }
                try store(task, db: db)
            }
        case .delete(let id, let version):
            if try hasBase(id, db: db) {
                if let held = try base(id, db: db), held.version >= version { return }
                try setBase(id, nil, db: db)
            } else {
                if let held = try heldVersion(id, db: db), held >= version { return }
                try Self.remove(id: id, db: db)
            }
        }
    }

    // MARK: base and rebasing

    // The two lookups every incoming change makes: compiled once per connection.
    private func hasBase(_ id: String, db: Database) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM base WHERE id = ?"), arguments: [id]) != nil
    }

    private func heldVersion(_ id: String, db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM tasks WHERE id = ?"), arguments: [id])
    }

    private func base(_ id: String, db: Database) throws -> TaskItem? {
        try Self.decodeTask(try String.fetchOne(db, sql: "SELECT task FROM base WHERE id = ?", arguments: [id]))
    }

    /// Records the server's state of `id` and rebuilds the visible row from it and the
    /// changes still pending; with none pending, the row is the server's state.
    private func setBase(_ id: String, _ task: TaskItem?, db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO base (id, task) VALUES (?, ?)", arguments: [id, try Self.encodeTask(task)])
        try recompute(id, db: db)
    }

    private func dropPending(of id: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM journal WHERE task_id = ?", arguments: [id])
    }

    /// The visible row of `id`: its base with the pending operations applied in order.
    func recompute(_ id: String, db: Database) throws {
        var task = try base(id, db: db)
        let ops = try String.fetchAll(db, sql: "SELECT op FROM journal WHERE task_id = ? ORDER BY seq", arguments: [id])
        for text in ops {
            switch try TaskFlowJSON.decode(BatchOperation.self, from: Data(text.utf8)) {
            case .create(_, let fields, _):
                task = TaskItem(
                    created: fields, id: id, at: Date(millis: Date().millis), createdAt: task?.createdAt, version: (task?.version ?? 0) + 1)
            case .update(_, let changes, _):
                if let current = task, let next = current.applying(changes, now: Date()) { task = next }
            case .delete:
                task = nil
            }
        }
        if let task { try store(task, db: db) } else { try Self.remove(id: id, db: db) }
        if ops.isEmpty { try db.execute(sql: "DELETE FROM base WHERE id = ?", arguments: [id]) }
    }
}
