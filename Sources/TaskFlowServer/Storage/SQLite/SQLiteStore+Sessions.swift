import Foundation
import TaskFlowCore
import GRDB

extension SQLiteStore: SessionRepository {
    public func createSession(userID: String, tokenHash: String, expiresAt: Date, now: Date) async throws {
        let familyID = ULID.make(now: now)
        try await write { db in
            try db.execute(
                sql: "INSERT INTO sessions (family_id, user_id, created_at) VALUES (?, ?, ?)",
                arguments: [familyID, userID, now.millis])
            try db.execute(
                sql: "INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenHash, familyID, userID, expiresAt.millis, now.millis])
        }
    }

    public func refreshRecord(tokenHash: String) async throws -> RefreshRecord? {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT r.*, s.revoked_at FROM refresh_tokens r JOIN sessions s ON s.family_id = r.family_id
                    WHERE r.token_hash = ?
                    """,
                arguments: [tokenHash]
            ).map { row in
                RefreshRecord(
                    tokenHash: row["token_hash"], familyID: row["family_id"], userID: row["user_id"],
                    expiresAt: Date(millis: row["expires_at"]), rotatedAt: (row["rotated_at"] as Int?).map(Date.init(millis:)),
                    sealedSuccessor: row["sealed_successor"], familyRevoked: (row["revoked_at"] as Int?) != nil)
            }
        }
    }

    public func rotate(old: RefreshRecord, newHash: String, expiresAt: Date, sealedSuccessor: Data, now: Date) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE refresh_tokens SET rotated_at = ?, sealed_successor = ? WHERE token_hash = ? AND rotated_at IS NULL",
                arguments: [now.millis, sealedSuccessor, old.tokenHash])
            guard db.changesCount == 1 else { return false }
            try db.execute(
                sql: "INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [newHash, old.familyID, old.userID, expiresAt.millis, now.millis])
            return true
        }
    }

    public func revokeFamily(_ familyID: String, now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE sessions SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                arguments: [now.millis, familyID])
            // Sealed pairs are useless once the family is gone; do not keep them around.
            try db.execute(sql: "UPDATE refresh_tokens SET sealed_successor = NULL WHERE family_id = ?", arguments: [familyID])
        }
    }
}

extension SQLiteStore {
    public func purgeExpired(now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE refresh_tokens SET sealed_successor = NULL WHERE sealed_successor IS NOT NULL AND rotated_at < ?",
                arguments: [now.millis - RefreshGrace.windowMillis])
            try db.execute(sql: "DELETE FROM refresh_tokens WHERE expires_at < ?", arguments: [now.millis])
            try db.execute(
                sql: "DELETE FROM sessions WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = sessions.family_id)")
            try db.execute(
                sql: "DELETE FROM idempotency_keys WHERE created_at < ?",
                arguments: [now.millis - Int(IdempotencyClaim.lifetime * 1000)])
        }
    }
}
