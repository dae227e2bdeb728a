/// Every environment variable `fromEnvironment` reads, with one line on each: the one list
/// that `taskflow-server --help` prints and that a test holds against the code, the manual
/// page and the README.
extension ServerConfiguration {
    public static let variables: [(name: String, meaning: String)] = [
        ("PORT", "TCP port (default 5000)"),
        ("HOST", "address to listen on (default 127.0.0.1)"),
        ("LISTEN", "unix:PATH to serve on a Unix socket (0600, in a 0700 directory) instead of HOST/PORT"),
        ("IDLE_EXIT_AFTER", "exit after this long with no request and no open socket, e.g. 10m (unset: never)"),
        ("DATABASE_URL", "sqlite:PATH (default sqlite:taskflow.sqlite) or postgres://USER@HOST/DB"),
        ("DATABASE_POOL_MAX", "PostgreSQL: most connections one instance opens (default 50)"),
        ("DATABASE_POOL_MIN", "PostgreSQL: connections kept open while idle (default 10)"),
        ("DATABASE_CONNECT_TIMEOUT_MS", "PostgreSQL: time to open one connection (default 5000)"),
        ("DATABASE_QUERY_TIMEOUT_MS", "PostgreSQL: longest a database call may take (default 5000)"),
        ("JWT_SECRET", "HMAC key for access tokens, at least 32 bytes (generated if unset outside production)"),
        ("JWT_EXPIRES_IN", "access-token lifetime (default 15m)"),
        ("REFRESH_EXPIRES_IN", "refresh-token lifetime (default 7d)"),
        ("FRONTEND_URL", "comma-separated CORS allow-list of browser origins"),
        ("RATE_LIMIT_WINDOW_MS", "global rate-limit window (default 900000)"),
        ("RATE_LIMIT_MAX_REQUESTS", "requests per window per user or address (default 100; 0 turns it off)"),
        ("TRUSTED_PROXIES", "comma-separated addresses whose X-Forwarded-For is believed"),
        ("SYNC_TOMBSTONE_DAYS", "days deletions are remembered for GET /sync; older cursors get 410 (default 30)"),
        ("IDLE_TIMEOUT_MS", "close a keep-alive connection idle this long (default 60000)"),
        ("METRICS_TOKEN", "when set, GET /metrics needs Authorization: Bearer <token>"),
        ("LOG_LEVEL", "trace, debug, info (default), notice, warning, error, critical"),
        ("TASKFLOW_ENV", "production: HSTS, and JWT_SECRET required"),
    ]

    /// `taskflow-server --help`.
    public static var usage: String {
        let width = variables.map(\.name.count).max() ?? 0
        let lines = variables.map { "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.meaning)" }
        return """
            usage: taskflow-server [--help] [--version]

            Serves the TaskFlow REST API and live updates. Configured by the environment:
            \(lines.joined(separator: "\n"))

            See taskflow-server(8).
            """
    }
}
