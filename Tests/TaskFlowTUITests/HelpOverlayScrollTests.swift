import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The `?` overlay is longer than most screens: it scrolls by page and to either end with
/// the keys the list uses, and says when there is more below.
final class HelpOverlayScrollTests: XCTestCase {
    /// 100×24: the overlay is 20 rows tall, 18 of them help text.
    private func openHelp() -> AppState {
        var state = Fixtures.mainState(size: Size(width: 100, height: 24), all: Fixtures.tasks(30))
        _ = update(&state, .key(.char("?")))
        return state
    }

    private func screen(_ state: AppState) -> String { ScreenView.render(state).frame.description }

    func testGGoesToTheEndAndgBackWithoutMovingTheList() {
        var state = openHelp()
        _ = update(&state, .key(.char("G")))
        XCTAssertTrue(screen(state).contains("No, keep things as they are"), screen(state))
        XCTAssertGreaterThan(state.helpScroll, 0)
        _ = update(&state, .key(.end))
        let end = state.helpScroll
        _ = update(&state, .key(.char("j")))
        XCTAssertEqual(state.helpScroll, end, "G went all the way")
        _ = update(&state, .key(.char("g")))
        XCTAssertEqual(state.helpScroll, 0)
        XCTAssertEqual(state.cursor, 0, "the list behind the overlay did not move")
        XCTAssertTrue(state.showsHelp)
    }

    func testPageDownAndSpaceScrollAPageAndPageUpComesBack() {
        var state = openHelp()
        for (key, scroll) in [(Key.pageDown, 18), (.pageUp, 0), (.char(" "), 18)] {
            _ = update(&state, .key(key))
            XCTAssertEqual(state.helpScroll, scroll, "after \(key)")
        }
        XCTAssertEqual(state.cursor, 0)
    }

    func testTheOverlaySaysThereIsMoreBelowUntilItsEnd() {
        var state = openHelp()
        XCTAssertTrue(screen(state).contains("↓ more"), screen(state))
        _ = update(&state, .key(.char("G")))
        XCTAssertFalse(screen(state).contains("↓ more"), screen(state))
    }
}
