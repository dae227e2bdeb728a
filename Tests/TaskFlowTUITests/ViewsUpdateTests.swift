import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI
@testable import TaskFlowSettings

/// Saved views as state transitions: a digit applies the view's filter and sort, the same
/// digit again shows all tasks, and `V` saves the filter and sort in force into config.toml.
final class ViewsUpdateTests: XCTestCase {
    private let urgent = SavedView(name: "urgent", filter: "priority:high due:<7d", sort: TaskSort(.dueDate, descending: false), key: 4)

    private func state(views: [SavedView]? = nil, configPath: String? = "/tmp/none/config.toml") -> AppState {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        state.views = SavedViews(configured: (views ?? [urgent]).map { SavedViews.Configured(view: $0, line: 1) })
        state.configPath = configPath
        return state
    }

    private func fetched(_ effects: [Effect]) -> [TaskQuery] {
        effects.compactMap { if case .fetchPage(let query, _) = $0 { query } else { nil } }
    }

    func testAViewsKeyAppliesItsFilterAndSortAndAgainShowsAllTasksInTheSortBefore() {
        var state = state()
        let queries = fetched(update(&state, .key(.char("4"))))
        XCTAssertEqual(queries.map(\.priorities), [[.high]])
        XCTAssertEqual(queries.map(\.sort), [TaskSort(.dueDate, descending: false)])
        XCTAssertNotNil(state.query.dueBefore)
        XCTAssertEqual(state.activeView, "urgent")
        XCTAssertEqual(state.filterText, "priority:high due:<7d", "the filter line shows the view's filter")

        let back = fetched(update(&state, .key(.char("4"))))
        XCTAssertEqual(back, [TaskQuery(limit: 50)], "all tasks, newest first as before the view")
        XCTAssertNil(state.activeView)
    }

    func testAnotherViewReplacesTheFilterAndABuiltInViewKeepsTheSortInForce() {
        var state = state()
        _ = update(&state, .key(.char("4")))
        _ = update(&state, .key(.char("1")))
        XCTAssertEqual(state.query.statuses, [.todo])
        XCTAssertEqual(state.query.priorities, [], "the view's filter replaces the one before")
        XCTAssertNil(state.query.dueBefore)
        XCTAssertEqual(state.query.sort, .default, "todo has no sort: the one from before the views")
        XCTAssertEqual(state.activeView, "todo")
    }

    func testRefiningKeepsTheViewActiveAndTheFilterLineEndsIt() {
        var state = state()
        _ = update(&state, .key(.char("2")))
        _ = update(&state, .key(.char("!")))
        XCTAssertEqual(state.activeView, "doing")
        XCTAssertEqual(state.query.priorities, [.high])
        _ = update(&state, .key(.char("f")))
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.char("x")))
        _ = update(&state, .key(.enter))
        XCTAssertEqual(state.query.search, "x")
        XCTAssertNil(state.activeView, "a filter written by hand is no view's")
        _ = update(&state, .key(.char("2")))
        XCTAssertEqual(state.query.statuses, [.inProgress], "so 2 applies the view again rather than leaving it")
    }

    func testAKeyWithoutAViewSaysHowToMakeOne() {
        var state = state()
        XCTAssertEqual(update(&state, .key(.char("7"))), [])
        XCTAssertEqual(state.message?.text, "No view on 7: V saves the filter and sort in force as one")
    }

    func testVAsksForANameAndSavesTheFilterAndSortInForceOnTheFirstFreeKey() {
        var state = state()
        _ = update(&state, .key(.char("f")))
        for character in "status:done report" { _ = update(&state, .key(.char(character))) }
        _ = update(&state, .key(.enter))
        _ = update(&state, .key(.char("V")))
        XCTAssertEqual(state.queryLine?.kind, .viewName)
        for character in "bad name" { _ = update(&state, .key(.char(character))) }
        XCTAssertEqual(update(&state, .key(.enter)), [])
        XCTAssertEqual(state.queryLine?.problem, "a name is letters, digits, - and _")
        for _ in 0..<8 { _ = update(&state, .key(.backspace)) }
        for character in "finished" { _ = update(&state, .key(.char(character))) }
        let effects = update(&state, .key(.enter))
        let saved = SavedView(name: "finished", filter: "status:done report", sort: .default, key: 5)
        XCTAssertEqual(effects, [.saveView(saved, path: "/tmp/none/config.toml")])
        XCTAssertNil(state.queryLine)

        _ = update(&state, .viewSaved(saved, path: "/tmp/none/config.toml"))
        XCTAssertEqual(state.views.view(onKey: 5), saved)
        XCTAssertEqual(state.activeView, "finished")
        XCTAssertEqual(state.message?.text, "Saved view “finished” on key 5 in /tmp/none/config.toml")
        XCTAssertEqual(fetched(update(&state, .key(.char("5")))), [TaskQuery(limit: 50)], "its key again: all tasks")
    }

    func testSavingTheActiveViewAgainKeepsItsKey() {
        var state = state()
        _ = update(&state, .key(.char("4")))
        _ = update(&state, .key(.char("O")))
        _ = update(&state, .key(.char("V")))
        XCTAssertEqual(state.queryLine?.input.text, "urgent", "the active view's name is offered")
        let effects = update(&state, .key(.enter))
        XCTAssertEqual(effects, [.saveView(
            SavedView(name: "urgent", filter: "priority:high due:<7d due:overdue", sort: TaskSort(.dueDate, descending: false), key: 4),
            path: "/tmp/none/config.toml")])
    }

    func testAFailedSaveSaysWhy() {
        var state = state()
        _ = update(&state, .viewSaveFailed("/x/config.toml cannot be read as UTF-8 text"))
        XCTAssertEqual(state.message?.text, "View not saved: /x/config.toml cannot be read as UTF-8 text")
        XCTAssertEqual(state.message?.isError, true)
    }
}
