import Foundation
import GRDB
import TaskFlowCore
import TaskFlowSQLite

/// The embedded store: one SQLite file in WAL mode, written with full fsync so an
/// acknowledged write survives a crash of the process (and of the machine); writes that
/// arrive together share one commit (`GroupCommit`). One server process owns the file;
/// several instances share PostgreSQL instead.
public final class SQLiteStore: Sendable {
    let pool: DatabasePool
    /// Every write goes through it: concurrent writes share a transaction and its fsync.
    let writer: GroupCommit
    /// The per-user change counters as last committed (see `changeCounter`).
    let counters = ChangeCounterMirror()

    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // SQLite creates -wal and -shm with the database file's mode, so making the file
        // 0600 ourselves, before SQLite opens it, keeps all three private.
        try PrivateFile.createIfMissing(path)
        pool = try ConnectionSettings.openPool(path: path, configuration: config)
        try SQLiteMigrations.migrator.migrate(pool)
        writer = GroupCommit(pool: pool)
    }
}

extension SQLiteStore: HealthCheck {
    public func ping() async throws {
        _ = try await read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}

extension DatabaseError {
    var isUniqueViolation: Bool { extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY }
}
