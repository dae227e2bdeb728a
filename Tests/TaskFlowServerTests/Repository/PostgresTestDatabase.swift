import Foundation
import Logging
@testable import TaskFlowServer
import TaskFlowTestSupport

/// A fresh database on the test cluster (`.ci/services`), one per test process and purpose.
/// Tests that need PostgreSQL fail — they do not skip — when the cluster is not configured.
enum PostgresTestDatabase {
    static var baseURL: String {
        get throws {
            guard let url = ProcessInfo.processInfo.environment["TASKFLOW_TEST_POSTGRES_URL"], !url.isEmpty else {
                throw SupportError(
                    "TASKFLOW_TEST_POSTGRES_URL is not set: run the tests with .ci/test (it starts PostgreSQL), "
                        + "or `source .ci/services` first")
            }
            return url
        }
    }

    /// Creates an empty database and returns its URL.
    static func create(_ purpose: String) async throws -> String {
        let base = try baseURL
        let name = "taskflow_\(purpose)_\(UUID().uuidString.prefix(8).lowercased())"
        // psql, so the tests need no PostgreSQL client library of their own. The name is
        // ours (letters, digits, underscores); identifiers cannot be bound parameters.
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", "-qX", "-v", "ON_ERROR_STOP=1", base, "-c", "CREATE DATABASE \(name)"]
        let errors = Pipe()
        psql.standardError = errors
        try psql.run()
        psql.waitUntilExit()
        guard psql.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw SupportError("could not create a test database at \(base): \(message)")
        }
        guard var parts = URLComponents(string: base) else { throw SupportError("bad TASKFLOW_TEST_POSTGRES_URL") }
        parts.path = "/" + name
        return parts.string!
    }

    /// Drops a database made by `create` (best effort: the test cluster is throwaway anyway,
    /// but a developer's may live for many runs).
    static func drop(_ url: String) {
        guard let base = try? baseURL, let name = URLComponents(string: url)?.path.dropFirst(), name.hasPrefix("taskflow_") else { return }
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", "-qX", base, "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]
        psql.standardError = FileHandle.nullDevice
        psql.standardOutput = FileHandle.nullDevice
        guard (try? psql.run()) != nil else { return }
        psql.waitUntilExit()
    }

    /// Small pools: the test cluster is shared by many stores and server processes.
    static var testPool: DatabasePoolSettings {
        var pool = DatabasePoolSettings()
        pool.maxConnections = 8
        pool.minConnections = 1
        pool.queryTimeoutMillis = 3000
        pool.connectTimeoutMillis = 2000
        return pool
    }

    static var logger: Logger {
        var logger = Logger(label: "test-postgres")
        logger.logLevel = .critical
        return logger
    }
}
