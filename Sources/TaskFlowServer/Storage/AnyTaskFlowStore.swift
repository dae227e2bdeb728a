import Foundation
import TaskFlowCore

/// Whichever store `DATABASE_URL` chose (`StorageBackend`), as one concrete type for the
/// generic controllers.
public struct AnyTaskFlowStore: TaskFlowStore {
    public let base: any TaskFlowStore

    public init(_ base: any TaskFlowStore) { self.base = base }

    public func createUser(name: String, email: String, passwordHash: String, now: Date) async throws -> User {
        try await base.createUser(name: name, email: email, passwordHash: passwordHash, now: now)
    }
    public func storedUser(email: String) async throws -> StoredUser? { try await base.storedUser(email: email) }
    public func user(id: String) async throws -> User? { try await base.user(id: id) }
    public func replacePasswordHash(userID: String, old: String, new: String) async throws {
        try await base.replacePasswordHash(userID: userID, old: old, new: new)
    }

    public func applyWrites(userID: String, _ writes: [TaskWrite], now: Date) async throws -> [TaskWriteOutcome] {
        try await base.applyWrites(userID: userID, writes, now: now)
    }
    public func task(userID: String, id: String) async throws -> TaskItem? { try await base.task(userID: userID, id: id) }
    public func syncChanges(userID: String, after: Int?, limit: Int) async throws -> SyncOutcome {
        try await base.syncChanges(userID: userID, after: after, limit: limit)
    }
    public func purgeTombstones(deletedBefore cutoff: Date) async throws { try await base.purgeTombstones(deletedBefore: cutoff) }
    public func listTasks(userID: String, query: TaskQuery, now: Date, knownTotal: Int?) async throws -> (tasks: [TaskItem], total: Int) {
        try await base.listTasks(userID: userID, query: query, now: now, knownTotal: knownTotal)
    }
    public func stats(userID: String, now: Date) async throws -> TaskStats { try await base.stats(userID: userID, now: now) }
    public func changeCounter(userID: String) async throws -> Int { try await base.changeCounter(userID: userID) }

    public func createSession(userID: String, tokenHash: String, expiresAt: Date, now: Date) async throws {
        try await base.createSession(userID: userID, tokenHash: tokenHash, expiresAt: expiresAt, now: now)
    }
    public func refreshRecord(tokenHash: String) async throws -> RefreshRecord? { try await base.refreshRecord(tokenHash: tokenHash) }
    public func rotate(old: RefreshRecord, newHash: String, expiresAt: Date, sealedSuccessor: Data, now: Date) async throws -> Bool {
        try await base.rotate(old: old, newHash: newHash, expiresAt: expiresAt, sealedSuccessor: sealedSuccessor, now: now)
    }
    public func revokeFamily(_ familyID: String, now: Date) async throws { try await base.revokeFamily(familyID, now: now) }
    public func purgeExpired(now: Date) async throws { try await base.purgeExpired(now: now) }

    public func ping() async throws { try await base.ping() }
}
