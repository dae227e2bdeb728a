import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// A done task is never "overdue": its past due date reads as history, in the list and
/// in the detail pane, and does not take the overdue colour.
final class DoneTaskDueViewTests: XCTestCase {
    let tasks = [
        Fixtures.task(1, title: "Finished late", status: .done, dueInDays: -10),
        Fixtures.task(2, title: "Still open", dueInDays: -10),
    ]

    func testTheListSaysWhenADoneTaskWasDueNotThatItIsOverdue() {
        let state = Fixtures.mainState(size: Size(width: 40, height: 10), all: tasks)
        var buffer = ScreenBuffer(width: 40, height: 4)
        buffer.render(TaskListPane(state: state, isFocused: true), in: buffer.area)
        XCTAssertEqual(buffer.description, """
            ┌ Tasks (2) ───────────────────────────┐
            │[x] 0001 med  Finished la… due 10d ago│
            │[ ] 0002 med  Still open   10d overdue│
            └──────────────────────────────────────┘
            """)
        XCTAssertNotEqual(buffer[30, 1].style.foreground, .overdue)
        XCTAssertEqual(buffer[30, 2].style.foreground, .overdue)
    }

    func testTheDetailPaneSaysWhenADoneTaskWasDue() {
        var buffer = ScreenBuffer(width: 60, height: 12)
        buffer.render(DetailPane(task: tasks[0], isLoading: false, scroll: 0, now: Fixtures.now, isFocused: true), in: buffer.area)
        XCTAssertTrue(buffer.description.contains("(due 10d ago)"), buffer.description)
        XCTAssertFalse(buffer.description.contains("overdue"), buffer.description)
    }
}
