import Foundation
import Logging
import ServiceLifecycle

/// The long-lived parts of a server, made once from its configuration.
public struct ServerServices: Sendable {
    public let configuration: ServerConfiguration
    public let store: AnyTaskFlowStore
    public let tokens: TokenService
    let hasher: PasswordHasher
    public let rateLimits: any RateLimitStore
    /// This process's sockets.
    public let hub: LiveHub
    /// Where controllers announce changes: the hub itself on SQLite, NOTIFY on PostgreSQL.
    public let events: any LiveEventPublisher
    /// Run beside the HTTP server (the LISTEN loop on PostgreSQL).
    let background: [any Service]
    public let sockets: OpenSockets
    public let metrics: ServerMetrics
    /// Requests in flight and the time of the last one, for IDLE_EXIT_AFTER.
    public let activity = ServerActivity()

    public init(configuration: ServerConfiguration) async throws {
        self.configuration = configuration
        hub = LiveHub()
        let secret: Data
        if let path = configuration.sqlitePath {
            do {
                store = AnyTaskFlowStore(try SQLiteStore(path: path))
            } catch {
                throw ConfigurationError("cannot open the database \(path): \(error)")
            }
            secret = try configuration.jwtSecret.map { Data($0.utf8) } ?? SecretFile.loadOrCreate(at: path + ".jwt-secret")
            rateLimits = MemoryRateLimitStore()
            events = hub
            background = []
        } else {
            // Every instance must sign and verify with the same key.
            guard let jwtSecret = configuration.jwtSecret else {
                throw ConfigurationError("JWT_SECRET must be set with a PostgreSQL DATABASE_URL: every instance signs with it")
            }
            secret = Data(jwtSecret.utf8)
            let logger = makeServerLogger(configuration: configuration)
            let postgres: PostgresStore
            do {
                postgres = try await PostgresStore(url: configuration.databaseURL, pool: configuration.databasePool, logger: logger)
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw ConfigurationError("cannot open the database: \(error)")
            }
            store = AnyTaskFlowStore(postgres)
            rateLimits = PostgresRateLimitStore(store: postgres)
            let bus = PostgresEventBus(store: postgres, hub: hub, logger: logger)
            events = bus
            background = [bus]
        }
        tokens = await TokenService(secret: secret, lifetime: configuration.accessTokenLifetime)
        hasher = try await PasswordHasher(cost: configuration.bcryptCost)
        sockets = OpenSockets()
        metrics = ServerMetrics()
    }
}
