import Foundation

/// Everything the server reads from its environment, validated once at start.
/// Names are the production design's: `PORT`, `DATABASE_URL`, `JWT_SECRET`, …
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 5000
    /// `sqlite:PATH` or `postgres://…`.
    public var databaseURL: String = "sqlite:taskflow.sqlite"
    /// Pool and timeouts, used with PostgreSQL.
    public var databasePool = DatabasePoolSettings()
    /// Nil outside production means: generate one and keep it beside the database.
    public var jwtSecret: String?
    public var accessTokenLifetime: Int = 15 * 60
    public var refreshTokenLifetime: Int = 7 * 86_400
    public var allowedOrigins: [String] = []
    public var rateLimitWindowSeconds: Int = 900
    /// 0 turns the global limit off (local mode).
    public var rateLimitMaxRequests: Int = 100
    public var loginFailureLimit: Int = 5
    public var loginFailureWindowSeconds: Int = 900
    public var trustedProxies: [String] = []
    public var logLevel: String = "info"
    public var production: Bool = false
    /// bcrypt cost; 12 in service, lower only in tests.
    public var bcryptCost: UInt8 = 12
    public var pingIntervalMillis: Int = 25_000
    public var pingTimeoutMillis: Int = 20_000
    /// How long a socket may stay open without authenticating (API.md: 10 s).
    public var socketAuthTimeoutMillis: Int = 10_000
    /// `IDLE_TIMEOUT_MS` between requests.
    public var connectionTimeouts = ConnectionTimeouts()
    /// `SYNC_TOMBSTONE_DAYS`: how long a deletion is remembered for `GET /sync`.
    public var tombstoneLifetime: TimeInterval = 30 * 86_400
    /// When set, `/metrics` answers only `Authorization: Bearer <metricsToken>`.
    public var metricsToken: String?
    /// Whether to write JSON access logs (local mode keeps the terminal clean).
    public var accessLog: Bool = true
    /// `LISTEN=unix:PATH`: serve on this Unix socket instead of HOST/PORT.
    public var unixSocketPath: String?
    /// `IDLE_EXIT_AFTER`: exit after this many seconds with no request and no open socket.
    public var idleExitAfterSeconds: Int?

    public init() {}

    public var rateLimitEnabled: Bool { rateLimitMaxRequests > 0 }

    /// Reads and checks the environment. Throws a message fit for a person at a terminal.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> ServerConfiguration {
        var c = ServerConfiguration()
        c.production = env["TASKFLOW_ENV"]?.lowercased() == "production"
        if let v = env["HOST"], !v.isEmpty { c.host = v }
        if let v = env["PORT"] {
            guard let port = Int(v), (0...65535).contains(port) else { throw .invalid("PORT", v, "a port number 0–65535") }
            c.port = port
        }
        if let v = env["DATABASE_URL"], !v.isEmpty {
            guard v.hasPrefix("sqlite:") || v.hasPrefix("postgres://") || v.hasPrefix("postgresql://") else {
                throw .invalid("DATABASE_URL", v, "sqlite:PATH or postgres://USER@HOST/DB")
            }
            c.databaseURL = v
        }
        c.databasePool = try DatabasePoolSettings.fromEnvironment(env)
        if let v = env["JWT_SECRET"], !v.isEmpty { c.jwtSecret = v }
        if c.production {
            guard let secret = c.jwtSecret, secret.utf8.count >= 32 else {
                throw ConfigurationError("JWT_SECRET must be set to at least 32 bytes when TASKFLOW_ENV=production")
            }
        }
        if let v = env["JWT_EXPIRES_IN"] {
            guard let s = DurationText.seconds(v) else { throw .invalid("JWT_EXPIRES_IN", v, "a duration like 900, 15m, 1h") }
            c.accessTokenLifetime = s
        }
        if let v = env["REFRESH_EXPIRES_IN"] {
            guard let s = DurationText.seconds(v) else { throw .invalid("REFRESH_EXPIRES_IN", v, "a duration like 7d, 12h") }
            c.refreshTokenLifetime = s
        }
        if let v = env["FRONTEND_URL"] {
            c.allowedOrigins = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let v = env["RATE_LIMIT_WINDOW_MS"] {
            guard let ms = Int(v), ms >= 1000 else { throw .invalid("RATE_LIMIT_WINDOW_MS", v, "milliseconds, at least 1000") }
            c.rateLimitWindowSeconds = ms / 1000
        }
        if let v = env["RATE_LIMIT_MAX_REQUESTS"] {
            guard let n = Int(v), n >= 0 else { throw .invalid("RATE_LIMIT_MAX_REQUESTS", v, "a whole number (0 turns the limit off)") }
            c.rateLimitMaxRequests = n
        }
        if let v = env["TRUSTED_PROXIES"] {
            c.trustedProxies = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let v = env["SYNC_TOMBSTONE_DAYS"] {
            guard let days = Double(v), days.isFinite, days > 0 else { throw .invalid("SYNC_TOMBSTONE_DAYS", v, "days, more than 0 (fractions allowed)") }
            c.tombstoneLifetime = days * 86_400
        }
        if let v = env["IDLE_TIMEOUT_MS"] {
            guard let ms = Int(v), ms >= 1 else { throw .invalid("IDLE_TIMEOUT_MS", v, "milliseconds, at least 1") }
            c.connectionTimeouts.idle = .milliseconds(ms)
        }
        if let v = env["METRICS_TOKEN"], !v.isEmpty { c.metricsToken = v }
        if let v = env["LOG_LEVEL"], !v.isEmpty {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(v.lowercased()) else { throw .invalid("LOG_LEVEL", v, levels.joined(separator: ", ")) }
            c.logLevel = v.lowercased()
        }
        if let v = env["LISTEN"], !v.isEmpty {
            guard v.hasPrefix("unix:"), v.count > "unix:".count else { throw .invalid("LISTEN", v, "unix:PATH") }
            c.unixSocketPath = String(v.dropFirst("unix:".count))
        }
        if let v = env["IDLE_EXIT_AFTER"], !v.isEmpty {
            guard let s = DurationText.seconds(v) else { throw .invalid("IDLE_EXIT_AFTER", v, "a duration like 30s, 10m, 1h") }
            c.idleExitAfterSeconds = s
        }
        return c
    }

    /// The SQLite file path of an `sqlite:` URL.
    public var sqlitePath: String? {
        guard databaseURL.hasPrefix("sqlite:") else { return nil }
        var path = String(databaseURL.dropFirst("sqlite:".count))
        if path.hasPrefix("//") { path.removeFirst(2) }
        return path
    }
}

/// A configuration problem, with a message that says which variable and what it should be.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }

    static func invalid(_ name: String, _ value: String, _ expected: String) -> ConfigurationError {
        ConfigurationError("\(name)=\(value) is not valid: expected \(expected)")
    }
}
