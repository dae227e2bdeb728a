import Foundation
import TaskFlowCore

/// Registration, login, refresh-token rotation and logout, over any store.
struct AuthService<Store: UserRepository & SessionRepository>: Sendable {
    let store: Store
    let tokens: TokenService
    let hasher: PasswordHasher
    let limiter: any RateLimitStore
    let configuration: ServerConfiguration
    let clock: any ServerClock

    func register(_ input: RegisterRequest, now: Date? = nil) async throws -> AuthResponse {
        let now = now ?? clock.now
        var problems: [FieldProblem] = []
        let name = Self.value(Validation.name(input.name), into: &problems)
        let email = Self.value(Validation.email(input.email), into: &problems)
        if let problem = Validation.password(input.password) { problems.append(problem) }
        guard let name, let email, problems.isEmpty else { throw ValidationFailure(problems) }
        let hash = try await hasher.hash(input.password)
        let user: User
        do {
            user = try await store.createUser(name: name, email: email, passwordHash: hash, now: now)
        } catch let error as StorageError where error.isConflict {
            throw APIError.conflict("an account with this email already exists")
        }
        return AuthResponse(user: user, tokens: try await startSession(userID: user.id, now: now))
    }

    func login(_ input: LoginRequest, clientAddress: String, now: Date? = nil) async throws -> AuthResponse {
        let now = now ?? clock.now
        let email = input.email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let key = "login:\(clientAddress):\(email)"
        let window = configuration.loginFailureWindowSeconds
        let failures = try await limiter.peek(key: key, window: window, now: now)
        if failures.count >= configuration.loginFailureLimit {
            let wait = failures.secondsUntilReset(from: now)
            throw APIError.rateLimited("too many failed logins; try again in \(wait) seconds", retryAfter: wait)
        }
        let stored = try await store.storedUser(email: email)
        guard try await hasher.verify(input.password, hash: stored?.passwordHash), let stored else {
            _ = try await limiter.hit(key: key, window: window, now: now)
            throw APIError.unauthorized("email or password is incorrect")
        }
        return AuthResponse(user: stored.user, tokens: try await startSession(userID: stored.user.id, now: now))
    }

    /// Rotates a refresh token. A token already rotated revokes its whole family, except
    /// within the grace window, which hands back the very pair the first refresh got.
    func refresh(_ token: String, now: Date? = nil) async throws -> TokenPair {
        let now = now ?? clock.now
        let invalid = APIError.unauthorized("refresh token is invalid, expired or revoked; log in again")
        guard let record = try await store.refreshRecord(tokenHash: RandomToken.hash(token)),
              !record.familyRevoked, record.expiresAt > now
        else { throw invalid }
        if let rotatedAt = record.rotatedAt {
            if now.millis - rotatedAt.millis <= RefreshGrace.windowMillis,
               let sealed = record.sealedSuccessor, let pair = RefreshGrace.open(sealed, with: token) {
                return pair
            }
            try await store.revokeFamily(record.familyID, now: now)
            throw invalid
        }
        let next = try await makePair(userID: record.userID, now: now)
        let sealed = try RefreshGrace.seal(next, under: token)
        let won = try await store.rotate(
            old: record, newHash: RandomToken.hash(next.refreshToken), expiresAt: refreshExpiry(now), sealedSuccessor: sealed, now: now)
        // Someone rotated it between our read and our write: answer as they were answered.
        return won ? next : try await refresh(token, now: now)
    }

    func logout(_ token: String, now: Date? = nil) async throws {
        let now = now ?? clock.now
        guard let record = try await store.refreshRecord(tokenHash: RandomToken.hash(token)) else { return }
        try await store.revokeFamily(record.familyID, now: now)
    }

    private func startSession(userID: String, now: Date) async throws -> TokenPair {
        let pair = try await makePair(userID: userID, now: now)
        try await store.createSession(
            userID: userID, tokenHash: RandomToken.hash(pair.refreshToken), expiresAt: refreshExpiry(now), now: now)
        return pair
    }

    private func makePair(userID: String, now: Date) async throws -> TokenPair {
        TokenPair(
            accessToken: try await tokens.issue(userID: userID, now: now),
            refreshToken: RandomToken.make(bytes: 32), expiresIn: tokens.lifetime)
    }

    private func refreshExpiry(_ now: Date) -> Date {
        now.addingTimeInterval(TimeInterval(configuration.refreshTokenLifetime))
    }

    private static func value<T>(_ result: Result<T, FieldProblem>, into problems: inout [FieldProblem]) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            problems.append(problem)
            return nil
        }
    }
}
