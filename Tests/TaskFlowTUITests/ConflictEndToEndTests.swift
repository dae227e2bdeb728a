import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// The conflict view in the real binary under tmux: the screen changes a task's priority
/// while its server is down, a second client renames the task meanwhile (through a second
/// server on the same database, so the order is certain), and when the server is back the
/// screen's change meets 412 and is kept as a conflict. The view then keeps mine for the
/// priority and theirs for the title.
final class ConflictEndToEndTests: XCTestCase {
    var ui: TmuxFixture!

    override func setUp() async throws {
        ui = try await TmuxFixture.start(tasks: TmuxFixture.numberedTasks(3))
    }

    override func tearDown() { ui?.close() }

    func testKeepMineForOneFieldAndTheirsForAnother() async throws {
        let session = try await ui.launch(width: 120, height: 30) { $0.contains("Task 003") && $0.contains("1–3 of 3") }
        try await session.waitFor(text: "● live")
        ui.server.terminate()
        _ = try await ui.server.waitForExit()
        try session.sendKeys("p")  // Task 003, the first row: medium → high, based on version 1
        try await session.waitFor(text: "high Task 003")

        // The other client: another instance of the server on the same database.
        let other = try await ServerProcess.start(["DATABASE_URL": "sqlite:\(ui.server.directory.path)/tasks.sqlite"])
        defer { other.stop() }
        let elsewhere = APIClient(session: try Session(server: other.address, store: InMemoryCredentialStore()))
        _ = try await elsewhere.login(email: "ada@example.com", password: "correct horse battery")
        let found = try await elsewhere.allTasks().first { $0.title == "Task 003" }
        let id = try XCTUnwrap(found).id
        _ = try await elsewhere.updateTask(id: id, TaskChanges(title: "Renamed elsewhere"))
        other.terminate()
        _ = try await other.waitForExit()

        try await ui.server.restart()
        let kept = try await session.waitFor("the refused change kept as a conflict", timeout: 30) {
            $0.contains("1 conflict") && $0.contains("! Renamed elsewhere")
        }
        XCTAssertTrue(kept.contains("conflict: press C to resolve"), kept)

        try session.sendKeys("C")
        let view = try await session.waitFor(text: "Conflict: Renamed elsewhere")
        XCTAssertTrue(view.contains("Task 003") && view.contains("Renamed elsewhere"), view)
        try session.sendKeys("Down", "m", "Enter")
        try await eventually("the server to have their title and my priority", within: .seconds(20)) {
            let task = try await self.ui.client.task(id: id).value
            return task.title == "Renamed elsewhere" && task.priority == .high
        }
        try await session.waitFor("the conflict gone from the header and the list") {
            !$0.contains("conflict") && $0.contains("high Renamed elsewhere")
        }
    }
}
