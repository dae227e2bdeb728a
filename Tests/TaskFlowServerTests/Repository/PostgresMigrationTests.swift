import Foundation
import XCTest
@testable import TaskFlowServer

/// Instances that start together on an empty database take turns on the migration lock.
final class PostgresMigrationTests: XCTestCase {
    func testInstancesStartingTogetherMigrateOnceAndAllWork() async throws {
        let url = try await PostgresTestDatabase.create("migrate")
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<4 {
                group.addTask { try await PostgresStore(url: url, pool: PostgresTestDatabase.testPool, logger: PostgresTestDatabase.logger) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        defer {
            stores.forEach { $0.shutdown() }
            PostgresTestDatabase.drop(url)
        }
        XCTAssertEqual(try psql(url, "SELECT string_agg(version::text || ':' || name, ',' ORDER BY version) FROM schema_migrations"),
                       PostgresMigrations.all.map { "\($0.version):\($0.name)" }.joined(separator: ","))
        for store in stores { try await store.ping() }
        let user = try await stores[0].createUser(name: "Ann", email: "ann@example.com", passwordHash: "h", now: Date())
        let seen = try await stores[3].user(id: user.id)
        XCTAssertEqual(seen, user)
        XCTAssertEqual(try psql(url, "SELECT count(*) FROM pg_indexes WHERE tablename = 'tasks' AND indexdef LIKE '%USING gin%'"), "1",
                       "full-text search has its GIN index")
    }

    private func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-qXtA", url, "-c", sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
