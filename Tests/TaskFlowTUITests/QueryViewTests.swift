import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// How the search and filter lines, the active filter and the sort popup look.
final class QueryViewTests: XCTestCase {
    func lines(_ state: AppState) -> [String] {
        ScreenView.render(state).frame.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func loaded(_ state: inout AppState, _ all: [TaskItem], _ effects: [Effect]) {
        for case .fetchPage(let query, let generation) in effects {
            _ = update(&state, .pageLoaded(page: query.page, generation: generation, Fixtures.page(all, query), nil))
        }
    }

    func testTheSearchLineShowsTheTextTheCursorAndTheMatchCount() {
        var state = Fixtures.mainState(all: Fixtures.tasks(30))
        _ = update(&state, .key(.char("/")))
        for character in "task" { _ = update(&state, .key(.char(character))) }
        loaded(&state, Fixtures.tasks(12), update(&state, .typingPaused(generation: state.searchGeneration)))
        let (frame, cursor) = ScreenView.render(state)
        let footer = frame.description.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(footer.hasPrefix("/task "), footer)
        XCTAssertTrue(footer.hasSuffix("12 matches"), footer)
        XCTAssertEqual(cursor, Point(x: 5, y: 29))
    }

    func testARefusedFilterIsNamedOnTheLine() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("f")))
        for character in "due:soon" { _ = update(&state, .key(.char(character))) }
        _ = update(&state, .key(.enter))
        let footer = lines(state).last ?? ""
        XCTAssertTrue(footer.hasPrefix("filter: due:soon "), footer)
        XCTAssertTrue(footer.hasSuffix("bad due 'soon': use today, week, overdue, <7d, >2026-12-01 or a date"), footer)
    }

    func testTabsCandidatesAreListedOnTheLineWithTheChosenOneInBrackets() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("f")))
        for character in "due:" { _ = update(&state, .key(.char(character))) }
        _ = update(&state, .key(.tab))
        XCTAssertTrue(lines(state).last!.hasSuffix("today tomorrow week overdue <7d >7d"), lines(state).last!)
        _ = update(&state, .key(.tab))
        let footer = lines(state).last!
        XCTAssertTrue(footer.hasPrefix("filter: due:today "), footer)
        XCTAssertTrue(footer.hasSuffix("[today] tomorrow week overdue <7d >7d"), footer)
    }

    func testARelativeDueFilterIsShownAsWritten() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("f")))
        for character in "due:<7d" { _ = update(&state, .key(.char(character))) }
        loaded(&state, Fixtures.tasks(2), update(&state, .key(.enter)))
        XCTAssertTrue(lines(state).last!.hasSuffix("filter: due:<7d  sort: created ↓  1–2 of 2"), lines(state).last!)
        XCTAssertTrue(lines(state)[1].hasPrefix("┌ Tasks (2) · due:<7d ─"), lines(state)[1])
    }

    func testTheActiveFilterAndSortStayInTheFooter() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        // The view first: a view replaces the filter, `!` then narrows it.
        loaded(&state, [Fixtures.task(1, priority: .high)], update(&state, .key(.char("1"))))
        loaded(&state, [Fixtures.task(1, priority: .high)], update(&state, .key(.char("!"))))
        XCTAssertTrue(lines(state).last!.hasSuffix("filter: status:todo priority:high  sort: created ↓  1–1 of 1"), lines(state).last!)
    }

    func testTheSortPopupMarksTheChosenFieldAndDirection() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("o")))
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char(" ")))
        let screen = lines(state)
        let top = try! XCTUnwrap(screen.firstIndex { $0.contains("┌ Sort by ─") })
        XCTAssertTrue(screen[top + 1].contains("│ created                    │"), screen[top + 1])
        XCTAssertTrue(screen[top + 2].contains("│ updated  ↑ ascending       │"), screen[top + 2])
        XCTAssertTrue(screen[top + 6].contains("│ status                     │"), screen[top + 6])
        XCTAssertTrue(screen[top + 7].contains("└────"), screen[top + 7])
        XCTAssertTrue(screen.last!.hasPrefix(" j/↓ move  Space/- flip  Enter apply  Esc/q/o cancel"), screen.last!)
        XCTAssertFalse(screen.last!.contains("refresh"), "global keys do nothing while the popup is open")
    }

    func testTheHelpListsTheLineAndSortKeys() {
        let text = HelpView(HelpOverlay.sections(TUIKeymap.standard)).lines().map { $0.map(\.text).joined() }
            .joined(separator: "\n")
        XCTAssertTrue(text.contains("Search and filter line"))
        XCTAssertTrue(text.contains("Complete a filter key or value"))
        XCTAssertTrue(text.contains("Flip the direction"))
    }

    func testTheActiveFilterStaysInSightWhileAMessageHasTheFooter() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        loaded(&state, [], update(&state, .key(.char("1"))))
        state.message = StatusMessage("Could not load stats: timed out", now: Fixtures.now)
        let screen = lines(state)
        XCTAssertTrue(screen[1].contains("┌ Tasks (0) · status:todo "), screen[1])
        XCTAssertTrue(screen[2].contains("No tasks match the filter."), screen[2])
        XCTAssertFalse(screen.last!.contains("status:todo"), "the footer has the message")
    }
}
