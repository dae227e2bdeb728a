import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Search, filter and sort as state transitions: keys in, the query and effects out.
final class QueryUpdateTests: XCTestCase {
    func type(_ text: String, into state: inout AppState) -> [Effect] {
        text.flatMap { update(&state, .key(.char($0))) }
    }

    func fetchedQueries(_ effects: [Effect]) -> [TaskQuery] {
        effects.compactMap { if case .fetchPage(let query, _) = $0 { query } else { nil } }
    }

    func testTypingOnTheSearchLineWaitsForAPauseInsteadOfQuerying() {
        var state = Fixtures.mainState(all: Fixtures.tasks(120))
        XCTAssertEqual(update(&state, .key(.char("/"))), [])
        XCTAssertEqual(state.keyContext, .line)
        let effects = type("rep", into: &state)
        XCTAssertEqual(effects, [1, 2, 3].map { .waitForTypingPause(generation: $0) })
        XCTAssertNil(state.query.search, "no query until typing pauses")
        XCTAssertEqual(update(&state, .typingPaused(generation: 2)), [], "a pause after an older key is stale")
        let searched = update(&state, .typingPaused(generation: 3))
        XCTAssertEqual(fetchedQueries(searched), [TaskQuery(limit: 50, search: "rep")])
        XCTAssertEqual(state.queryLine?.input.text, "rep", "the line stays open while searching")
    }

