import Foundation
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Results from the network reach the screen when they arrive, not when the key wait ends.
final class ProgramWakeTests: XCTestCase {
    func testAResultArrivingDuringAKeyWaitEndsTheWait() {
        let service = FakeTaskService(tasks: Fixtures.tasks(30))
        let program = makeProgram(service)
        program.backend.waitsLikeATerminal = true
        program.start()
        // No key comes: only the session arriving from the effect thread can end this wait
        // early. Before the inbox woke the loop, each result waited out the whole wait.
        let started = ContinuousClock.now
        program.step(wait: .seconds(20))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(10), "the wait ran to its end")
        XCTAssertNotNil(program.state.session, "the session that ended the wait was taken in")
        // And the rest follows the same way: page and stats, each as it arrives.
        for _ in 0..<3 where !(program.state.tasks.isLoaded && program.state.stats != nil) {
            program.step(wait: .seconds(20))
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(10))
        XCTAssertTrue(screen(program).contains("Task 1 "), screen(program))
        XCTAssertTrue(screen(program).contains("todo        30"), screen(program))
    }
}
