import Foundation
import PostgresNIO

/// Where a `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable]` URL points.
struct PostgresEndpoint: Sendable {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String
    /// `sslmode=disable` turns TLS off; otherwise it is used when the server offers it.
    var useTLS: Bool

    init(url: String) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
            let host = parts.host, !host.isEmpty
        else {
            throw ConfigurationError("DATABASE_URL is not valid: expected postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        self.host = host
        port = parts.port ?? 5432
        username = parts.user?.removingPercentEncoding ?? "postgres"
        password = parts.password?.removingPercentEncoding
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? username : (path.removingPercentEncoding ?? path)
        useTLS = parts.queryItems?.first(where: { $0.name == "sslmode" })?.value != "disable"
    }

    func clientConfiguration(pool: DatabasePoolSettings) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: .disable)
        if useTLS { configuration.tls = .prefer(.makeClientConfiguration()) }
        configuration.options.maximumConnections = pool.maxConnections
        configuration.options.minimumConnections = pool.minConnections
        configuration.options.connectTimeout = .milliseconds(pool.connectTimeoutMillis)
        // The server stops a statement the client has given up on, so it does not hold locks.
        configuration.options.additionalStartupParameters = [("statement_timeout", String(pool.queryTimeoutMillis))]
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(15))
        return configuration
    }

    /// A single connection outside the pool (for LISTEN).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: useTLS ? .prefer(try .init(configuration: .makeClientConfiguration())) : .disable)
    }
}
