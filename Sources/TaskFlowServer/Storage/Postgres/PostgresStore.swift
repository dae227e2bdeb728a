import Foundation
import Logging
import PostgresNIO

/// The shared store for several server instances: a pooled PostgreSQL client. Every call
/// has a deadline, so when the database is gone requests fail with 503 instead of waiting.
public final class PostgresStore: Sendable {
    let client: PostgresClient
    let endpoint: PostgresEndpoint
    let logger: Logger
    let queryTimeout: Duration
    private let runner: Task<Void, Never>

    /// Connects, then brings the schema up to date (under an advisory lock, so instances
    /// starting together take turns).
    public init(url: String, pool: DatabasePoolSettings = DatabasePoolSettings(), logger: Logger) async throws {
        endpoint = try PostgresEndpoint(url: url)
        self.logger = logger
        queryTimeout = .milliseconds(pool.queryTimeoutMillis)
        let client = PostgresClient(configuration: endpoint.clientConfiguration(pool: pool), backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
        do {
            try await PostgresMigrations.migrate(client: client, logger: logger, timeout: max(queryTimeout, .seconds(30)))
        } catch {
            runner.cancel()
            throw error
        }
    }

    deinit { runner.cancel() }

    /// Closes the pool; calls made after this fail.
    public func shutdown() { runner.cancel() }

    /// One pooled connection for `body`, within the deadline, with failures of the
    /// database (not of the request) turned into `StorageError.unavailable`.
    func access<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let client = self.client
        do {
            return try await PostgresDeadline.run(
                limit: queryTimeout, onTimeout: { StorageError.unavailable("the database did not answer in time") }
            ) {
                try await client.withConnection(body)
            }
        } catch let error as PSQLError where error.isEnvironmental {
            throw StorageError.unavailable("database unavailable: \(error.code)")
        } catch is CancellationError {
            throw StorageError.unavailable("database call cancelled")
        }
    }

    /// `access` inside BEGIN … COMMIT; any error rolls back.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await access { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}

extension PostgresStore: HealthCheck {
    public func ping() async throws {
        let logger = self.logger
        _ = try await access { connection in
            try await connection.query("SELECT 1", logger: logger).collect()
        }
    }
}

extension PSQLError {
    /// Failures of the connection or the server (restart, overload, timeout), not of the SQL.
    var isEnvironmental: Bool {
        guard code == .server else { return true }
        guard let state = serverInfo?[.sqlState] else { return true }
        // 08 connection, 53 resources, 57 operator intervention (shutdown, statement
        // timeout), 40 serialization failure / deadlock: all worth a retry.
        return ["08", "53", "57", "40"].contains(String(state.prefix(2)))
    }

    var isUniqueViolation: Bool { code == .server && serverInfo?[.sqlState] == "23505" }
}
