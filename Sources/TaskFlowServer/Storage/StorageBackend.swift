import Foundation
import Logging
import ServiceLifecycle

/// The storage `DATABASE_URL` chooses and what goes with it: the one place that knows
/// which stores exist. SQLite keeps rate limits in memory and delivers events itself;
/// PostgreSQL shares both between instances and runs the LISTEN loop beside the server.
struct StorageBackend: Sendable {
    let store: AnyTaskFlowStore
    let rateLimits: any RateLimitStore
    /// Where controllers announce changes.
    let events: any LiveEventPublisher
    /// Services to run beside the HTTP server.
    let background: [any Service]
    /// The key access tokens are signed with.
    let signingSecret: Data

    static func open(configuration: ServerConfiguration, hub: LiveHub) async throws -> StorageBackend {
        if let path = configuration.sqlitePath {
            let sqlite: SQLiteStore
            do {
                sqlite = try SQLiteStore(path: path)
            } catch {
                throw ConfigurationError("cannot open the database \(path): \(error)")
            }
            let secret = try configuration.jwtSecret.map { Data($0.utf8) } ?? SecretFile.loadOrCreate(at: path + ".jwt-secret")
            return StorageBackend(
                store: AnyTaskFlowStore(sqlite), rateLimits: MemoryRateLimitStore(), events: hub, background: [], signingSecret: secret)
        }
        // Every instance must sign and verify with the same key.
        guard let jwtSecret = configuration.jwtSecret else {
            throw ConfigurationError("JWT_SECRET must be set with a PostgreSQL DATABASE_URL: every instance signs with it")
        }
        let logger = makeServerLogger(configuration: configuration)
        let postgres: PostgresStore
        do {
            postgres = try await PostgresStore(url: configuration.databaseURL, pool: configuration.databasePool, logger: logger)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("cannot open the database: \(error)")
        }
        let bus = PostgresEventBus(store: postgres, hub: hub, logger: logger)
        return StorageBackend(
            store: AnyTaskFlowStore(postgres), rateLimits: PostgresRateLimitStore(store: postgres), events: bus, background: [bus],
            signingSecret: Data(jwtSecret.utf8))
    }
}
