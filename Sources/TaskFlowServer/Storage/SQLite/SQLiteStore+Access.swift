import Foundation
import GRDB

extension SQLiteStore {
    /// A write transaction. Disk full, I/O errors and lock timeouts become
    /// `StorageError.unavailable` (503, "try again"), never a 500 or half a change: SQLite
    /// rolls the transaction back.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError where error.isEnvironmental {
            throw StorageError.unavailable(error.message ?? "database unavailable")
        }
    }

    /// One short statement (a point lookup or one indexed page) run on the calling thread,
    /// outside a transaction. GRDB's async read hops to a reader queue and back and wraps a
    /// BEGIN/COMMIT around the body; in list-request profiles both cost more than the query.
    /// A single SELECT sees one snapshot on its own, and these take tens of microseconds, so
    /// blocking the caller for them is cheaper. Anything that scans uses `read`.
    func readSingleStatement<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.unsafeRead(body)
        } catch let error as DatabaseError where error.isEnvironmental {
            throw StorageError.unavailable(error.message ?? "database unavailable")
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError where error.isEnvironmental {
            throw StorageError.unavailable(error.message ?? "database unavailable")
        }
    }
}

extension DatabaseError {
    /// Failures of the machine rather than of the request.
    var isEnvironmental: Bool {
        switch resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_NOMEM,
             .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return true
        default:
            return false
        }
    }
}
