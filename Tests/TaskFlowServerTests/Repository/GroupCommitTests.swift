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
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for n in 1...50 {
                group.addTask {
                    do {
                        try await writer.write { db in
                            try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n])
                            if n % 5 == 0 { throw Refused() }  // after its insert: the insert must be undone
                        }
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
        for n in 1...50 { XCTAssertEqual(outcomes[n], n % 5 != 0, "write \(n)") }
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") }
        XCTAssertEqual(stored, (1...50).filter { $0 % 5 != 0 })
    }

    func testAConstraintViolationFailsOnlyItsOwnWrite() async throws {
        let pool = try pool()
        let writer = GroupCommit(pool: pool)
        let failures = await withTaskGroup(of: Bool.self) { group in
            for n in [1, 1, 2] {
                group.addTask {
                    do {
                        try await writer.write { db in try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n]) }
                        return false
                    } catch {
                        return true
                    }
                }
            }
            var failures = 0
            for await failed in group where failed { failures += 1 }
            return failures
        }
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
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for n in 1...100 {
                group.addTask {
                    do {
                        try await writer.write { db in
                            try db.execute(sql: "INSERT INTO blobs (n, b) VALUES (?, zeroblob(6000))", arguments: [n])
                        }
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
        let answered = Set(outcomes.filter(\.value).keys)
        XCTAssertFalse(answered.isEmpty, "some writes fit")
        XCTAssertLessThan(answered.count, 100, "the disk filled up")
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM blobs") }
        XCTAssertEqual(Set(stored), answered, "stored is exactly what was answered as stored")
    }
}
