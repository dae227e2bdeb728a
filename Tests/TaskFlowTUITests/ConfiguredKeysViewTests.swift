import TerminalUI
import XCTest
@testable import TaskFlowTUI
@testable import TaskFlowSettings

/// Keys from config.toml are the ones the footer hints and the `?` help show, because both
/// are generated from the keymap the screen runs with.
final class ConfiguredKeysViewTests: XCTestCase {
    private func state(showingHelp: Bool) -> AppState {
        let config = UserConfig(parsing: "[keys]\ndone = \"d\"\nrefresh = [\"R\", \"ctrl-l\"]\n", path: "config.toml")
        // Wide enough for the hints beside the saved views in the footer.
        var state = Fixtures.mainState(size: Size(width: 140, height: 90), all: Fixtures.tasks(3))
        state.keymap = config.keymap(from: TUIKeymap.standard).keymap
        state.showsHelp = showingHelp
        return state
    }

    private func text(_ state: AppState) -> String { ScreenView.render(state).frame.description }

    func testHintBarShowsTheReboundKeys() {
        let footer = text(state(showingHelp: false)).split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(footer.contains(" d done "), footer)
        XCTAssertFalse(footer.contains("x done"), footer)
    }

    func testHelpOverlayShowsTheReboundKeys() {
        let screen = text(state(showingHelp: true))
        XCTAssertTrue(screen.contains("│   d        Mark the selected task done (again: back as it was)     │"), screen)
        XCTAssertTrue(screen.contains("│   R/^L     Reload tasks and stats from the server                  │"), screen)
        XCTAssertFalse(screen.contains("│   x  "), screen)
    }

    func testAReboundKeyRunsItsCommandAndTheOldOneNoLonger() {
        var state = state(showingHelp: false)
        XCTAssertEqual(update(&state, .key(.char("x"))), [])
        let effects = update(&state, .key(.char("d")))
        XCTAssertFalse(effects.isEmpty)
    }
}
