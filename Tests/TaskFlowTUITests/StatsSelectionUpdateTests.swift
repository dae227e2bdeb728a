import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The stats pane as a way into the list: ↑/↓ select a row, Enter makes its filter the
/// list's and focuses the list; stats that follow the filter are asked for again with it.
final class StatsSelectionUpdateTests: XCTestCase {
    private func statsFocused() -> AppState {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        _ = update(&state, .statsLoaded(ScopedStats(Fixtures.stats, followsFilter: true)))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.focus, .stats)
        return state
    }

    func testArrowsSelectARowWithinThePane() {
        var state = statsFocused()
        XCTAssertEqual(update(&state, .key(.down)), [])
        _ = update(&state, .key(.char("j")))
        XCTAssertEqual(StatsRow(rawValue: state.statsSelection), .done)
        for _ in 0..<20 { _ = update(&state, .key(.down)) }
        XCTAssertEqual(StatsRow(rawValue: state.statsSelection), .dueThisWeek, "stops at the last row")
        _ = update(&state, .key(.up))
        XCTAssertEqual(StatsRow(rawValue: state.statsSelection), .dueToday)
        XCTAssertEqual(state.cursor, 0, "the list's cursor did not move")
    }

    func testEnterOnARowReplacesTheFilterAndFocusesTheList() {
        var state = statsFocused()
        state.query.search = "old words"
        for _ in 0..<6 { _ = update(&state, .key(.down)) }  // overdue
        let effects = update(&state, .key(.enter))
        XCTAssertEqual(state.focus, .list)
        XCTAssertEqual(state.filterText, "due:overdue")
        XCTAssertTrue(state.query.overdue)
        XCTAssertNil(state.query.search, "the row's filter replaces the one in force")
        XCTAssertEqual(effects, [.fetchPage(state.query, generation: state.tasks.generation), .fetchStats(state.query)])
        // The title names what the counts on screen cover: the new filter once they are in.
        XCTAssertTrue(ScreenView.render(state).frame.description.contains("┌ Stats ─"))
        _ = update(&state, .statsLoaded(ScopedStats(Fixtures.stats, followsFilter: true)))
        XCTAssertTrue(ScreenView.render(state).frame.description.contains("┌ Stats · due:overdue ─"))

        var priority = statsFocused()
        for _ in 0..<3 { _ = update(&priority, .key(.down)) }
        _ = update(&priority, .key(.enter))
        XCTAssertEqual(priority.filterText, "priority:high")
        XCTAssertEqual(priority.query.priorities, [.high])
    }

    func testStatsThatCountEveryTaskAreNotAskedForAgainOnAFilter() {
        var state = statsFocused()
        _ = update(&state, .statsLoaded(ScopedStats(Fixtures.stats, followsFilter: false)))
        _ = update(&state, .key(.enter))
        XCTAssertEqual(state.filterText, "status:todo")
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("Stats · all tasks"), screen)
    }
}
