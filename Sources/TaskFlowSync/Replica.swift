import Foundation
import GRDB
import Synchronization
import TaskFlowClient
import TaskFlowCore
import TaskFlowSQLite

/// The local copy of one user's tasks on one server (DESIGN.md, "The local copy"): one
/// SQLite file, 0600, holding
/// - `tasks`: what the user sees, the server's state with the pending changes applied;
/// - `base`: the server's state of each task that has pending changes (to rebase them on);
/// - `journal`: the pending operations, in order, written with a full fsync before the
///   screen shows the change;
/// - `conflicts`, `history` (undo and redo), and `meta` (the sync cursor).
/// Reads come from here; `SyncEngine` moves changes both ways.
public final class Replica: Sendable {
    let pool: DatabasePool
    public let userID: String
    public let path: String
    /// The short ids of the last id set read, with the generation they were made for.
    let shortIDCache = Mutex<(generation: Int, ids: ShortIDs)?>(nil)

    public init(path: String, userID: String) throws {
        self.path = path
        self.userID = userID
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Two processes opening a new copy at once (a window and a command) would both try
        // to create its tables: they take turns.
        let lock = try FileLock.acquireBlocking(at: path + ".lock")
        defer { withExtendedLifetime(lock) {} }
        // Created 0600 before SQLite opens it: -wal and -shm take the file's mode.
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ReplicaError("cannot create the local copy at \(path)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        pool = try ConnectionSettings.openPool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-replica") { db in
            try db.execute(sql: TaskTable.schema)
            try db.execute(sql: """
                CREATE TABLE base (id TEXT PRIMARY KEY, task TEXT);
                CREATE TABLE journal (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    action INTEGER NOT NULL,
                    task_id TEXT,
                    op TEXT NOT NULL
                );
                CREATE TABLE conflicts (id TEXT PRIMARY KEY, mine TEXT, theirs TEXT, noted_at INTEGER NOT NULL);
                CREATE TABLE history (
                    action INTEGER PRIMARY KEY,
                    label TEXT NOT NULL,
                    steps TEXT NOT NULL,
                    undone INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v2-id-generation") { db in
            // Counts every id that comes or goes (an upsert that updates is no insert), so
            // the short ids are made again only when the set of ids has changed.
            try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('id_generation', '0')")
            for table in ["tasks", "conflicts"] {
                for event in ["INSERT", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_id_generation_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN
                            UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'id_generation';
                        END
                        """)
                }
            }
        }
        return migrator
    }

    // MARK: reads

    /// A page of the tasks as the user sees them, by the server's own query semantics.
    public func page(_ query: TaskQuery, now: Date = Date()) throws -> TaskPage {
        let (tasks, total) = try pool.read { db in try TaskListing.page(db, userID: userID, query: query, now: now) }
        return TaskPage(tasks: tasks, pagination: Pagination(page: query.page, limit: query.limit, total: total))
    }

    /// The stats of the tasks `query` selects (every task without one).
    public func stats(matching query: TaskQuery? = nil, now: Date = Date()) throws -> TaskStats {
        try pool.read { db in try TaskListing.stats(db, userID: userID, query: query, now: now) }
    }

    public func task(id: String) throws -> TaskItem? {
        try pool.read { db in try Self.task(id: id, db: db) }
    }

    /// Where sync continues from; nil before the first complete snapshot.
    public var cursor: String? {
        get throws { try pool.read { db in try Self.meta("cursor", db: db) } }
    }

    /// Operations written but not yet acknowledged by the server.
    public var pendingCount: Int {
        get throws { try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal") ?? 0 } }
    }

    public var conflicts: [Conflict] {
        get throws {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, mine, theirs FROM conflicts ORDER BY noted_at, id").map { row in
                    Conflict(id: row[0], mine: try Self.decodeTask(row[1]), theirs: try Self.decodeTask(row[2]))
                }
            }
        }
    }

    // MARK: shared helpers

    static func task(id: String, db: Database) throws -> TaskItem? {
        try Row.fetchOne(db, sql: "SELECT \(TaskRow.columns) FROM tasks WHERE id = ?", arguments: [id]).map(TaskRow.task(from:))
    }

    func store(_ task: TaskItem, db: Database) throws {
        try db.cachedStatement(sql: TaskTable.upsertSQL).execute(arguments: TaskRow.upsertArguments(task, userID: userID))
    }

    static func remove(id: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM tasks WHERE id = ?").execute(arguments: [id])
    }

    static func meta(_ key: String, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ key: String, _ value: String?, db: Database) throws {
        if let value {
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key])
        }
    }

    static func encodeTask(_ task: TaskItem?) throws -> String? {
        try task.map { String(decoding: try TaskFlowJSON.encode($0), as: UTF8.self) }
    }

    static func decodeTask(_ text: String?) throws -> TaskItem? {
        try text.map { try TaskFlowJSON.decode(TaskItem.self, from: Data($0.utf8)) }
    }

    /// Removes the file and its -wal and -shm (logout).
    public static func remove(at path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// A task whose local change the server refused because it changed elsewhere (412): both
/// versions, for the user to choose field by field.
public struct Conflict: Sendable, Equatable {
    public var id: String
    /// What this client wanted (nil: it wanted the task deleted).
    public var mine: TaskItem?
    /// What the server holds (nil: deleted there).
    public var theirs: TaskItem?

    public init(id: String, mine: TaskItem?, theirs: TaskItem?) {
        self.id = id
        self.mine = mine
        self.theirs = theirs
    }
}

public struct ReplicaError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
