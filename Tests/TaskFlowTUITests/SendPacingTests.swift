import Foundation
import TaskFlowClient
import XCTest
@testable import TaskFlowTUI

/// The journal's pacing: changes go at once while the budget is plentiful, are spread over
/// the rest of the window once half is spent, and wait for the reset when only the reserve
/// is left, so a burst of changes never meets a 429.
final class SendPacingTests: XCTestCase {
    private let pacing = SendPacing(gathering: .milliseconds(300))
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func status(remaining: Int, resetAfter: Int = 900, seenAgo: TimeInterval = 0) -> RateLimitStatus {
        RateLimitStatus(limit: 100, remaining: remaining, resetAfter: resetAfter, windowSeconds: 900, observedAt: now - seenAgo)
    }

    func testWithoutRateLimitHeadersOrWithPlentyLeftAChangeGoesAfterTheGatheringPause() {
        XCTAssertEqual(pacing.pause(after: nil, now: now), .milliseconds(300))
        XCTAssertEqual(pacing.pause(after: status(remaining: 98), now: now), .milliseconds(300))
        XCTAssertEqual(pacing.pause(after: status(remaining: 51), now: now), .milliseconds(300))
    }

    func testPastHalfTheBatchesLeftAreSpreadOverTheRestOfTheWindow() {
        // 50 left, 5 kept in reserve, 900 s to go: one batch every 20 s.
        XCTAssertEqual(pacing.pause(after: status(remaining: 50), now: now), .seconds(20))
        // Seen 450 s ago with 450 s to go then: the window resets now, nothing to wait for.
        XCTAssertEqual(pacing.pause(after: status(remaining: 50, resetAfter: 450, seenAgo: 450), now: now), .milliseconds(300))
        XCTAssertEqual(pacing.pause(after: status(remaining: 15, resetAfter: 100), now: now), .seconds(10))
    }

    func testWithOnlyTheReserveLeftNothingGoesBeforeTheWindowResets() {
        XCTAssertEqual(pacing.pause(after: status(remaining: 5, resetAfter: 120), now: now), .seconds(121))
        XCTAssertEqual(pacing.pause(after: status(remaining: 0, resetAfter: 120, seenAgo: 20), now: now), .seconds(101))
    }

    /// The arithmetic of bench/localcopy.sh's session: 200 changes, one every 300 ms, on a
    /// fresh budget of 100. Counting the batches the pacing allows must stay within it.
    func testTwoHundredChangesThreeHundredMillisecondsApartStayWithinTheBudget() {
        var remaining = 98, clock = now, nextSend = now, batches = 0, pending = 0
        let windowEnd = now + 900
        for change in 0..<200 {
            clock = now + Double(change) * 0.3
            pending += 1
            if clock >= nextSend {
                let status = RateLimitStatus(limit: 100, remaining: remaining, resetAfter: Int(windowEnd.timeIntervalSince(clock)), observedAt: clock)
                let pause = pacing.pause(after: status, now: clock)
                nextSend = clock + Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18
                batches += 1
                remaining -= 1
                pending = 0
            }
        }
        XCTAssertLessThanOrEqual(batches, 95, "the batches spend at most the budget less the reserve")
        XCTAssertGreaterThan(batches, 40, "while the budget is plentiful, changes go one by one")
    }
}
