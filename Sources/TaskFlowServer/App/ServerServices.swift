import Foundation
import Logging

/// The long-lived parts of a server, made once from its configuration.
public struct ServerServices: Sendable {
    public let configuration: ServerConfiguration
    public let store: SQLiteStore
    public let tokens: TokenService
    let hasher: PasswordHasher
    public let rateLimits: any RateLimitStore
    public let hub: LiveHub
    public let sockets: OpenSockets
    public let metrics: ServerMetrics

    public init(configuration: ServerConfiguration) async throws {
        guard let path = configuration.sqlitePath else {
            throw ConfigurationError("DATABASE_URL=\(configuration.databaseURL): this build stores data in SQLite only; use sqlite:PATH")
        }
        self.configuration = configuration
        do {
            store = try SQLiteStore(path: path)
        } catch {
            throw ConfigurationError("cannot open the database \(path): \(error)")
        }
        let secret = try configuration.jwtSecret.map { Data($0.utf8) } ?? SecretFile.loadOrCreate(at: path + ".jwt-secret")
        tokens = await TokenService(secret: secret, lifetime: configuration.accessTokenLifetime)
        hasher = try await PasswordHasher(cost: configuration.bcryptCost)
        rateLimits = MemoryRateLimitStore()
        hub = LiveHub()
        sockets = OpenSockets()
        metrics = ServerMetrics()
    }
}
