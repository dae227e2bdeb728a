import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Clicks and the wheel (with `mouse = true`), at 120×30: the list is the left pane
/// (x 0–65, rows from y 2 inside its border), detail top right, stats bottom right.
final class MouseUpdateTests: XCTestCase {
    private func click(_ x: Int, _ y: Int) -> Action { .key(.mouse(MouseEvent(action: .press, button: 1, position: Point(x: x, y: y)))) }
    private func wheel(_ down: Bool, _ x: Int, _ y: Int) -> Action {
        .key(.mouse(MouseEvent(action: down ? .scrollDown : .scrollUp, button: 0, position: Point(x: x, y: y))))
    }

    func testClickOnARowSelectsThatTask() {
        var state = Fixtures.mainState(all: Fixtures.tasks(20))
        _ = update(&state, click(10, 2 + 4))
        XCTAssertEqual(state.cursor, 4)
        XCTAssertEqual(state.focus, .list)
        _ = update(&state, click(10, 1))
        XCTAssertEqual(state.cursor, 4, "the border is not a row")
        _ = update(&state, click(10, 2 + 19))
        XCTAssertEqual(state.cursor, 19)
    }

    func testClickBelowTheLastTaskDoesNothing() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, click(10, 2 + 10))
        XCTAssertEqual(state.cursor, 0)
    }

    func testClickOnAPaneFocusesIt() {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        let detail = state.layout.panes[.detail]!
        let stats = state.layout.panes[.stats]!
        _ = update(&state, click(detail.x + 3, detail.y + 2))
        XCTAssertEqual(state.focus, .detail)
        _ = update(&state, click(stats.x + 3, stats.y + 2))
        XCTAssertEqual(state.focus, .stats)
        _ = update(&state, click(5, 3))
        XCTAssertEqual(state.focus, .list)
        XCTAssertEqual(state.cursor, 1)
    }

    func testRightClickAndReleaseAreIgnored() {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        _ = update(&state, .key(.mouse(MouseEvent(action: .press, button: 3, position: Point(x: 5, y: 4)))))
        _ = update(&state, .key(.mouse(MouseEvent(action: .release, button: 1, position: Point(x: 5, y: 4)))))
        XCTAssertEqual(state.cursor, 0)
    }

    func testWheelOverTheListMovesTheSelection() {
        var state = Fixtures.mainState(all: Fixtures.tasks(40))
        _ = update(&state, wheel(true, 10, 5))
        _ = update(&state, wheel(true, 10, 5))
        XCTAssertEqual(state.cursor, 6)
        _ = update(&state, wheel(false, 10, 5))
        XCTAssertEqual(state.cursor, 3)
        for _ in 0..<10 { _ = update(&state, wheel(true, 10, 5)) }
        XCTAssertEqual(state.cursor, 33)
        XCTAssertGreaterThan(state.listOffset, 0, "the list scrolled with the selection")
    }

    func testWheelOverTheHelpScrollsIt() {
        var state = Fixtures.mainState(size: Size(width: 120, height: 20), all: Fixtures.tasks(5))
        _ = update(&state, .key(.char("?")))
        _ = update(&state, wheel(true, 60, 10))
        XCTAssertEqual(state.helpScroll, AppState.wheelStep)
        XCTAssertEqual(state.cursor, 0)
    }

    func testMouseDoesNothingWhileALineIsOpen() {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        _ = update(&state, .key(.char("/")))
        XCTAssertEqual(update(&state, click(10, 5)), [])
        XCTAssertEqual(state.cursor, 0)
        XCTAssertNotNil(state.queryLine)
    }
}
