import Foundation
@testable import TaskFlowCLI
import TaskFlowCore
import TerminalUI
import XCTest

/// The `ls` table without a server: columns by display width, the page summary.
final class TaskTableTests: XCTestCase {
    private let now = Timestamp.parse("2026-12-02T12:00:00Z")!

    func testColumnsLineUpByDisplayWidthWhateverTheScript() throws {
        let tasks = [
            TaskItem(id: "a1", title: "日本語のタスク", priority: .high, dueDate: DueDate.parse("2026-12-03"), createdAt: now, updatedAt: now),
            TaskItem(id: "b22", title: "🎉 party", status: .inProgress, createdAt: now, updatedAt: now),
            TaskItem(id: "c333", title: "plain", status: .todo, priority: .low, dueDate: DueDate.parse("2026-11-30"), createdAt: now, updatedAt: now),
        ]
        let lines = TaskTable(output: TerminalOutput(noColourFlag: true), now: now, shortIDs: ShortIDs([])).render(tasks)
        XCTAssertEqual(lines.count, 4)
        let titleColumns = try zip(lines, ["TITLE"] + tasks.map(\.title)).map { line, title in
            let range = try XCTUnwrap(line.range(of: title), "\(title) not in \(line)")
            return DisplayWidth.of(String(line[..<range.lowerBound]))
        }
        XCTAssertEqual(Set(titleColumns).count, 1, "title column starts at different columns: \(lines)")
        XCTAssertTrue(lines[1].contains("tomorrow"))
        XCTAssertTrue(lines[3].contains("2d overdue"))
        XCTAssertFalse(lines.joined().contains("\u{1B}"))
    }

    func testThePageSummaryStatesTheServersTotal() {
        XCTAssertEqual(TaskTable.summary(Pagination(page: 3, limit: 20, total: 1234), shown: 20), "41–60 of 1234 (page 3 of 62)")
        XCTAssertEqual(TaskTable.summary(Pagination(page: 1, limit: 20, total: 0), shown: 0), "No tasks.")
    }

    func testADoneTaskIsNeverOverdue() {
        let late = TaskItem(id: "d1", title: "late but done", status: .done, dueDate: DueDate.parse("2026-11-22"), createdAt: now, updatedAt: now)
        let output = TerminalOutput(noColourFlag: true)
        let row = TaskTable(output: output, now: now, shortIDs: ShortIDs([])).render([late])[1]
        XCTAssertTrue(row.contains("due 10d ago") && !row.contains("overdue"), row)
        let detail = TaskDetail(output: output, now: now).render(late).joined(separator: "\n")
        XCTAssertTrue(detail.contains("(due 10d ago)") && !detail.contains("overdue"), detail)
    }
}
