import Foundation
import GRDB
import TaskFlowCore

extension SQLiteStore: UserRepository {
    public func createUser(name: String, email: String, passwordHash: String, now: Date) async throws -> User {
        let user = User(id: ULID.make(now: now), name: name, email: email, createdAt: Date(millis: now.millis))
        do {
            try await write { db in
                try db.execute(
                    sql: "INSERT INTO users (id, name, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [user.id, name, email, passwordHash, now.millis])
                try db.execute(sql: "INSERT INTO user_changes (user_id, counter) VALUES (?, 0)", arguments: [user.id])
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            throw StorageError.conflict("email already registered")
        }
        return user
    }

    public func storedUser(email: String) async throws -> StoredUser? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE email = ?", arguments: [email]).map {
                StoredUser(user: Self.user(from: $0), passwordHash: $0["password_hash"])
            }
        }
    }

    public func user(id: String) async throws -> User? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map(Self.user(from:))
        }
    }

    public func replacePasswordHash(userID: String, old: String, new: String) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?", arguments: [new, userID, old])
        }
    }

    static func user(from row: Row) -> User {
        User(id: row["id"], name: row["name"], email: row["email"], createdAt: Date(millis: row["created_at"]))
    }
}
