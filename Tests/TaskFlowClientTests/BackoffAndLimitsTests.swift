import Foundation
import Testing
@testable import TaskFlowClient

@Suite("Backoff and rate-limit budget")
struct BackoffAndLimitsTests {
    @Test("delays double up to the cap, and jitter only shortens them")
    func backoff() {
        let backoff = Backoff(initial: .milliseconds(500), maximum: .seconds(30), jitter: 0.5)
        #expect(backoff.delay(attempt: 1, random: 0) == .milliseconds(500))
        #expect(backoff.delay(attempt: 2, random: 0) == .seconds(1))
        #expect(backoff.delay(attempt: 4, random: 0) == .seconds(4))
        #expect(backoff.delay(attempt: 20, random: 0) == .seconds(30))
        #expect(backoff.delay(attempt: 4, random: 0.999) > .seconds(2))
        #expect(backoff.delay(attempt: 4, random: 0.999) < .seconds(4))
        let spread = Set((0..<50).map { _ in backoff.delay(attempt: 3) })
        #expect(spread.count > 10)
    }

    @Test("RateLimit-* headers are read, with the policy's window")
    func headers() {
        let now = Date()
        let status = RateLimitStatus(headers: ["RateLimit-Limit": "100", "RateLimit-Remaining": "5", "RateLimit-Reset": "120",
                                               "RateLimit-Policy": "100;w=900"], at: now)
        #expect(status == RateLimitStatus(limit: 100, remaining: 5, resetAfter: 120, windowSeconds: 900, observedAt: now))
        #expect(status?.isLow == true)
        #expect(RateLimitStatus(headers: ["RateLimit-Limit": "100"], at: now) == nil)
    }

    @Test("the poll interval stretches so polling spends at most half the remaining budget")
    func pollInterval() {
        let now = Date()
        #expect(TaskPoller.interval(base: .seconds(5), rateLimit: nil, now: now) == .seconds(5))
        let plenty = RateLimitStatus(limit: 100, remaining: 100, resetAfter: 100, observedAt: now)
        #expect(TaskPoller.interval(base: .seconds(5), rateLimit: plenty, now: now) == .seconds(5))
        let tight = RateLimitStatus(limit: 100, remaining: 10, resetAfter: 600, observedAt: now)
        #expect(TaskPoller.interval(base: .seconds(5), rateLimit: tight, now: now) == .seconds(120))
        let empty = RateLimitStatus(limit: 100, remaining: 0, resetAfter: 42, observedAt: now)
        #expect(TaskPoller.interval(base: .seconds(5), rateLimit: empty, now: now) == .seconds(43))
    }
}
