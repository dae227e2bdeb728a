import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Problems found in config.toml and the themes at startup are all shown, whole, in a
/// popup that the next key closes, instead of the first one cut at the screen's edge.
final class SettingsProblemsViewTests: XCTestCase {
    let problems = [
        "/home/ada/.config/taskflow/config.toml:2: \"yes\" is not a string, integer, boolean or array (strings need quotes); the line is ignored",
        "/home/ada/.config/taskflow/config.toml:7: unknown key \"colour\" (known: server, theme, refresh, mouse, [keys])",
    ]

    func testEveryProblemIsShownWhole() {
        var state = Fixtures.mainState(size: Size(width: 80, height: 20), all: Fixtures.tasks(3))
        state.settingsProblems = problems
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("┌ 2 problems in your settings "), screen)
        // Each problem is wrapped inside the popup, nothing cut: joined back it reads whole.
        let lines = screen.split(separator: "\n").map { Array($0) }
        let top = try! XCTUnwrap(lines.firstIndex { String($0).contains("┌ 2 problems") })
        let left = try! XCTUnwrap(lines[top].firstIndex(of: "┌"))
        let right = try! XCTUnwrap(lines[top].lastIndex(of: "┐"))
        let inside = lines[(top + 1)...].prefix { $0[left] == "│" }.map {
            String($0[(left + 1)..<right]).trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        for problem in problems {
            XCTAssertTrue(inside.contains(problem), "\(problem)\nnot whole in:\n\(screen)")
        }
    }

    func testTheNextKeyClosesThePopupAndDoesNothingElse() {
        var state = Fixtures.mainState(size: Size(width: 80, height: 20), all: Fixtures.tasks(3))
        state.settingsProblems = problems
        XCTAssertEqual(update(&state, .key(.char("q"))), [])
        XCTAssertFalse(state.shouldQuit)
        XCTAssertEqual(state.settingsProblems, [])
        XCTAssertFalse(ScreenView.render(state).frame.description.contains("problems in your settings"))
    }
}
