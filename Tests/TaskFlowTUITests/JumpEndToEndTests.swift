import Foundation
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// `#` in tmux against the real server, to a task far below the loaded pages: the local
/// copy finds its row and the list goes there; a short id that fits nothing says so.
final class JumpEndToEndTests: XCTestCase {
    func testHashGoesToATaskThatIsNotLoadedYet() async throws {
        let ui = try await TmuxFixture.start(tasks: TmuxFixture.numberedTasks(130))
        defer { ui.close() }
        let session = try await ui.launch(width: 120, height: 30) { $0.contains("Task 130") && $0.contains("of 130") }
        let all = try await ui.client.allTasks()
        let oldest = try XCTUnwrap(all.first { $0.title == "Task 001" })
        // Row 130 of 130 (newest first): beyond the first pages the screen asked for.
        let short = ShortIDs(all.map(\.id)).short(oldest.id)
        try session.sendKeys("#")
        try session.sendKeys(short)
        try session.sendKeys("Enter")
        try await session.waitFor("the list at Task 001") {
            $0.contains("│Task 001") && $0.containsListRow("[ ]", "med  Task 001") && $0.contains("of 130")
        }
        try session.sendKeys("#")
        try session.sendKeys("ZZZZZZZ")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "no task has an id like ZZZZZZZ")
    }
}
