import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The add/edit form on small terminals (issue 15: at 40×12 it sat on the pane's border,
/// "┌┌" and "││" down both sides).
final class FormLayoutViewTests: XCTestCase {
    func editing(at size: Size) -> AppState {
        var state = Fixtures.mainState(size: size, all: [Fixtures.task(1, title: "A rather long title for a task", dueInDays: 3)])
        _ = update(&state, .key(.char("e")))
        return state
    }

    func testAt40x12TheFormCoversThePaneAndEveryFieldFits() {
        let screen = ScreenView.render(editing(at: Size(width: 40, height: 12))).frame.description
        XCTAssertEqual(screen, """
             TaskFlow … connecting… · synced 0s ago
            ┌ Edit task ───────────────────────────┐
            │ Title         long title for a task  │
            │ Description  optional · ^O opens $E… │
            │ Status       ‹ todo ›                │
            │ Priority      low  [medium]  high    │
            │ Due          2026-12-04              │
            │                                      │
            │                                      │
            │                                      │
            └──────────────────────────────────────┘
             Enter save   sort: created ↓  1–1 of 1
            """)
    }

    func testWhenTheRowsDoNotFitTheyScrollToTheFocusedFieldAndSaySo() {
        var state = editing(at: Size(width: 40, height: 10))
        state.taskForm?.problems = [.title: "must not be empty", .due: "not a date"]
        state.taskForm?.focus = .due
        state.taskForm?.message = "The server is down; nothing was lost"
        XCTAssertEqual(ScreenView.render(state).frame.description, """
             TaskFlow … connecting… · synced 0s ago
            ┌ Edit task ────────────────── ↑ more ─┐
            │ Description  optional · ^O opens $E… │
            │ Status       ‹ todo ›                │
            │ Priority      low  [medium]  high    │
            │ Due          2026-12-04              │
            │              ↳ not a date            │
            │ The server is down; nothing was lost │
            └──────────────────────────────────────┘
             Enter save   sort: created ↓  1–1 of 1
            """)
        state.taskForm?.focus = .title
        let top = ScreenView.render(state).frame.description.split(separator: "\n").map(String.init)
        XCTAssertEqual(top[2], "│ Title         long title for a task  │")
        XCTAssertEqual(top[3], "│              ↳ must not be empty     │")
        XCTAssertEqual(top[8], "└───────────────────────────── ↓ more ─┘")
    }

    func testWideEnoughTheFormKeepsAMarginAndListsEveryChoice() {
        let lines = ScreenView.render(editing(at: Size(width: 84, height: 24))).frame.description.split(separator: "\n").map(String.init)
        let top = lines.first { $0.contains("Edit task") } ?? ""
        XCTAssertEqual(top.prefix(4), "│ ┌ ", "two cells from the pane's border")
        XCTAssertTrue(lines.contains { $0.contains("[todo]  in progress   done") })
    }
}
