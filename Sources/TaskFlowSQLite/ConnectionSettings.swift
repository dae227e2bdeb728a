import GRDB

/// What every connection to a database holding a `tasks` table gets: the server's SQLite
/// store and the client's replica alike.
public enum ConnectionSettings {
    public static func apply(to db: Database) throws {
        // Every commit reaches the disk before it is acknowledged (or shown on screen).
        try db.execute(sql: "PRAGMA synchronous = FULL")
        // An upsert's triggers (eight indexes, the full-text index) make SQLite keep a
        // statement journal of every page it touches, in a temporary file by default:
        // about 30 pwrite calls a task, 3 million for a 100,000-task snapshot. In memory
        // it is a copy.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
    }
}
