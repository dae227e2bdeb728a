import Foundation
import GRDB

extension SQLiteStore {
    /// A write, atomic on its own, committed with the writes that arrive beside it (see
    /// `GroupCommit`). Disk full, I/O errors and lock timeouts become
    /// `StorageError.unavailable` (503, "try again"), never a 500 or half a change: SQLite
    /// rolls the write back.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as DatabaseError where error.isEnvironmental {
            throw StorageError.unavailable(error.message ?? "database unavailable")
        }
    }

    /// One statement (a point lookup or one indexed page) outside a transaction: a single
    /// SELECT sees one snapshot on its own, and the BEGIN/COMMIT of `read` cost more than
    /// the query in list-request profiles. Async like every database call here: blocking a
    /// cooperative thread while waiting for a reader can starve the tasks that hold the
    /// readers (a deadlock seen under load with a synchronous version).
    func readSingleStatement<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.unsafeRead(body)
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
