import Foundation
import TaskFlowCore
import PostgresNIO

extension PostgresStore: SessionRepository {
    public func createSession(userID: String, tokenHash: String, expiresAt: Date, now: Date) async throws {
        let familyID = ULID.make(now: now)
        let logger = self.logger
        try await transaction { connection in
            try await connection.query(
                "INSERT INTO sessions (family_id, user_id, created_at) VALUES (\(familyID), \(userID), \(now.millis))", logger: logger)
            try await connection.query(
                """
                INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at)
                VALUES (\(tokenHash), \(familyID), \(userID), \(expiresAt.millis), \(now.millis))
                """, logger: logger)
        }
    }

    public func refreshRecord(tokenHash: String) async throws -> RefreshRecord? {
        let logger = self.logger
        return try await access { connection in
            let rows = try await connection.query(
                """
                SELECT r.token_hash, r.family_id, r.user_id, r.expires_at, r.rotated_at, r.sealed_successor, s.revoked_at
                FROM refresh_tokens r JOIN sessions s ON s.family_id = r.family_id
                WHERE r.token_hash = \(tokenHash)
                """, logger: logger)
            for try await (hash, family, user, expires, rotated, sealed, revoked) in rows.decode(
                (String, String, String, Int, Int?, Data?, Int?).self)
            {
                return RefreshRecord(
                    tokenHash: hash, familyID: family, userID: user, expiresAt: Date(millis: expires),
                    rotatedAt: rotated.map(Date.init(millis:)), sealedSuccessor: sealed, familyRevoked: revoked != nil)
            }
            return nil
        }
    }

    /// Compare-and-swap: the UPDATE only matches while `rotated_at` is still NULL, and
    /// PostgreSQL re-checks that after waiting on a concurrent writer's row lock, so of two
    /// instances rotating one token at once exactly one gets a row back.
    public func rotate(old: RefreshRecord, newHash: String, expiresAt: Date, sealedSuccessor: Data, now: Date) async throws -> Bool {
        let logger = self.logger
        return try await transaction { connection in
            let won = try await connection.query(
                """
                UPDATE refresh_tokens SET rotated_at = \(now.millis), sealed_successor = \(sealedSuccessor)
                WHERE token_hash = \(old.tokenHash) AND rotated_at IS NULL RETURNING 1
                """, logger: logger
            ).collect()
            guard won.count == 1 else { return false }
            try await connection.query(
                """
                INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at)
                VALUES (\(newHash), \(old.familyID), \(old.userID), \(expiresAt.millis), \(now.millis))
                """, logger: logger)
            return true
        }
    }

    public func revokeFamily(_ familyID: String, now: Date) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query(
                "UPDATE sessions SET revoked_at = \(now.millis) WHERE family_id = \(familyID) AND revoked_at IS NULL", logger: logger)
            // Sealed pairs are useless once the family is gone; do not keep them around.
            try await connection.query("UPDATE refresh_tokens SET sealed_successor = NULL WHERE family_id = \(familyID)", logger: logger)
        }
    }

    /// Also drops rate-limit windows that have ended (`PostgresRateLimitStore` keeps them here).
    public func purgeExpired(now: Date) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query(
                """
                UPDATE refresh_tokens SET sealed_successor = NULL
                WHERE sealed_successor IS NOT NULL AND rotated_at < \(now.millis - RefreshGrace.windowMillis)
                """, logger: logger)
            try await connection.query("DELETE FROM refresh_tokens WHERE expires_at < \(now.millis)", logger: logger)
            try await connection.query(
                "DELETE FROM sessions WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = sessions.family_id)",
                logger: logger)
            try await connection.query(
                "DELETE FROM idempotency_keys WHERE created_at < \(now.millis - Int(IdempotencyClaim.lifetime * 1000))", logger: logger)
            try await connection.query("DELETE FROM rate_limits WHERE expires_at < \(Int(now.timeIntervalSince1970))", logger: logger)
        }
    }
}
