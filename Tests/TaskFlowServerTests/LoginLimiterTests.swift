import Foundation
import HTTPTypes
import HummingbirdTesting
import Synchronization
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// API.md, Rate limits: a login attempt is counted before its password is checked and
/// given back when it succeeds, so however many guesses arrive at once, at most
/// `loginFailureLimit` of them are evaluated in a window.
final class LoginLimiterTests: XCTestCase {
    func testFortyConcurrentGuessesGetAtMostFiveEvaluations() async throws {
        let services = try await TestServer.services()
        defer { TestServer.removeDatabase(of: services.configuration) }
        let counting = CountingPasswordHasher(wrapping: services.hasher)
        let auth = AuthService(
            store: services.store, tokens: services.tokens, hasher: counting, limiter: services.rateLimits,
            configuration: services.configuration, clock: services.clock)
        _ = try await auth.register(RegisterRequest(name: "Ann", email: "ann@example.com", password: "correct horse"))
        let outcomes = await withTaskGroup(of: String.self, returning: [String].self) { group in
            for guess in 0..<40 {
                let password = guess == 39 ? "correct horse" : "guess number \(guess)"
                group.addTask {
                    do {
                        _ = try await auth.login(LoginRequest(email: "ann@example.com", password: password), clientAddress: "203.0.113.9")
                        return "200"
                    } catch let error as APIError {
                        return String(error.status.code)
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertLessThanOrEqual(counting.evaluations, 5, "outcomes: \(outcomes.sorted())")
        XCTAssertEqual(outcomes.filter { $0 != "429" }.count, counting.evaluations, "every evaluation answers 200 or 401")
        XCTAssertEqual(Set(outcomes).subtracting(["200", "401", "429"]), [])
    }

    func testConcurrentGuessesOverHTTPAreCappedAtTheLimit() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register()
            let statuses = try await withThrowingTaskGroup(of: Int.self, returning: [Int].self) { group in
                for guess in 0..<40 {
                    group.addTask { try await client.login(password: "wrong guess \(guess)").status.code }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(statuses.filter { $0 == 401 }.count, 5, "\(statuses.sorted())")
            XCTAssertEqual(statuses.filter { $0 == 429 }.count, 35)
            // The window is spent: even the right password waits.
            assertAPIError(try await client.login(), .tooManyRequests, "rate_limited")
        }
    }

    func testASuccessfulLoginGivesItsAttemptBack() async throws {
        try await TestServer.withRouter { client, _ in
            _ = try await client.register()
            for _ in 0..<4 { check(try await client.login(password: "wrong horse").status, .unauthorized) }
            for _ in 0..<10 { check(try await client.login().status, .ok, "successes do not count") }
            check(try await client.login(password: "wrong horse").status, .unauthorized, "the fifth failure is still evaluated")
            assertAPIError(try await client.login(), .tooManyRequests, "rate_limited")
        }
    }

    func testAnOverlongEmailIsAPlain401ThatTheLimiterNeverStores() async throws {
        try await TestServer.withRouter { client, services in
            _ = try await client.register()
            let long = String(repeating: "a", count: 60_000) + "@example.com"
            for _ in 0..<10 {
                let refused = try await expectAPIError {
                    try await services.auth.login(LoginRequest(email: long, password: "wrong horse"), clientAddress: "198.51.100.7")
                }
                XCTAssertEqual(refused?.status, .unauthorized, "a plain 401, never 429: nothing was counted")
            }
            let stored = try await services.rateLimits.peek(
                key: AuthService<AnyTaskFlowStore>.loginLimitKey(clientAddress: "198.51.100.7", email: long),
                window: services.configuration.loginFailureWindowSeconds, now: services.clock.now)
            XCTAssertEqual(stored.count, 0)
            assertAPIError(try await client.login(email: long), .unauthorized, "unauthorized")
            // 254 characters is still an email: looked up and counted like any other.
            let longest = String(repeating: "b", count: 242) + "@example.com"
            XCTAssertEqual(longest.count, 254)
            for _ in 0..<5 { assertAPIError(try await client.login(email: longest), .unauthorized, "unauthorized") }
            assertAPIError(try await client.login(email: longest), .tooManyRequests, "rate_limited")
        }
    }
}

/// The real hasher, counting how many password checks reach it.
final class CountingPasswordHasher: PasswordHashing {
    private let real: any PasswordHashing
    private let count = Mutex(0)

    init(wrapping real: any PasswordHashing) { self.real = real }

    var evaluations: Int { count.withLock { $0 } }

    func hash(_ password: String) async throws -> String { try await real.hash(password) }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        count.withLock { $0 += 1 }
        return try await real.verify(password, hash: hash)
    }

    func needsUpgrade(_ hash: String) -> Bool { real.needsUpgrade(hash) }
}