    func testQAndDigitsAreTypedOnTheLineNotRunAsCommands() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("/")))
        _ = type("q1/", into: &state)
        XCTAssertFalse(state.shouldQuit)
        XCTAssertEqual(state.queryLine?.input.text, "q1/")
        XCTAssertEqual(state.query.statuses, [])
    }

    func testEscRestoresTheQueryAndCursorFromBeforeTheSearch() {
        var state = Fixtures.mainState(all: Fixtures.tasks(120))
        _ = update(&state, .key(.char("G")))
        let cursor = state.cursor, offset = state.listOffset
        _ = update(&state, .key(.char("/")))
        _ = type("x", into: &state)
        _ = update(&state, .typingPaused(generation: state.searchGeneration))
        XCTAssertEqual(state.cursor, 0)
        let effects = update(&state, .key(.escape))
        XCTAssertNil(state.queryLine)
        XCTAssertNil(state.query.search)
        XCTAssertEqual(state.cursor, cursor)
        XCTAssertEqual(state.listOffset, offset)
        XCTAssertTrue(fetchedQueries(effects).contains { $0.page == 3 && $0.search == nil }, "the rows at the old cursor are fetched")
        XCTAssertEqual(update(&state, .typingPaused(generation: 1)), [], "a pause still pending after Esc changes nothing")
    }

    /// Issue 15: `/` put the old search on the line and appended to it. The old search is
    /// selected instead: typing starts a new one, End or → keeps it to refine.
    func testSlashSelectsTheOldSearchSoTypingStartsANewOne() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("/")))
        _ = type("report", into: &state)
        _ = update(&state, .key(.enter))
        XCTAssertEqual(state.query.search, "report")
        _ = update(&state, .key(.char("/")))
        XCTAssertEqual(state.queryLine?.input.text, "report")
        XCTAssertEqual(state.queryLine?.input.isAllSelected, true)
        _ = type("inv", into: &state)
        XCTAssertEqual(state.queryLine?.input.text, "inv")
        _ = update(&state, .typingPaused(generation: state.searchGeneration))
        XCTAssertEqual(state.query.search, "inv")
        _ = update(&state, .key(.enter))
        _ = update(&state, .key(.char("/")))
        _ = update(&state, .key(.end))
        _ = type("oice", into: &state)
        XCTAssertEqual(state.queryLine?.input.text, "invoice", "End keeps the old search to add to it")
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.char("f")))
        XCTAssertEqual(state.queryLine?.input.isAllSelected, false, "the filter line is added to")
    }

    func testEnterKeepsTheSearchWithoutWaitingForThePause() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("/")))
        _ = type("report", into: &state)
        let effects = update(&state, .key(.enter))
        XCTAssertNil(state.queryLine)
        XCTAssertEqual(fetchedQueries(effects).map(\.search), ["report"])
        XCTAssertEqual(update(&state, .typingPaused(generation: 6)), [], "the pending pause is stale after Enter")
        XCTAssertEqual(state.query.search, "report")
    }

    func testAnswersToAnOlderQueryAreIgnored() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        let oldGeneration = state.tasks.generation
        _ = update(&state, .key(.char("/")))
        _ = type("x", into: &state)
        _ = update(&state, .key(.enter))
        let stale = Fixtures.page([Fixtures.task(9, title: "Stale")], TaskQuery(limit: 50))
        _ = update(&state, .pageLoaded(page: 1, generation: oldGeneration, stale, nil))
        XCTAssertNotEqual(state.selectedTask?.title, "Stale")
    }

    func testTheFilterLineOpensWithTheActiveFilterAndAppliesOnEnter() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("1")))
        _ = update(&state, .key(.char("f")))
        XCTAssertEqual(state.queryLine?.input.text, "status:todo")
        _ = update(&state, .key(.ctrl("u")))
        _ = type("status:done pri", into: &state)
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.queryLine?.input.text, "status:done priority:")
        _ = type("h", into: &state)
        _ = update(&state, .key(.tab))
        _ = type(" due:<7d report", into: &state)
        let effects = update(&state, .key(.enter))
        XCTAssertNil(state.queryLine)
        let expected = TaskQuery(
            limit: 50, statuses: [.done], priorities: [.high], search: "report", dueBefore: DueBound("2026-12-08"))
        XCTAssertEqual(fetchedQueries(effects), [expected])
        XCTAssertEqual(state.query, expected)
        XCTAssertNil(state.message, "every key was a key")
    }

    func testABadFilterKeepsTheLineOpenWithTheTextAndSaysWhy() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("f")))
        _ = type("status:doing", into: &state)
        XCTAssertEqual(update(&state, .key(.enter)), [])
        XCTAssertEqual(state.queryLine?.input.text, "status:doing")
        XCTAssertEqual(state.queryLine?.problem, "bad status 'doing': use todo, in-progress, done")
        _ = update(&state, .key(.backspace))
        XCTAssertNil(state.queryLine?.problem, "editing clears the message")
        XCTAssertEqual(state.query, TaskQuery(limit: 50))
    }

    /// Issue 15: `word:` was refused as an unknown key. It is searched for, and the footer
    /// says so, in case it was a misspelt key.
    func testAnUnknownKeyIsSearchedForAsTextAndTheFooterSaysSo() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("f")))
        _ = type("colour:red todo: call", into: &state)
        let effects = update(&state, .key(.enter))
        XCTAssertNil(state.queryLine)
        XCTAssertEqual(fetchedQueries(effects), [TaskQuery(limit: 50, search: "colour:red todo: call")])
        XCTAssertEqual(
            state.message?.text, "Searching for “colour:red”, “todo:” as text: the filter keys are status, priority and due")
        XCTAssertEqual(state.message?.isError, false)
    }

    /// Issue 15: `due:<7d` was frozen to an absolute date. It stays as written, is read
    /// again at each query, and a new day re-runs the query by itself.
    func testARelativeDueFilterStaysRelative() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("f")))
        _ = type("due:<7d", into: &state)
        _ = update(&state, .key(.enter))
        XCTAssertEqual(state.query.dueBefore, DueBound("2026-12-08"))
        XCTAssertEqual(state.filterText, "due:<7d")
        XCTAssertEqual(update(&state, .tick(Fixtures.now.addingTimeInterval(3_600))), [], "the same day: nothing to do")
        let nextDay = update(&state, .tick(Fixtures.now.addingTimeInterval(86_400)))
        XCTAssertEqual(fetchedQueries(nextDay).map(\.dueBefore), [DueBound("2026-12-09")])
        XCTAssertEqual(state.filterText, "due:<7d")
        _ = update(&state, .key(.char("O")))
        XCTAssertEqual(state.filterText, "due:<7d due:overdue", "O adds to the due filter")
        XCTAssertTrue(state.query.overdue)
        _ = update(&state, .key(.char("O")))
        XCTAssertEqual(state.filterText, "due:<7d")
        _ = update(&state, .key(.char("f")))
        XCTAssertEqual(state.queryLine?.input.text, "due:<7d", "the line opens with the words, not a date")
        _ = update(&state, .key(.ctrl("u")))
        _ = update(&state, .key(.escape))
        XCTAssertEqual(state.filterText, "due:<7d", "Esc keeps the filter as it was")
        _ = update(&state, .key(.char("F")))
        XCTAssertEqual(state.filterText, "")
        XCTAssertEqual(state.query, TaskQuery(limit: 50))
        XCTAssertEqual(update(&state, .tick(Fixtures.now.addingTimeInterval(2 * 86_400))), [])
    }

    /// Issue 15: `due:` and Tab completed nothing. Tab lists the due words and steps through them.
    func testTabOnDueListsTheDueWordsAndStepsThroughThem() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("f")))
        _ = type("due:", into: &state)
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.queryLine?.input.text, "due:")
        XCTAssertEqual(state.queryLine?.choices?.names, FilterSyntax.dueWords)
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.queryLine?.input.text, "due:today")
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.queryLine?.input.text, "due:tomorrow")
        _ = type(" x", into: &state)
        XCTAssertNil(state.queryLine?.choices, "typing ends the offer")
        _ = update(&state, .key(.enter))
        XCTAssertEqual(state.filterText, "due:tomorrow x")
    }

    func testQuickFiltersToggleAndOneKeyClearsThemAll() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        XCTAssertEqual(fetchedQueries(update(&state, .key(.char("2")))).map(\.statuses), [[.inProgress]])
        _ = update(&state, .key(.char("!")))
        _ = update(&state, .key(.char("O")))
        XCTAssertEqual(state.query, TaskQuery(limit: 50, statuses: [.inProgress], priorities: [.high], overdue: true))
        _ = update(&state, .key(.char("2")))
        XCTAssertEqual(state.query.statuses, [], "the same key again shows every status")
        _ = update(&state, .key(.char("3")))
        _ = update(&state, .key(.char("F")))
        XCTAssertEqual(state.query, TaskQuery(limit: 50))
    }

    func testTheFilterSurvivesARefreshAndALiveResync() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("!")))
        XCTAssertEqual(fetchedQueries(update(&state, .key(.char("r")))).map(\.priorities), [[.high]])
        XCTAssertEqual(fetchedQueries(update(&state, .live(.resync))).map(\.priorities), [[.high]])
    }

    func testAnEmptyResultIsFetchedAgainForANewQuery() {
        var state = Fixtures.mainState(all: [])
        XCTAssertEqual(state.tasks.total, 0)
        XCTAssertEqual(fetchedQueries(update(&state, .key(.char("1")))).map(\.statuses), [[.todo]])
    }

    func testTheSortPopupMovesFlipsAndAppliesOnEnter() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("o")))
        XCTAssertEqual(state.sortPicker?.sort, .default)
        XCTAssertEqual(state.keyContext, .sort)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.char("k")))
        XCTAssertEqual(update(&state, .key(.char(" "))), [], "nothing is fetched until Enter")
        XCTAssertEqual(state.sortPicker?.sort, TaskSort(.updatedAt, descending: false))
        _ = update(&state, .key(.char("q")))
        XCTAssertNil(state.sortPicker)
        XCTAssertFalse(state.shouldQuit, "q closes the popup")
        XCTAssertEqual(state.query.sort, .default)
        _ = update(&state, .key(.char("o")))
        for _ in 0..<4 { _ = update(&state, .key(.down)) }
        XCTAssertEqual(state.sortPicker?.sort, TaskSort(.title, descending: false), "a new field starts in its own direction")
        _ = update(&state, .key(.char("-")))
        let effects = update(&state, .key(.enter))
        XCTAssertEqual(fetchedQueries(effects).map(\.sort), [TaskSort(.title, descending: true)])
        XCTAssertNil(state.sortPicker)
    }

    func testTheNewCommandsAreInTheHelp() {
        let help = TUIKeymap.standard.bindings(for: .global).map(\.command.name)
        for name in ["search", "filter", "clear-filters", "sort", "view-1", "save-view", "filter-high", "filter-overdue"] {
            XCTAssertTrue(help.contains(name), name)
        }
    }
}
