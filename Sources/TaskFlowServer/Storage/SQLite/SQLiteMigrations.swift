import GRDB

/// Versioned schema changes, applied in order at start and recorded in `grdb_migrations`.
/// Never edit a shipped migration: add the next one.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    email TEXT NOT NULL UNIQUE,
                    password_hash TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );

                -- seq is the rowid the full-text index points at; id is what clients see.
                CREATE TABLE tasks (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    title TEXT NOT NULL,
                    title_key TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    status INTEGER NOT NULL,
                    priority INTEGER NOT NULL,
                    due_at INTEGER,
                    completed_at INTEGER,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    version INTEGER NOT NULL
                );
                CREATE INDEX tasks_user_status ON tasks(user_id, status);
                CREATE INDEX tasks_user_created ON tasks(user_id, created_at, id);
                CREATE INDEX tasks_user_priority ON tasks(user_id, priority);
                CREATE INDEX tasks_user_status_priority ON tasks(user_id, status, priority);
                CREATE INDEX tasks_user_due ON tasks(user_id, due_at);

                CREATE VIRTUAL TABLE tasks_fts USING fts5(
                    title, description, content='tasks', content_rowid='seq',
                    tokenize='unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
                    INSERT INTO tasks_fts(rowid, title, description) VALUES (new.seq, new.title, new.description);
                END;
                CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
                    INSERT INTO tasks_fts(tasks_fts, rowid, title, description) VALUES ('delete', old.seq, old.title, old.description);
                END;
                CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, description ON tasks BEGIN
                    INSERT INTO tasks_fts(tasks_fts, rowid, title, description) VALUES ('delete', old.seq, old.title, old.description);
                    INSERT INTO tasks_fts(rowid, title, description) VALUES (new.seq, new.title, new.description);
                END;

                CREATE TABLE user_changes (
                    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                    counter INTEGER NOT NULL
                );

                CREATE TABLE sessions (
                    family_id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE TABLE refresh_tokens (
                    token_hash TEXT PRIMARY KEY,
                    family_id TEXT NOT NULL REFERENCES sessions(family_id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    expires_at INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    rotated_at INTEGER,
                    sealed_successor BLOB
                );
                CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);

                CREATE TABLE idempotency_keys (
                    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    body_hash TEXT NOT NULL,
                    task_id TEXT NOT NULL,
                    response_body BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (user_id, key)
                );
                """)
        }
        // Sync (API.md "Sync and batch"): each task row carries the value of its user's
        // change sequence its last write took, and a deletion leaves a tombstone. Tasks that
        // existed before get sequence values in creation order, after the counter.
        migrator.registerMigration("v2-sync") { db in
            try db.execute(sql: """
                ALTER TABLE tasks ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
                UPDATE tasks SET change_seq = numbered.n + COALESCE((SELECT counter FROM user_changes u WHERE u.user_id = tasks.user_id), 0)
                FROM (SELECT seq AS row_seq, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_at, id) AS n FROM tasks) AS numbered
                WHERE numbered.row_seq = tasks.seq;
                INSERT INTO user_changes (user_id, counter) SELECT user_id, MAX(change_seq) FROM tasks WHERE true GROUP BY user_id
                    ON CONFLICT(user_id) DO UPDATE SET counter = excluded.counter;
                CREATE INDEX tasks_user_change ON tasks(user_id, change_seq);

                ALTER TABLE user_changes ADD COLUMN purged_seq INTEGER NOT NULL DEFAULT 0;

                CREATE TABLE tombstones (
                    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    deleted_at INTEGER NOT NULL,
                    PRIMARY KEY (user_id, id)
                );
                CREATE INDEX tombstones_user_seq ON tombstones(user_id, seq);
                CREATE INDEX tombstones_deleted ON tombstones(deleted_at);
                """)
        }
        return migrator
    }
}
