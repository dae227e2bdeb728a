import Foundation
import PostgresNIO
import TaskFlowCore

extension PostgresStore: UserRepository {
    public func createUser(name: String, email: String, passwordHash: String, now: Date) async throws -> User {
        let user = User(id: ULID.make(now: now), name: name, email: email, createdAt: Date(millis: now.millis))
        let logger = self.logger
        do {
            try await transaction { connection in
                try await connection.query(
                    "INSERT INTO users (id, name, email, password_hash, created_at) VALUES (\(user.id), \(name), \(email), \(passwordHash), \(now.millis))",
                    logger: logger)
                try await connection.query("INSERT INTO user_changes (user_id, counter) VALUES (\(user.id), 0)", logger: logger)
            }
        } catch let error as PSQLError where error.isUniqueViolation {
            throw StorageError.conflict("email already registered")
        }
        return user
    }

    public func storedUser(email: String) async throws -> StoredUser? {
        let logger = self.logger
        return try await access { connection in
            let rows = try await connection.query(
                "SELECT id, name, email, created_at, password_hash FROM users WHERE email = \(email)", logger: logger)
            for try await (id, name, email, created, hash) in rows.decode((String, String, String, Int, String).self) {
                return StoredUser(user: User(id: id, name: name, email: email, createdAt: Date(millis: created)), passwordHash: hash)
            }
            return nil
        }
    }

    public func user(id: String) async throws -> User? {
        let logger = self.logger
        return try await access { connection in
            let rows = try await connection.query("SELECT id, name, email, created_at FROM users WHERE id = \(id)", logger: logger)
            for try await (id, name, email, created) in rows.decode((String, String, String, Int).self) {
                return User(id: id, name: name, email: email, createdAt: Date(millis: created))
            }
            return nil
        }
    }

    public func replacePasswordHash(userID: String, old: String, new: String) async throws {
        let logger = self.logger
        try await access { connection in
            try await connection.query(
                "UPDATE users SET password_hash = \(new) WHERE id = \(userID) AND password_hash = \(old)", logger: logger)
        }
    }
}
