import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// The screen on its local copy, in tmux against the real server: undo and redo, and
/// changes made while the server is down reaching it once it is back.
final class LocalCopyEndToEndTests: XCTestCase {
    var ui: TmuxFixture!

    override func setUp() async throws {
        ui = try await TmuxFixture.start(tasks: TmuxFixture.numberedTasks(5))
    }

    override func tearDown() { ui?.close() }

    private func openUI() async throws -> TmuxSession {
        try await ui.launch(width: 120, height: 30, term: "tmux-256color") { $0.contains("Task 005") && $0.contains("1–5 of 5") }
    }

    private func serverTask(_ title: String) async throws -> TaskItem? {
        try await ui.client.allTasks().first { $0.title == title }
    }

    func testUndoAndRedoAKeyAndADeletion() async throws {
        let session = try await openUI()
        try await session.waitFor(text: "● live")
        try session.sendKeys("x")  // Task 005 done
        try await eventually("the server to have Task 005 done") { try await self.serverTask("Task 005")?.status == .done }
        try session.sendKeys("u")
        try await session.waitFor(text: "Undid: status done")
        try await eventually("the undo to reach the server") { try await self.serverTask("Task 005")?.status == .todo }
        try session.sendKeys("C-r")
        try await session.waitFor(text: "Redid: status done")
        try await eventually("the redo to reach the server") { try await self.serverTask("Task 005")?.status == .done }

        let done = try await serverTask("Task 005")
        let id = try XCTUnwrap(done).id
        try session.sendKeys("d")
        try await session.waitFor(text: "Delete “Task 005”? (u undoes it)")
        try session.sendKeys("y")
        try await eventually("the deletion to reach the server") { try await self.serverTask("Task 005") == nil }
        try session.sendKeys("u")
        try await eventually("the task back on the server under its id") { try await self.serverTask("Task 005")?.id == id }
        try await session.waitFor("the task back on the screen") { $0.contains("Task 005") && $0.contains("1–5 of 5") }
    }

    /// Marks, one bulk change, one undo for all of it, and one question for a bulk delete.
    func testMarkedTasksChangeTogetherAndOneUndoTakesItAllBack() async throws {
        let session = try await openUI()
        try await session.waitFor(text: "● live")
        try session.sendKeys("Space", "Space", "Space")
        try await session.waitFor(text: "3 marked")
        try session.sendKeys("x")
        try await eventually("three tasks done on the server") {
            try await self.ui.client.allTasks().filter { $0.status == .done }.map(\.title).sorted() == ["Task 003", "Task 004", "Task 005"]
        }
        try session.sendKeys("u")
        try await session.waitFor(text: "Undid: status done on 3 tasks")
        try await eventually("one undo to bring all three back") {
            try await self.ui.client.allTasks().allSatisfy { $0.status == .todo }
        }
        try session.sendKeys("*")
        try await session.waitFor(text: "5 marked")
        try session.sendKeys("d")
        try await session.waitFor(text: "Delete 5 marked tasks? (u undoes it)")
        try session.sendKeys("y")
        try await eventually("every task deleted on the server") { try await self.ui.client.allTasks().isEmpty }
        try session.sendKeys("u")
        try await eventually("all five back") { try await self.ui.client.allTasks().count == 5 }
    }

    /// With marks, the edit form sets status, priority and due on every marked task: one
    /// batch, one undo step.
    func testTheEditFormChangesEveryMarkedTaskAndOneUndoTakesItBack() async throws {
        let session = try await openUI()
        try await session.waitFor(text: "● live")
        try session.sendKeys("Space", "Space", "Space")
        try await session.waitFor(text: "3 marked")
        try session.sendKeys("e")
        try await session.waitFor(text: "Edit 3 marked tasks")
        try session.sendKeys("Tab", "h", "Tab")
        try session.sendKeys("tomorrow")
        try await session.waitFor(text: "(tomorrow)")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "Changed 3 marked tasks")
        let tomorrow = Timestamp.day(Date().addingTimeInterval(86_400))
        try await eventually("three tasks high and due tomorrow on the server") {
            let changed = try await self.ui.client.allTasks().filter { $0.priority == .high && $0.dueDate.map(Timestamp.day) == tomorrow }
            return changed.map(\.title).sorted() == ["Task 003", "Task 004", "Task 005"]
        }
        try session.sendKeys("u")
        try await session.waitFor(text: "Undid: edit on 3 tasks")
        try await eventually("one undo to bring all three back") {
            try await self.ui.client.allTasks().allSatisfy { $0.priority == .medium && $0.dueDate == nil }
        }
    }

    /// The ID column shows each task's short id, and `#` with one (any case) goes to it.
    func testHashGoesToATaskByTheShortIDTheListShows() async throws {
        let session = try await openUI()
        let all = try await ui.client.allTasks()
        let shortIDs = ShortIDs(all.map(\.id))
        let first = try XCTUnwrap(all.first { $0.title == "Task 001" })
        let short = shortIDs.short(first.id)
        try await session.waitFor("the short ids in the list") { $0.containsListRow("[ ]", "med  Task 001") && $0.contains("│[ ] \(short) ") }
        try session.sendKeys("#")
        try session.sendKeys(short.lowercased())
        try session.sendKeys("Enter")
        try await session.waitFor("the detail of Task 001") { $0.contains("│Task 001") && $0.contains(first.id) }
    }

    /// `y` then `i`, `t` or `j` puts the task on the clipboard with OSC 52: tmux, with
    /// set-clipboard on, keeps what it receives as a paste buffer.
    func testYankCopiesTheIdTitleOrJSONWithOSC52() async throws {
        let session = try await openUI()
        try session.allowClipboard()
        let found = try await serverTask("Task 005")
        let task = try XCTUnwrap(found)
        try session.sendKeys("y")
        try await session.waitFor(text: "Copy: i the id")
        try session.sendKeys("i")
        try await session.waitFor(text: "Copied the id \(task.id)")
        try await eventually("the id in tmux's clipboard") { (try? session.clipboard()) == task.id }
        try session.sendKeys("y", "t")
        try await eventually("the title in tmux's clipboard") { (try? session.clipboard()) == "Task 005" }
        try session.sendKeys("y", "j")
        try await eventually("the task as JSON in tmux's clipboard") {
            guard let text = try? session.clipboard() else { return false }
            return (try? TaskFlowJSON.decode(TaskItem.self, from: Data(text.utf8)))?.id == task.id
        }
    }

    func testChangesMadeWhileTheServerIsDownReachItWhenItIsBack() async throws {
        let session = try await openUI()
        try await session.waitFor(text: "● live")
        ui.server.terminate()
        _ = try await ui.server.waitForExit()
        try session.sendKeys("x")
        try session.sendKeys("j")
        try session.sendKeys("p")
        try await session.waitFor("both changes on the screen with the server down") { screen in
            screen.containsListRow("[x]", "med  Task 005") && screen.contains("high Task 004")
        }
        try await ui.server.restart()
        try await eventually("the changes made offline on the server", within: .seconds(20)) {
            let tasks = try await self.ui.client.allTasks()
            return tasks.first { $0.title == "Task 005" }?.status == .done && tasks.first { $0.title == "Task 004" }?.priority == .high
        }
    }
}
