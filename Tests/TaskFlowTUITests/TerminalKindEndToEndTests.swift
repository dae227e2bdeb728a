import Foundation
import XCTest

/// Terminals that cannot run the screen, and terminals without an alternate screen.
extension EndToEndTests {
    func testADumbTerminalIsToldSoAndTheClientExits1() async throws {
        let session = try ui.open([try ui.taskflow(), "--server", ui.server.url], environment: ui.environment(term: "dumb"))
        let screen = try await session.waitFor(text: "EXITED:")
        XCTAssertTrue(screen.contains("cannot run the full-screen client"), screen)
        XCTAssertTrue(screen.contains("TERM=dumb"), screen)
        XCTAssertTrue(screen.contains("EXITED:1"), screen)
    }

    func testQuittingOnAVT100ClearsTheLastFrame() async throws {
        // vt100 has no alternate screen: without a clear the prompt would land on the frame.
        let session = try await openUI(term: "vt100")
        try session.sendKeys("q")
        let after = try await session.waitFor(text: "EXITED:0")
        XCTAssertFalse(after.contains("Task 075") || after.contains("Tasks (75)"), "the last frame is still on screen:\n\(after)")
    }
}
