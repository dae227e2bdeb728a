import Foundation

/// How the server uses PostgreSQL: pool bounds and how long anything may wait.
/// Defaults are the production design's (up to 50 connections, 10 kept warm).
public struct DatabasePoolSettings: Sendable, Equatable {
    public var maxConnections = 50
    public var minConnections = 10
    /// Opening one TCP connection.
    public var connectTimeoutMillis = 5_000
    /// One repository call, waiting for a connection included; past it the request gets 503.
    public var queryTimeoutMillis = 5_000

    public init() {}

    /// `DATABASE_POOL_MAX`, `DATABASE_POOL_MIN`, `DATABASE_CONNECT_TIMEOUT_MS`, `DATABASE_QUERY_TIMEOUT_MS`.
    static func fromEnvironment(_ env: [String: String]) throws(ConfigurationError) -> DatabasePoolSettings {
        var s = DatabasePoolSettings()
        func number(_ name: String, _ range: ClosedRange<Int>, _ expected: String) throws(ConfigurationError) -> Int? {
            guard let v = env[name], !v.isEmpty else { return nil }
            guard let n = Int(v), range.contains(n) else { throw .invalid(name, v, expected) }
            return n
        }
        if let n = try number("DATABASE_POOL_MAX", 1...10_000, "a whole number of connections, at least 1") { s.maxConnections = n }
        if let n = try number("DATABASE_POOL_MIN", 0...10_000, "a whole number of connections") { s.minConnections = n }
        if let n = try number("DATABASE_CONNECT_TIMEOUT_MS", 100...600_000, "milliseconds, 100–600000") { s.connectTimeoutMillis = n }
        if let n = try number("DATABASE_QUERY_TIMEOUT_MS", 100...600_000, "milliseconds, 100–600000") { s.queryTimeoutMillis = n }
        // The pool needs min < max; a small max lowers the warm count with it.
        if s.minConnections >= s.maxConnections { s.minConnections = max(0, s.maxConnections - 1) }
        return s
    }
}
