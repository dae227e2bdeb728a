import GRDB
import GRDBSQLite

/// How every database holding a `tasks` table is opened: the server's SQLite store and
/// the client's replica alike.
public enum ConnectionSettings {
    /// A pool whose every commit is on disk before it returns.
    public static func openPool(path: String, configuration: Configuration = Configuration()) throws -> DatabasePool {
        var configuration = configuration
        configuration.prepareDatabase(apply(to:))
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB's WAL set-up runs after `prepareDatabase` and sets the writer to NORMAL,
        // which in WAL mode syncs only at checkpoints: a commit could be lost with the
        // machine. The writer is one connection for the pool's life.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    static func apply(to db: Database) throws {
        try db.execute(sql: "PRAGMA synchronous = FULL")
        // An upsert's triggers (eight indexes, the full-text index) make SQLite keep a
        // statement journal of every page it touches, in a temporary file by default:
        // about 30 pwrite calls a task, 3 million for a 100,000-task snapshot. In memory
        // it is a copy.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        // Keep the -wal file when the last connection closes: otherwise every opening
        // (each CLI command) writes a table into it and drops it again, with two fsyncs
        // (GRDB does that to avoid an empty WAL), and every close deletes it.
        if !db.configuration.readonly {
            var persist: CInt = 1
            let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &persist)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
    }
}
