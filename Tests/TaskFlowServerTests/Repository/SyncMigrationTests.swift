import Foundation
import GRDB
import PostgresNIO
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// A database from before sync (schema v1, with tasks) migrates to one where every task
/// has its own sequence value, after the user's counter, in creation order.
final class SyncMigrationTests: XCTestCase {
    private static let rows = """
        INSERT INTO users (id, name, email, password_hash, created_at) VALUES ('U1', 'Ann', 'ann@example.com', 'h', 1);
        INSERT INTO tasks (id, user_id, title, title_key, description, status, priority, created_at, updated_at, version)
        VALUES ('T2', 'U1', 'Second', 'second', '', 0, 1, 2000, 2000, 1),
               ('T1', 'U1', 'First', 'first', '', 0, 1, 1000, 1000, 1),
               ('T3', 'U1', 'Third', 'third', '', 0, 1, 3000, 3000, 4);
        INSERT INTO user_changes (user_id, counter) VALUES ('U1', 9);
        """

    func testSQLiteTasksGetSequenceValuesAfterTheCounter() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-migrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("db.sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try SQLiteMigrations.migrator.migrate(old, upTo: "v1-initial")
            // Inserted out of creation order: row order must not decide the sequence.
            try await old.write { db in try db.execute(sql: Self.rows) }
        }
        try await checkMigrated(try SQLiteStore(path: path))
    }

    func testPostgreSQLTasksGetSequenceValuesAfterTheCounter() async throws {
        let url = try await PostgresTestDatabase.create("migrate_sync")
        defer { PostgresTestDatabase.drop(url) }
        let endpoint = try PostgresEndpoint(url: url)
        let client = PostgresClient(configuration: endpoint.clientConfiguration(pool: PostgresTestDatabase.testPool))
        let running = Task { await client.run() }
        try await PostgresMigrations.migrate(client: client, logger: PostgresTestDatabase.logger, timeout: .seconds(30), through: 1)
        let rows = Self.rows
        try await client.withConnection { connection in
            for statement in rows.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !statement.isEmpty {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: PostgresTestDatabase.logger)
            }
        }
        running.cancel()
        let store = try await PostgresStore(url: url, pool: PostgresTestDatabase.testPool, logger: PostgresTestDatabase.logger)
        defer { store.shutdown() }
        try await checkMigrated(store)
    }

    private func checkMigrated(_ store: some TaskRepository) async throws {
        check(try await store.changeCounter(userID: "U1"), 12)
        guard case .page(let changes, let cursor, false) = try await store.syncChanges(userID: "U1", after: nil, limit: 10) else {
            return XCTFail("the snapshot must be one page")
        }
        check(changes.map(\.seq), [10, 11, 12])
        check(changes.compactMap { if case .upsert(let task, _) = $0 { task.id } else { nil } }, ["T1", "T2", "T3"])
        check(cursor, 12)
        // And writing goes on from there.
        _ = try await store.updateTask(userID: "U1", id: "T1", changes: TaskChanges(title: "First, again"), expectedVersion: nil, now: Date())
        check(try await store.changeCounter(userID: "U1"), 13)
    }
}
