import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// Adding, editing, `$EDITOR` and deleting in the real `taskflow` binary under tmux,
/// against a real `taskflow-server`; what was saved is checked through the API.
final class FormEndToEndTests: XCTestCase {
    var ui: TmuxFixture!

    override func setUp() async throws {
        ui = try await TmuxFixture.start(tasks: [
            TaskChanges(title: "Water plants"),
            TaskChanges(title: "Write report", description: "first draft", priority: .high),
        ])
    }

    override func tearDown() { ui?.close() }

    func openUI(_ extra: [String: String] = [:]) async throws -> TmuxSession {
        try await ui.launch(extraEnvironment: extra) { $0.contains("Write report") && $0.contains("1–2 of 2") }
    }

    func serverTasks() async throws -> [TaskItem] { try await ui.client.allTasks() }

    func testAddingATaskWithEveryFieldSavesItOnTheServer() async throws {
        let session = try await openUI()
        try session.sendKeys("a")
        try await session.waitFor(text: "New task")
        try session.sendKeys("-l", "Café ☕ ทดสอบ")
        try session.sendKeys("Tab")
        try session.sendKeys("-l", "bring the good beans")
        try session.sendKeys("Tab", "Right", "Tab", "h", "Tab")
        try session.sendKeys("-l", "tomorrow")
        let preview = try await session.waitFor("the day tomorrow means") { $0.contains("(tomorrow)") }
        XCTAssertTrue(preview.contains("[in progress]") || preview.contains("[in-progress]"), preview)
        try session.sendKeys("Enter")
        let saved = try await session.waitFor("the saved task") { $0.contains("Added “Café ☕ ทดสอบ”") && $0.contains("Tasks (3)") }
        XCTAssertFalse(saved.contains("New task"), "the form closed")
        XCTAssertTrue(saved.contains("bring the good beans"), "the cursor is on the new task, its detail beside it")

        // Saved here at once, on the server a moment later (the local copy sends in the background).
        try await eventually("the task on the server") { try await self.serverTasks().contains { $0.title == "Café ☕ ทดสอบ" } }
        let all = try await serverTasks()
        let task = try XCTUnwrap(all.first { $0.title == "Café ☕ ทดสอบ" })
        XCTAssertEqual(task.description, "bring the good beans")
        XCTAssertEqual(task.status, .inProgress)
        XCTAssertEqual(task.priority, .high)
        XCTAssertEqual(task.dueDate, DateWords.parseDue("tomorrow", now: Date()))
    }

    func testTheServersValidationMessageAppearsUnderTheFieldAndTheFormStays() async throws {
        let session = try await openUI()
        try session.sendKeys("a")
        try await session.waitFor(text: "New task")
        try session.sendKeys("Tab")
        try session.sendKeys("-l", "a description without a title")
        try session.sendKeys("Enter")
        let refused = try await session.waitFor("the server's message under Title") { $0.contains("↳ must not be empty") }
        XCTAssertTrue(refused.contains("a description without a title"), "nothing typed is lost")
        XCTAssertTrue(refused.contains("1–2 of 2"), "nothing was added")
        try session.sendKeys("-l", "Now with a title")
        try session.sendKeys("Enter")
        try await session.waitFor("the saved task") { $0.contains("Added “Now with a title”") }
        try await eventually("the task on the server") { try await self.serverTasks().contains { $0.title == "Now with a title" } }
        let titles = try await serverTasks().map(\.title)
        XCTAssertEqual(titles.filter { $0 == "Now with a title" }.count, 1)
    }

    func testEditingRenamesTheTaskOnTheServer() async throws {
        let session = try await openUI()
        try session.sendKeys("e")
        try await session.waitFor(text: "Edit task")
        try session.sendKeys("C-u")
        try session.sendKeys("-l", "Write the final report")
        try session.sendKeys("Enter")
        try await session.waitFor("the renamed row") { $0.contains("Saved “Write the final report”") }
        try await eventually("the rename on the server") { try await self.serverTasks().contains { $0.title == "Write the final report" } }
        let all = try await serverTasks()
        let task = try XCTUnwrap(all.first { $0.title == "Write the final report" })
        XCTAssertEqual(task.description, "first draft", "fields not touched stay as they were")
        XCTAssertEqual(task.priority, .high)
    }

    func testEditorRoundTripSavesTheDescriptionAndGivesTheScreenBack() async throws {
        let script = ui.home.path + "/editor.sh"
        // The editor sees the current description, then writes two lines in its place.
        try """
            #!/bin/sh
            grep -q 'first draft' "$1" || exit 3
            printf 'Edited in $EDITOR\\nsecond line\\n' > "$1"
            """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let session = try await openUI(["EDITOR": script])
        try session.sendKeys("E")
        try await session.waitFor("the detail of the edited task") { $0.contains("second line") || $0.contains("Edited in $EDITOR") }
        let screen = try await session.waitFor("the whole screen back") { $0.contains("TaskFlow") && $0.contains("Water plants") }
        XCTAssertTrue(screen.contains("1–2 of 2"))
        try await eventually("the server to have the description") {
            try await self.serverTasks().first { $0.title == "Write report" }?.description == "Edited in $EDITOR\nsecond line"
        }
    }

    func testAFailingEditorChangesNothingAndSaysSo() async throws {
        let session = try await openUI(["EDITOR": "false"])
        try session.sendKeys("E")
        try await session.waitFor(text: "The editor (false) exited with status 1; nothing was changed")
        let all = try await serverTasks()
        let task = try XCTUnwrap(all.first { $0.title == "Write report" })
        XCTAssertEqual(task.description, "first draft")
    }

    func testDeleteAsksNamingTheTaskAndRemovesIt() async throws {
        let session = try await openUI()
        try session.sendKeys("d")
        try await session.waitFor(text: "Delete “Write report”? (u undoes it)")
        try session.sendKeys("n")
        try await session.waitFor("the question gone") { !$0.contains("Delete “Write report”") }
        try session.sendKeys("d")
        try await session.waitFor(text: "Delete “Write report”?")
        try session.sendKeys("y")
        try await session.waitFor("one task left") { $0.contains("Deleted “Write report”") && $0.contains("Tasks (1)") }
        try await eventually("the deletion on the server") { try await self.serverTasks().count == 1 }
        let titles = try await serverTasks().map(\.title)
        XCTAssertEqual(titles, ["Water plants"])
    }

    /// Without the local copy (`cache = false`) a form that cannot reach the server stays
    /// open with everything typed. (With it, the task is saved here and sent later:
    /// LocalCopyEndToEndTests.)
    func testWithTheServerDownAndNoLocalCopyTheFormKeepsWhatWasTyped() async throws {
        let session = try await openUI(["TASKFLOW_NO_CACHE": "1"])
        try session.sendKeys("a")
        try await session.waitFor(text: "New task")
        try session.sendKeys("-l", "Typed while offline")
        ui.server.stop()
        try session.sendKeys("Enter")
        let failed = try await session.waitFor("the failure in the form") { $0.contains("Not saved") }
        XCTAssertTrue(failed.contains("Typed while offline"))
        XCTAssertTrue(failed.contains("New task"), "the form is still open")
        XCTAssertTrue(failed.contains("Not saved (Enter tries again):"))
    }
}
