import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// Search, filter and sort in the real `taskflow` binary under tmux, answered by a real
/// `taskflow-server`, so the query text the screen builds is the one the server reads.
final class QueryEndToEndTests: XCTestCase {
    var ui: TmuxFixture!

    override func setUp() async throws {
        ui = try await TmuxFixture.start(tasks: TmuxFixture.numberedTasks(6) + [
            TaskChanges(title: "Write report", priority: .high),
            TaskChanges(title: "Read book", status: .done),
            TaskChanges(title: "Report expenses", status: .inProgress),
        ])
    }

    override func tearDown() { ui?.close() }

    func openUI() async throws -> TmuxSession {
        try await ui.launch { $0.contains("Report expenses") && $0.contains("1–9 of 9") }
    }

    /// The first row of the list pane.
    func firstRow(_ screen: String) -> String { screen.split(separator: "\n").dropFirst(2).first.map(String.init) ?? "" }

    func testSearchAsYouTypeAndEscBack() async throws {
        let session = try await openUI()
        try session.sendKeys("/")
        try session.sendKeys("report")
        let found = try await session.waitFor("two matches") { $0.contains("2 matches") && !$0.contains("Read book") }
        XCTAssertTrue(found.contains("Write report") && found.contains("Report expenses"))
        try session.sendKeys("Escape")
        try await session.waitFor("every task again") { $0.contains("1–9 of 9") && $0.contains("Read book") }
    }

    /// Issue 15: `/` again appended to the old search ("reportread").
    func testSlashAgainStartsANewSearch() async throws {
        let session = try await openUI()
        try session.sendKeys("/")
        try session.sendKeys("report", "Enter")
        try await session.waitFor(text: "1–2 of 2")
        try session.sendKeys("/")
        try session.sendKeys("book")
        try await session.waitFor("one match for “book” alone, not “reportbook”") { screen in
            screen.contains("1 match") && screen.contains("Read book") && screen.split(separator: "\n").last?.hasPrefix("/book") == true
        }
    }

    func testFilterLineAndABadValue() async throws {
        let session = try await openUI()
        try session.sendKeys("f")
        try session.sendKeys("status:doing", "Enter")
        try await session.waitFor(text: "bad status 'doing'")
        try session.sendKeys("C-u")
        try session.sendKeys("status:done,in-progress", "Enter")
        let filtered = try await session.waitFor("done and in-progress tasks") {
            $0.contains("1–2 of 2") && $0.contains("filter: status:done,in-progress")
        }
        XCTAssertTrue(filtered.contains("Read book") && filtered.contains("Report expenses"))
        XCTAssertFalse(filtered.contains("Task 001"))
        try session.sendKeys("F")
        try await session.waitFor("every task again") { $0.contains("1–9 of 9") && !$0.contains("filter:") }
    }

    func testSortByTitleAscending() async throws {
        let session = try await openUI()
        try session.sendKeys("o")
        try await session.waitFor(text: "Sort by")
        try session.sendKeys("Down", "Down", "Down", "Down", "Enter")
        let sorted = try await session.waitFor("the list in title order") { self.firstRow($0).contains("Read book") }
        XCTAssertTrue(sorted.contains("sort: title ↑"))
        XCTAssertTrue(sorted.split(separator: "\n")[3].contains("Report expenses"))
    }

    /// Issue 15: the stats count the filter's tasks and say so in their title; Enter on a
    /// stats row filters the list by it.
    func testStatsFollowTheFilterAndEnterOnOverdueShowsOnlyOverdueTasks() async throws {
        let day: TimeInterval = 86_400
        for (title, days, status) in [("Late one", -2.0, TaskStatus.todo), ("Late two", -3.0, .inProgress), ("Late but done", -2.0, .done)] {
            _ = try await ui.client.createTask(TaskChanges(title: title, status: status, dueDate: .set(Date().addingTimeInterval(days * day))))
        }
        let session = try await ui.launch { $0.contains("Late one") && $0.contains("1–12 of 12") && $0.contains("overdue 2") }
        XCTAssertTrue(try session.capture().contains("┌ Stats ─"), "no filter: a plain title")
        try session.sendKeys("f")
        try session.sendKeys("status:done", "Enter")
        let filtered = try await session.waitFor("the stats of the done tasks") {
            $0.contains("Stats · status:done") && $0.contains("overdue 0") && $0.contains("1–2 of 2") && $0.contains("Late but done")
        }
        XCTAssertTrue(filtered.contains("Read book") && filtered.contains("Late but done"), filtered)
        // Tab twice: the stats pane; six rows down: overdue.
        try session.sendKeys("Tab", "Tab")
        try session.sendKeys("j", "j", "j", "j", "j", "j", "Enter")
        let overdue = try await session.waitFor("only the overdue tasks, and their stats") {
            $0.contains("filter: due:overdue") && $0.contains("1–2 of 2") && $0.contains("Late two")
                && $0.contains("Stats · due:overdue") && $0.contains("overdue 2")
        }
        XCTAssertTrue(overdue.contains("Late one") && overdue.contains("Late two"), overdue)
        XCTAssertFalse(overdue.contains("Late but done") || overdue.contains("Task 001"), overdue)
    }
}
