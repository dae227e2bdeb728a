import Logging
import PostgresNIO

/// Versioned schema changes, recorded in `schema_migrations`. Instances that start at the
/// same time take turns under an advisory lock, so each migration runs exactly once.
/// Never edit a shipped migration: add the next one.
enum PostgresMigrations {
    /// Times are milliseconds since 1970 (BIGINT), as in the SQLite store, so both count
    /// days the same way. `title_key` and ids compare bytewise (COLLATE "C") as SQLite does.
    static let all: [(version: Int, name: String, statements: [String])] = [
        (1, "initial", [
            """
            CREATE TABLE users (
                id TEXT COLLATE "C" PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX users_email ON users (email)",
            // search_words holds the folded words of title and description (PostgresSearch),
            // so the index sees exactly the words the SQLite tokenizer would.
            """
            CREATE TABLE tasks (
                id TEXT COLLATE "C" PRIMARY KEY,
                user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                title_key TEXT COLLATE "C" NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                status SMALLINT NOT NULL,
                priority SMALLINT NOT NULL,
                due_at BIGINT,
                completed_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL,
                search_words TEXT[] NOT NULL DEFAULT '{}',
                search TSVECTOR GENERATED ALWAYS AS (array_to_tsvector(search_words)) STORED
            )
            """,
            "CREATE INDEX tasks_user_status ON tasks (user_id, status)",
            "CREATE INDEX tasks_user_created ON tasks (user_id, created_at, id)",
            "CREATE INDEX tasks_user_priority ON tasks (user_id, priority)",
            "CREATE INDEX tasks_user_status_priority ON tasks (user_id, status, priority)",
            "CREATE INDEX tasks_user_due ON tasks (user_id, due_at)",
            "CREATE INDEX tasks_search ON tasks USING GIN (search)",
            """
            CREATE TABLE user_changes (
                user_id TEXT COLLATE "C" PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                counter BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                family_id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            """
            CREATE TABLE refresh_tokens (
                token_hash TEXT PRIMARY KEY,
                family_id TEXT NOT NULL REFERENCES sessions(family_id) ON DELETE CASCADE,
                user_id TEXT NOT NULL,
                expires_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                rotated_at BIGINT,
                sealed_successor BYTEA
            )
            """,
            "CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)",
            "CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at)",
            """
            CREATE TABLE idempotency_keys (
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                body_hash TEXT NOT NULL,
                task_id TEXT NOT NULL,
                response_body BYTEA NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (user_id, key)
            )
            """,
            "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)",
            // Fixed-window counters shared by every instance: one row per key and window.
            """
            CREATE TABLE rate_limits (
                key TEXT NOT NULL,
                window_start BIGINT NOT NULL,
                count INTEGER NOT NULL,
                expires_at BIGINT NOT NULL,
                PRIMARY KEY (key, window_start)
            )
            """,
            "CREATE INDEX rate_limits_expires ON rate_limits (expires_at)",
        ]),
        // Sync (API.md "Sync and batch"): each task row carries the value of its user's
        // change sequence its last write took, and a deletion leaves a tombstone. Tasks that
        // existed before get sequence values in creation order, after the counter.
        (2, "sync", [
            "ALTER TABLE tasks ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0",
            """
            UPDATE tasks SET change_seq = numbered.n + COALESCE((SELECT counter FROM user_changes u WHERE u.user_id = tasks.user_id), 0)
            FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_at, id) AS n FROM tasks) AS numbered
            WHERE numbered.id = tasks.id
            """,
            """
            INSERT INTO user_changes (user_id, counter) SELECT user_id, MAX(change_seq) FROM tasks GROUP BY user_id
            ON CONFLICT (user_id) DO UPDATE SET counter = EXCLUDED.counter
            """,
            "CREATE INDEX tasks_user_change ON tasks (user_id, change_seq)",
            "ALTER TABLE user_changes ADD COLUMN purged_seq BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE tombstones (
                user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                id TEXT COLLATE "C" NOT NULL,
                version INTEGER NOT NULL,
                seq BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                deleted_at BIGINT NOT NULL,
                PRIMARY KEY (user_id, id)
            )
            """,
            "CREATE INDEX tombstones_user_seq ON tombstones (user_id, seq)",
            "CREATE INDEX tombstones_deleted ON tombstones (deleted_at)",
        ]),
    ]

    /// Any constant shared by every instance of this application.
    static let lockKey = 0x7461_736B_666C_6F77  // "taskflow"

    /// Applies every migration not yet applied, up to `through` (tests stop early to check a
    /// later migration on data of an earlier schema).
    static func migrate(client: PostgresClient, logger: Logger, timeout: Duration, through: Int = .max) async throws {
        try await PostgresDeadline.run(
            limit: timeout, onTimeout: { StorageError.unavailable("could not reach the database to migrate it") }
        ) {
            try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
                do {
                    try await apply(connection: connection, logger: logger, through: through)
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
                    throw error
                }
                try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            }
        }
    }

    private static func apply(connection: PostgresConnection, logger: Logger, through: Int) async throws {
        try await connection.query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            logger: logger)
        var applied = Set<Int>()
        for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger).decode(Int.self) {
            applied.insert(version)
        }
        for migration in all where !applied.contains(migration.version) && migration.version <= through {
            try await connection.query("BEGIN", logger: logger)
            do {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
        }
    }
}
