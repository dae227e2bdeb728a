import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI
@testable import TaskFlowSettings

/// The footer names the saved views, the active one highlighted, and gives way when short.
final class ViewsFooterTests: XCTestCase {
    private func state(width: Int) -> AppState {
        var state = Fixtures.mainState(size: Size(width: width, height: 30), all: Fixtures.tasks(3))
        let urgent = SavedView(name: "urgent", filter: "priority:high", sort: TaskSort(.dueDate, descending: false), key: 4)
        state.views = SavedViews(configured: [SavedViews.Configured(view: urgent, line: 1)])
        return state
    }

    private func loaded(_ state: inout AppState, _ all: [TaskItem], _ effects: [Effect]) {
        for case .fetchPage(let query, let generation) in effects {
            _ = update(&state, .pageLoaded(page: query.page, generation: generation, Fixtures.page(all, query), nil))
        }
    }

    private func footer(_ state: AppState) -> (text: String, buffer: ScreenBuffer) {
        let frame = ScreenView.render(state).frame
        return (frame.description.split(separator: "\n").last.map(String.init) ?? "", frame)
    }

    func testTheHelpOverlayNamesTheViewOnEachDigitKey() {
        var state = state(width: 140)
        state.size = Size(width: 140, height: 200)
        _ = update(&state, .key(.char("?")))
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("1        View todo: status:todo (again: all)"), screen)
        XCTAssertTrue(screen.contains("2        View doing: status:in-progress (again: all)"), screen)
        XCTAssertTrue(screen.contains("4        View urgent: priority:high, sort dueDate (again: all)"), screen)
        XCTAssertTrue(screen.contains("5        View 5: none yet (V saves one)"), screen)
        XCTAssertFalse(screen.contains("View 4 of config.toml"), "the generic text is replaced")
    }

    func testTheFooterListsTheViewsAndHighlightsTheActiveOne() throws {
        var state = state(width: 140)
        XCTAssertTrue(footer(state).text.hasSuffix("1 todo 2 doing 3 done 4 urgent  sort: created ↓  1–3 of 3"), footer(state).text)

        loaded(&state, [Fixtures.task(2, priority: .high)], update(&state, .key(.char("4"))))
        let (text, buffer) = footer(state)
        XCTAssertTrue(text.hasSuffix("1 todo 2 doing 3 done 4 urgent  filter: priority:high  sort: due date ↑  1–1 of 1"), text)
        let start = try XCTUnwrap(text.range(of: "4 urgent")).lowerBound
        let x = DisplayWidth.of(String(text[..<start]))
        let y = buffer.area.maxY - 1
        let active = Style(.statusBar, attributes: [.reverse, .bold])
        XCTAssertEqual((x..<(x + 8)).map { buffer[$0, y].style }, Array(repeating: active, count: 8), "“4 urgent” is highlighted")
        let todo = try XCTUnwrap(text.range(of: "1 todo")).lowerBound
        let todoX = DisplayWidth.of(String(text[..<todo]))
        XCTAssertEqual(buffer[todoX, y].style, Style(.hintKey).on(.statusBar), "the other digits are keys")
        XCTAssertEqual(buffer[todoX + 2, y].style, Style(.statusBar))
    }

    func testANarrowFooterShowsOnlyTheActiveViewOrNone() {
        var state = state(width: 90)
        loaded(&state, [Fixtures.task(2, priority: .high)], update(&state, .key(.char("4"))))
        let text = footer(state).text
        XCTAssertTrue(text.hasSuffix("? help  4 urgent  filter: priority:high  sort: due date ↑  1–1 of 1"), text)
        XCTAssertFalse(text.contains("1 todo"), text)

        let narrow = self.state(width: 60)
        XCTAssertFalse(footer(narrow).text.contains("todo"), footer(narrow).text)
    }
}
