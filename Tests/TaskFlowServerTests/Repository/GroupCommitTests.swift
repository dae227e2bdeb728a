import Foundation
import GRDB
import XCTest
@testable import TaskFlowServer

/// Concurrent SQLite writes share transactions, yet each stays atomic and is answered
/// only once committed.
final class GroupCommitTests: XCTestCase {
    private func pool() throws -> DatabasePool {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: directory.appendingPathComponent("db.sqlite").path, configuration: config)
        try pool.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY)") }
        return pool
    }

    /// Runs `write(n)` for every n at once through `writer`; answers which ones succeeded.
    private func outcomes(
        of numbers: [Int], through writer: GroupCommit, _ write: @escaping @Sendable (Int, Database) throws -> Void
    ) async -> [Int: Bool] {
        await withTaskGroup(of: (Int, Bool).self) { group in
            for n in numbers {
                group.addTask {
                    do {
                        try await writer.write { db in try write(n, db) }
                        return (n, true)
                    } catch {
                        return (n, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for await (n, ok) in group { outcomes[n] = ok }
            return outcomes
        }
    }

    func testConcurrentWritesAllLandInFewerTransactions() async throws {
        let pool = try pool()
        let writer = GroupCommit(pool: pool)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 1...200 {
                group.addTask {
                    try await writer.write { db in
                        try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n])
                        return n
                    }
                }
            }
            var answered = Set<Int>()
            for try await n in group { answered.insert(n) }
            XCTAssertEqual(answered, Set(1...200), "each caller gets its own result")
        }
        let count = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") }
        XCTAssertEqual(count, 200)
        XCTAssertLessThan(writer.transactionCount, 200, "writes that waited were committed together")
    }

    func testAFailingWriteIsUndoneAloneAndTheOthersCommit() async throws {
        struct Refused: Error {}
        let pool = try pool()
        let writer = GroupCommit(pool: pool)
        let outcomes = await outcomes(of: Array(1...50), through: writer) { n, db in
            try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n])
            if n % 5 == 0 { throw Refused() }  // after its insert: the insert must be undone
        }
        for n in 1...50 { XCTAssertEqual(outcomes[n], n % 5 != 0, "write \(n)") }
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") }
        XCTAssertEqual(stored, (1...50).filter { $0 % 5 != 0 })
    }

    func testAConstraintViolationFailsOnlyItsOwnWrite() async throws {
        let pool = try pool()
        let writer = GroupCommit(pool: pool)
        // Two writes of 1 and one of 2: tagged 1, 2, 3 so that each has its own outcome.
        let values = [1: 1, 2: 1, 3: 2]
        let outcomes = await outcomes(of: [1, 2, 3], through: writer) { tag, db in
            try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [values[tag]!])
        }
        let failures = outcomes.values.filter { !$0 }.count
        XCTAssertEqual(failures, 1, "exactly one of the two 1s fails")
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") }
        XCTAssertEqual(stored, [1, 2])
    }

    func testWhenTheDiskFillsEveryAnsweredWriteIsStoredAndNoRefusedOneIs() async throws {
        let pool = try pool()
        // A database that may not grow past 60 pages stands in for a full disk (SQLITE_FULL).
        try await pool.write { db in
            try db.execute(sql: "CREATE TABLE blobs (n INTEGER PRIMARY KEY, b BLOB)")
        }
        try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 60") }
        let writer = GroupCommit(pool: pool)
        let outcomes = await outcomes(of: Array(1...100), through: writer) { n, db in
            try db.execute(sql: "INSERT INTO blobs (n, b) VALUES (?, zeroblob(6000))", arguments: [n])
        }
        let answered = Set(outcomes.filter(\.value).keys)
        XCTAssertFalse(answered.isEmpty, "some writes fit")
        XCTAssertLessThan(answered.count, 100, "the disk filled up")
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM blobs") }
        XCTAssertEqual(Set(stored), answered, "stored is exactly what was answered as stored")
    }
}
