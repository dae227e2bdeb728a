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
    func createTask(userID: String, draft: TaskDraft, now: Date, idempotency: IdempotencyClaim?) async throws -> CreateOutcome
    func task(userID: String, id: String) async throws -> TaskItem?
    func updateTask(userID: String, id: String, changes: TaskChanges, expectedVersion: Int?, now: Date) async throws -> UpdateOutcome
    func deleteTask(userID: String, id: String, expectedVersion: Int?, now: Date) async throws -> DeleteOutcome
    /// A page and the number of all matching tasks; with `knownTotal` (the caller has it for
    /// this filter under the current change counter) the count is not run again.
    func listTasks(userID: String, query: TaskQuery, now: Date, knownTotal: Int?) async throws -> (tasks: [TaskItem], total: Int)
    func stats(userID: String, now: Date) async throws -> TaskStats
    /// Grows with every change to the user's tasks; ETags are derived from it.
    func changeCounter(userID: String) async throws -> Int
}

extension TaskRepository {
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

/// An `Idempotency-Key` and the hash of the body it came with.
public struct IdempotencyClaim: Sendable {
    public var key: String
    public var bodyHash: String
    public static let lifetime: TimeInterval = 24 * 3600
}

public enum CreateOutcome: Sendable {
    case created(TaskItem)
    /// The same key and body came before: answer with the first response's body.
    case replayed(taskID: String, body: Data)
    /// The same key came before with a different body.
    case keyConflict
}

public enum UpdateOutcome: Sendable {
    case updated(TaskItem)
    case unchanged(TaskItem)
    case notFound
    case versionMismatch(current: Int)
}

public enum DeleteOutcome: Sendable {
    case deleted(TaskItem)
    case notFound
    case versionMismatch(current: Int)
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
