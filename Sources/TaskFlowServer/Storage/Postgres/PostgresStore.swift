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
        try await Self.refuseLastingProblems(endpoint, logger: logger)
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

    /// One direct connection before the pool, so a problem that waiting will not cure (an
    /// untrusted certificate, a server without TLS under `sslmode=require`, a wrong
    /// password, a database that does not exist) stops the start at once, naming itself.
    /// A database that is not up yet is left to the pool, which keeps trying.
    private static func refuseLastingProblems(_ endpoint: PostgresEndpoint, logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try endpoint.connectionConfiguration(), id: 0, logger: logger)
            try? await connection.close()
        } catch let error as PSQLError {
            let reason: String? =
                switch error.code {
                case .sslUnsupported: "the server does not offer TLS, and sslmode=\(endpoint.tlsMode.rawValue) requires it"
                // Class 28 (authorization) and 3D000 (no such database); others, such as
                // "too many connections" or "starting up", may pass.
                case .server where error.serverInfo?[.sqlState].map({ $0.hasPrefix("28") || $0 == "3D000" }) == true:
                    "the server refused: \(error.serverInfo?[.message] ?? "\(error.code)")"
                case .connectionError where "\(error.underlying as Any)".contains("CERTIFICATE_VERIFY_FAILED"):
                    "the server's TLS certificate is not trusted (sslmode=\(endpoint.tlsMode.rawValue); give its root with sslrootcert=FILE)"
                case .connectionError where "\(error.underlying as Any)".contains("SSL"):
                    "TLS failed: \(error.underlying.map { "\($0)" } ?? "")"
                case .authMechanismRequiresPassword, .unsupportedAuthMechanism, .saslError:
                    "authentication failed (\(error.code))"
                default: nil
                }
            if let reason { throw ConfigurationError("cannot use DATABASE_URL: \(reason)") }
        }
    }

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

    /// `access` inside BEGIN … COMMIT; any error rolls back. `isolation` is SQL after
    /// `BEGIN ISOLATION LEVEL` (a fixed string of the caller's, never input).
    func transaction<T: Sendable>(
        isolation: StaticString? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        let begin = isolation.map { "BEGIN ISOLATION LEVEL \($0)" } ?? "BEGIN"
        return try await access { connection in
            try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
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
