import Foundation
import TaskFlowCore

/// Accounts. Emails arrive trimmed and lower-cased.
public protocol UserRepository: Sendable {
    /// Throws `StorageError.conflict` when the email is taken.
    func createUser(name: String, email: String, passwordHash: String, now: Date) async throws -> User
    func storedUser(email: String) async throws -> StoredUser?
    func user(id: String) async throws -> User?
    /// Stores `new` in place of `old` (a hash upgraded at login); does nothing if the
    /// stored hash is no longer `old`, so a concurrent change is never overwritten.
    func replacePasswordHash(userID: String, old: String, new: String) async throws
}

/// Tasks, always scoped to their owner: no method reaches another user's task.
public protocol TaskRepository: Sendable {
    /// Applies `writes` in order, each on its own with the single endpoints' rules
    /// (`TaskWritePlan`), and commits them together. Every write that changes a task takes
    /// the next value of the user's change sequence.
    func applyWrites(userID: String, _ writes: [TaskWrite], now: Date) async throws -> [TaskWriteOutcome]
    func task(userID: String, id: String) async throws -> TaskItem?
    /// The user's changes after sequence value `after` (nil: a snapshot of the live tasks),
    /// at most `limit`, in sequence order (`GET /sync`).
    func syncChanges(userID: String, after: Int?, limit: Int) async throws -> SyncOutcome
    /// Forgets tombstones of deletions before `cutoff`; cursors older than them expire.
    func purgeTombstones(deletedBefore cutoff: Date) async throws
    /// A page and the number of all matching tasks; with `knownTotal` (the caller has it for
    /// this filter under the current change counter) the count is not run again.
    func listTasks(userID: String, query: TaskQuery, now: Date, knownTotal: Int?) async throws -> (tasks: [TaskItem], total: Int)
    func stats(userID: String, now: Date) async throws -> TaskStats
    /// Grows with every change to the user's tasks; ETags are derived from it.
    func changeCounter(userID: String) async throws -> Int
}

extension TaskRepository {
    /// One write on its own (the single-task endpoints).
    public func applyWrite(userID: String, _ write: TaskWrite, now: Date) async throws -> TaskWriteOutcome {
        guard let outcome = try await applyWrites(userID: userID, [write], now: now).first else {
            throw StorageError.unavailable("the store answered a write with no outcome")
        }
        return outcome
    }

    public func createTask(userID: String, draft: TaskDraft, now: Date, idempotency: IdempotencyClaim?) async throws -> TaskWriteOutcome {
        try await applyWrite(userID: userID, .create(draft, idempotency: idempotency), now: now)
    }

    public func updateTask(userID: String, id: String, changes: TaskChanges, expectedVersion: Int?, now: Date) async throws -> TaskWriteOutcome {
        try await applyWrite(userID: userID, .update(id: id, changes: changes, expectedVersion: expectedVersion), now: now)
    }

    public func deleteTask(userID: String, id: String, expectedVersion: Int?, now: Date) async throws -> TaskWriteOutcome {
        try await applyWrite(userID: userID, .delete(id: id, expectedVersion: expectedVersion), now: now)
    }

    public func listTasks(userID: String, query: TaskQuery, now: Date) async throws -> (tasks: [TaskItem], total: Int) {
        try await listTasks(userID: userID, query: query, now: now, knownTotal: nil)
    }
}

/// Refresh tokens, kept only as hashes, grouped in families (one per login).
public protocol SessionRepository: Sendable {
    func createSession(userID: String, tokenHash: String, expiresAt: Date, now: Date) async throws
    func refreshRecord(tokenHash: String) async throws -> RefreshRecord?
    /// Compare-and-swap: marks `old` rotated and stores its successor only if nobody rotated it first.
    func rotate(old: RefreshRecord, newHash: String, expiresAt: Date, sealedSuccessor: Data, now: Date) async throws -> Bool
    func revokeFamily(_ familyID: String, now: Date) async throws
    /// Forgets what has outlived its use: sealed pairs past the grace window, expired
    /// refresh tokens, idempotency records older than a day.
    func purgeExpired(now: Date) async throws
}

/// Whether the database answers (for `/ready`).
public protocol HealthCheck: Sendable {
    func ping() async throws
}

/// Everything the server stores, as one value the controllers are generic over.
public typealias TaskFlowStore = UserRepository & TaskRepository & SessionRepository & HealthCheck

public struct StoredUser: Sendable {
    public var user: User
    public var passwordHash: String
}

public struct RefreshRecord: Sendable {
    public var tokenHash: String
    public var familyID: String
    public var userID: String
    public var expiresAt: Date
    public var rotatedAt: Date?
    /// The pair handed out when this token was rotated, sealed under a key derived from this token.
    public var sealedSuccessor: Data?
    public var familyRevoked: Bool
}

public struct StorageError: Error, Sendable, CustomStringConvertible {
    private enum Kind: Sendable { case conflict, unavailable }
    private let kind: Kind
    public let description: String

    public static func conflict(_ what: String) -> StorageError { .init(kind: .conflict, description: what) }
    public static func unavailable(_ what: String) -> StorageError { .init(kind: .unavailable, description: what) }

    public var isConflict: Bool { kind == .conflict }
    public var isUnavailable: Bool { kind == .unavailable }
}
