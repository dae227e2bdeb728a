import Foundation
import XCTest
@testable import TaskFlowClient

/// Backoff and the rate-limit budget.
final class BackoffAndLimitsTests: XCTestCase {
    func testDelaysDoubleUpToTheCapAndJitterOnlyShortensThem() {
        let backoff = Backoff(initial: .milliseconds(500), maximum: .seconds(30), jitter: 0.5)
        XCTAssertEqual(backoff.delay(attempt: 1, random: 0), .milliseconds(500))
        XCTAssertEqual(backoff.delay(attempt: 2, random: 0), .seconds(1))
        XCTAssertEqual(backoff.delay(attempt: 4, random: 0), .seconds(4))
        XCTAssertEqual(backoff.delay(attempt: 20, random: 0), .seconds(30))
        XCTAssertGreaterThan(backoff.delay(attempt: 4, random: 0.999), .seconds(2))
        XCTAssertLessThan(backoff.delay(attempt: 4, random: 0.999), .seconds(4))
        let spread = Set((0..<50).map { _ in backoff.delay(attempt: 3) })
        XCTAssertGreaterThan(spread.count, 10)
    }

    func testRateLimitHeadersAreReadWithThePolicysWindow() {
        let now = Date()
        let status = RateLimitStatus(headers: ["RateLimit-Limit": "100", "RateLimit-Remaining": "5", "RateLimit-Reset": "120",
                                               "RateLimit-Policy": "100;w=900"], at: now)
        XCTAssertEqual(status, RateLimitStatus(limit: 100, remaining: 5, resetAfter: 120, windowSeconds: 900, observedAt: now))
        XCTAssertEqual(status?.isLow, true)
        XCTAssertNil(RateLimitStatus(headers: ["RateLimit-Limit": "100"], at: now))
    }

    /// The poll interval stretches so polling spends at most half the remaining budget.
    func testPollIntervalStretchesToSpendAtMostHalfTheRemainingBudget() {
        let now = Date()
        XCTAssertEqual(TaskPoller.interval(base: .seconds(5), rateLimit: nil, now: now), .seconds(5))
        let plenty = RateLimitStatus(limit: 100, remaining: 100, resetAfter: 100, observedAt: now)
        XCTAssertEqual(TaskPoller.interval(base: .seconds(5), rateLimit: plenty, now: now), .seconds(5))
        let tight = RateLimitStatus(limit: 100, remaining: 10, resetAfter: 600, observedAt: now)
        XCTAssertEqual(TaskPoller.interval(base: .seconds(5), rateLimit: tight, now: now), .seconds(120))
        let empty = RateLimitStatus(limit: 100, remaining: 0, resetAfter: 42, observedAt: now)
        XCTAssertEqual(TaskPoller.interval(base: .seconds(5), rateLimit: empty, now: now), .seconds(43))
    }
}
