import GRDB

/// How every database holding a `tasks` table is opened: the server's SQLite store and
/// the client's replica alike.
public enum ConnectionSettings {
    /// A pool whose every commit is on disk before it returns.
    public static func openPool(path: String, configuration: Configuration = Configuration()) throws -> DatabasePool {
        var configuration = configuration
        configuration.prepareDatabase(apply(to:))
        let pool = try DatabasePool(path: path, configuration: configuration)
        // Only the writer commits. Set here, not in `prepareDatabase`: GRDB's WAL set-up
        // runs after that and sets the writer to NORMAL, which in WAL mode syncs only at
        // checkpoints (a commit could be lost with the machine). One writer for the
        // pool's life.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    static func apply(to db: Database) throws {
        // An upsert's triggers (eight indexes, the full-text index) make SQLite keep a
        // statement journal of every page it touches, in a temporary file by default:
        // about 30 pwrite calls a task, 3 million for a 100,000-task snapshot. In memory
        // it is a copy.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
    }
}
