import Foundation
import Logging
import ServiceLifecycle

/// The long-lived parts of a server, made once from its configuration.
public struct ServerServices: Sendable {
    public let configuration: ServerConfiguration
    public let store: AnyTaskFlowStore
    public let tokens: TokenService
    /// Whether a token's user still has an account.
    let accounts: AccountCheck
    let hasher: any PasswordHashing
    public let rateLimits: any RateLimitStore
    /// This process's sockets.
    public let hub: LiveHub
    /// Where controllers announce changes: the hub itself on SQLite, NOTIFY on PostgreSQL.
    public let events: any LiveEventPublisher
    /// Run beside the HTTP server (the LISTEN loop on PostgreSQL).
    let background: [any Service]
    public let sockets: OpenSockets
    public let metrics: ServerMetrics
    /// The time of day for everything the server stamps, counts or expires.
    public let clock: any ServerClock
    /// Requests in flight and the time of the last one, for IDLE_EXIT_AFTER.
    public let activity = ServerActivity()

    public init(configuration: ServerConfiguration, clock: any ServerClock = SystemClock()) async throws {
        self.configuration = configuration
        self.clock = clock
        hub = LiveHub()
        let storage = try await StorageBackend.open(configuration: configuration, hub: hub)
        store = storage.store
        accounts = AccountCheck(users: storage.store)
        rateLimits = storage.rateLimits
        events = storage.events
        background = storage.background
        tokens = await TokenService(secret: storage.signingSecret, lifetime: configuration.accessTokenLifetime, clock: clock)
        hasher = PasswordHasher(cost: configuration.bcryptCost)
        sockets = OpenSockets()
        metrics = ServerMetrics()
    }
}
