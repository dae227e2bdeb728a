import Foundation
import TaskFlowCore

/// Registration, login, refresh-token rotation and logout, over any store.
struct AuthService<Store: UserRepository & SessionRepository>: Sendable {
    let store: Store
    let tokens: TokenService
    let hasher: any PasswordHashing
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
        let refused = APIError.unauthorized("email or password is incorrect")
        let trimmed = input.email.trimmingCharacters(in: .whitespacesAndNewlines)
        // No account has a longer email (register refuses one): nothing to look up, and
        // nothing kept in the limiter, so long emails cost no memory.
        guard trimmed.unicodeScalars.count <= Validation.emailMax else { throw refused }
        let email = trimmed.lowercased()
        let key = Self.loginLimitKey(clientAddress: clientAddress, email: email)
        let window = configuration.loginFailureWindowSeconds
        // Counted before the password is checked, so guesses sent at once each take a place
        // in the window and at most `loginFailureLimit` of them reach the hasher.
        let attempt = try await limiter.hit(key: key, window: window, now: now)
        guard attempt.count <= configuration.loginFailureLimit else {
            try? await limiter.refund(key: key, window: window, now: now)
            let wait = attempt.secondsUntilReset(from: now)
            throw APIError.rateLimited("too many failed logins; try again in \(wait) seconds", retryAfter: wait)
        }
        let stored = try await store.storedUser(email: email)
        // No stored hash can match a password with NUL (register refuses them), but an old
        // plain bcrypt hash would: bcrypt stops reading at the NUL.
        let evaluated = try await hasher.verify(input.password, hash: stored?.passwordHash)
        guard evaluated, !Validation.containsNUL(input.password), let stored else { throw refused }
        // A success is not a failed attempt: give its place back.
        try? await limiter.refund(key: key, window: window, now: now)
        if hasher.needsUpgrade(stored.passwordHash) {
            try await store.replacePasswordHash(
                userID: stored.user.id, old: stored.passwordHash, new: try await hasher.hash(input.password))
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

    /// The login limiter's counter for one address and email.
    static func loginLimitKey(clientAddress: String, email: String) -> String {
        "login:\(clientAddress):\(email)"
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
