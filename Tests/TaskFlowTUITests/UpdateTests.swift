import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

final class UpdateTests: XCTestCase {
    func testStartingWithoutASessionShowsTheLoginScreen() {
        var state = AppState(size: Size(width: 120, height: 30), now: Fixtures.now, defaultServer: "http://tasks.example")
        XCTAssertEqual(update(&state, .start), [.loadSession])
        XCTAssertEqual(update(&state, .sessionFound(nil)), [])
        guard case .login(let form) = state.screen else { return XCTFail("expected the login screen, got \(state.screen)") }
        XCTAssertEqual(form.server.text, "http://tasks.example")
        XCTAssertEqual(form.focus, .email)
    }

    /// The live feed starts once the first page and the stats are in, whichever comes last,
    /// so its start does not slow the first frame.
    func testASessionLoadsTheFirstPageTheStatsAndThenGoesLive() {
        for statsFirst in [false, true] {
            var state = AppState(size: Size(width: 120, height: 30), now: Fixtures.now, defaultServer: "x", pageSize: 50)
            let query = TaskQuery(page: 1, limit: 50)
            XCTAssertEqual(update(&state, .sessionFound(Fixtures.session)), [.fetchPage(query, generation: 1), .fetchStats(query)])
            XCTAssertEqual(state.screen, .main)
            let page = Action.pageLoaded(page: 1, generation: 1, Fixtures.page(Fixtures.tasks(3), query), nil)
            let stats = Action.statsLoaded(ScopedStats(Fixtures.stats, followsFilter: true))
            XCTAssertEqual(update(&state, statsFirst ? stats : page), [], "not live before both are in")
            XCTAssertEqual(update(&state, statsFirst ? page : stats), [.startLive])
            XCTAssertEqual(update(&state, stats), [], "started once")
        }
    }

    func testTheLiveFeedStartsWhenTheFirstLoadFailsToo() {
        var state = AppState(size: Size(width: 120, height: 30), now: Fixtures.now, defaultServer: "x", pageSize: 50)
        let down = ServiceFailure(message: "Could not connect to the server")
        _ = update(&state, .sessionFound(Fixtures.session))
        XCTAssertEqual(update(&state, .statsFailed(down)), [])
        XCTAssertEqual(update(&state, .pageFailed(page: 1, generation: 1, down)), [.startLive], "the feed is what notices the server is back")
    }

    /// Issue 15, defect 1: started while the server was down, the list and the stats said
    /// "loading…" after the header said "live", until `r`.
    func testWhatFailedToLoadIsLoadedWhenTheServerAnswersAgain() {
        var state = AppState(size: Size(width: 120, height: 30), now: Fixtures.now, defaultServer: "x", pageSize: 50)
        let down = ServiceFailure(message: "Could not connect to the server")
        for effect in update(&state, .sessionFound(Fixtures.session)) {
            if case .fetchPage(let query, let generation) = effect {
                _ = update(&state, .pageFailed(page: query.page, generation: generation, down))
            } else if case .fetchStats = effect {
                _ = update(&state, .statsFailed(down))
            }
        }
        XCTAssertEqual(update(&state, .live(.state(.offline(reason: "down", retryIn: .seconds(2))))), [])
        XCTAssertEqual(update(&state, .live(.state(.connecting))), [])
        XCTAssertEqual(
            update(&state, .live(.state(.polling(reason: "socket refused")))),
            [.fetchPage(TaskQuery(page: 1, limit: 50), generation: 2), .fetchStats(TaskQuery(page: 1, limit: 50))])
        // Already on its way: a live connection now asks for nothing more.
        XCTAssertEqual(update(&state, .live(.state(.live))), [])
    }

    /// A change the server refused (or a conflict) is said in the footer and the message
    /// log; the header keeps saying how the connection is (it was shown as "polling").
    func testASyncNoticeIsAMessageAndLeavesTheConnectionAsItWas() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .live(.state(.live)))
        XCTAssertEqual(update(&state, .live(.notice("t00002: changed elsewhere; kept as a conflict"))), [])
        XCTAssertEqual(state.connection, .live)
        XCTAssertEqual(state.message?.text, "t00002: changed elsewhere; kept as a conflict")
        XCTAssertEqual(state.messageLog.last?.text, "t00002: changed elsewhere; kept as a conflict")
    }

    func testTheNextPageIsPrefetchedAsSoonAsTheFirstArrives() {
        let state = Fixtures.mainState(all: Fixtures.tasks(120))
        XCTAssertEqual(state.tasks.total, 120)
        XCTAssertEqual(state.tasks.inFlight, [2], "page 2 is asked for before the cursor gets there")
        XCTAssertEqual(state.selectedTask?.title, "Task 1")
    }

    func testMovingPastTheLoadedPagesShowsLoadingAndFetchesThePage() {
        var state = Fixtures.mainState(all: Fixtures.tasks(500))
        let effects = update(&state, .key(.char("G")))
        XCTAssertEqual(state.cursor, 499)
        XCTAssertNil(state.selectedTask, "the last page is not loaded yet")
        XCTAssertTrue(effects.contains(.fetchPage(TaskQuery(page: 10, limit: 50), generation: state.tasks.generation)))
        XCTAssertEqual(update(&state, .key(.char("g"))), [], "page 1 is still loaded")
        XCTAssertEqual(state.cursor, 0)
    }

    func testPageKeysMoveByAScreenAndStopAtTheEnds() {
        var state = Fixtures.mainState(all: Fixtures.tasks(120))
        let rows = state.listRows
        _ = update(&state, .key(.pageDown))
        XCTAssertEqual(state.cursor, rows)
        _ = update(&state, .key(.pageUp))
        _ = update(&state, .key(.pageUp))
        XCTAssertEqual(state.cursor, 0)
        _ = update(&state, .key(.up))
        XCTAssertEqual(state.cursor, 0)
        _ = update(&state, .key(.end))
        XCTAssertEqual(state.cursor, 119)
        _ = update(&state, .key(.char("j")))
        XCTAssertEqual(state.cursor, 119)
    }

    func testAnAnswerFromAnEarlierReloadIsIgnored() {
        var state = Fixtures.mainState(all: Fixtures.tasks(10))
        let old = state.tasks.generation
        _ = update(&state, .key(.char("r")))
        let stale = TaskPage(tasks: [Fixtures.task(99)], pagination: Pagination(page: 1, limit: 50, total: 1))
        _ = update(&state, .pageLoaded(page: 1, generation: old, stale, nil))
        XCTAssertEqual(state.tasks.total, 10)
        XCTAssertEqual(state.selectedTask?.title, "Task 1")
    }

    func testMarkDoneShowsAtOnceAndIsRolledBackWhenRefused() throws {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("j")))
        let effects = update(&state, .key(.char("x")))
        XCTAssertEqual(effects, [.updateTask(id: "t00002", TaskChanges(status: .done))])
        XCTAssertEqual(state.selectedTask?.status, .done)
        _ = update(&state, .taskSaveFailed(id: "t00002", ServiceFailure(message: "the server said no")))
        XCTAssertEqual(state.selectedTask?.status, .todo)
        XCTAssertEqual(state.message?.text, "Not saved: “Task 2”: the server said no")
    }

    func testCyclingStatusAndPriority() {
        var state = Fixtures.mainState(all: Fixtures.tasks(1))
        XCTAssertEqual(update(&state, .key(.char("s"))), [.updateTask(id: "t00001", TaskChanges(status: .inProgress))])
        XCTAssertEqual(update(&state, .key(.char("s"))), [.updateTask(id: "t00001", TaskChanges(status: .done))])
        XCTAssertEqual(update(&state, .key(.char("s"))), [.updateTask(id: "t00001", TaskChanges(status: .todo))])
        XCTAssertEqual(update(&state, .key(.char("p"))), [.updateTask(id: "t00001", TaskChanges(priority: .high))])
        XCTAssertEqual(update(&state, .key(.char("p"))), [.updateTask(id: "t00001", TaskChanges(priority: .low))])
    }

    func testALiveUpdateReplacesTheTaskInPlace() {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        var changed = Fixtures.task(1, title: "Renamed elsewhere")
        changed.version = 2
        _ = update(&state, .live(.event(.updated(changed))))
        XCTAssertEqual(state.tasks.task(at: 0)?.title, "Renamed elsewhere")
        XCTAssertEqual(state.lastSync, Fixtures.now)
    }

    func testAPollThatFindsNothingNewStillCountsAsASync() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        state.lastSync = nil
        _ = update(&state, .live(.state(.polling(reason: "socket refused"))))
        XCTAssertNil(state.lastSync, "changing channel is not a sync")
        XCTAssertEqual(update(&state, .live(.synced)), [])
        XCTAssertEqual(state.lastSync, Fixtures.now)
    }

    func testACreatedTaskReloadsAndTheCursorStaysOnItsTask() {
        var all = Fixtures.tasks(5)
        var state = Fixtures.mainState(all: all)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))
        XCTAssertEqual(state.selectedTask?.id, "t00003")
        all.insert(Fixtures.task(0, title: "New on top"), at: 0)
        let effects = update(&state, .live(.event(.created(all[0]))))
        guard case .fetchPage(let query, let generation)? = effects.first else { return XCTFail("expected a reload, got \(effects)") }
        _ = update(&state, .pageLoaded(page: query.page, generation: generation, Fixtures.page(all, query), nil))
        XCTAssertEqual(state.cursor, 3)
        XCTAssertEqual(state.selectedTask?.id, "t00003")
        XCTAssertEqual(state.tasks.total, 6)
    }

    func testAnEndedSessionSendsTheUserToTheLoginScreen() {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        _ = update(&state, .live(.state(.stopped(reason: "Your session has ended; log in again."))))
        guard case .login(let form) = state.screen else { return XCTFail("expected the login screen") }
        XCTAssertEqual(form.email.text, "ada@example.com")
        XCTAssertEqual(form.focus, .password)
        XCTAssertEqual(form.message, "Your session has ended; log in again.")
    }

    func testTypingQOnTheLoginScreenTypesItAndEnterSignsIn() {
        var state = AppState(size: Size(width: 120, height: 30), now: Fixtures.now, defaultServer: "http://tasks.example")
        _ = update(&state, .sessionFound(nil))
        for character in "q@x.io" { _ = update(&state, .key(.char(character))) }
        XCTAssertFalse(state.shouldQuit)
        XCTAssertEqual(update(&state, .key(.enter)), [], "Enter on the email moves on to the password")
        for character in "secret!" { _ = update(&state, .key(.char(character))) }
        XCTAssertEqual(update(&state, .key(.enter)), [.logIn(server: "http://tasks.example", email: "q@x.io", password: "secret!")])
        _ = update(&state, .loginFailed("Wrong email or password."))
        guard case .login(let form) = state.screen else { return XCTFail("expected the login screen") }
        XCTAssertEqual(form.message, "Wrong email or password.")
        XCTAssertEqual(form.password.text, "")
    }

    func testTabCyclesPanesAndEnterOpensTheDetail() {
        var state = Fixtures.mainState(size: Size(width: 80, height: 24), all: Fixtures.tasks(5))
        XCTAssertEqual(state.layout.panes.keys.sorted { $0.rawValue < $1.rawValue }, [.list])
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.layout.panes.keys.sorted { $0.rawValue < $1.rawValue }, [.detail])
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.focus, .stats)
        _ = update(&state, .key(.tab))
        XCTAssertEqual(state.focus, .list)
        _ = update(&state, .key(.enter))
        XCTAssertEqual(state.focus, .detail)
        _ = update(&state, .key(.escape))
        XCTAssertEqual(state.focus, .list)
    }

    func testHelpTogglesAndQuitEnds() {
        var state = Fixtures.mainState(all: Fixtures.tasks(5))
        _ = update(&state, .key(.char("?")))
        XCTAssertTrue(state.showsHelp)
        XCTAssertEqual(state.keyContext, .help)
        _ = update(&state, .key(.char("q")))
        XCTAssertFalse(state.showsHelp, "q closes the help first")
        XCTAssertEqual(update(&state, .key(.char("q"))), [.quit])
        XCTAssertTrue(state.shouldQuit)
    }

    func testAMessageExpires() {
        var state = Fixtures.mainState(all: Fixtures.tasks(1))
        _ = update(&state, .pageFailed(page: 2, generation: state.tasks.generation, ServiceFailure(message: "offline")))
        XCTAssertEqual(state.message?.text, "Could not load tasks: offline")
        _ = update(&state, .tick(Fixtures.now.addingTimeInterval(6)))
        XCTAssertNil(state.message)
    }
}

final class TaskTextTests: XCTestCase {
    func testTimestampsAreUTCWithoutAFormatter() {
        XCTAssertEqual(TaskText.timestamp(Date(timeIntervalSince1970: 0)), "1970-01-01 00:00 UTC")
        XCTAssertEqual(TaskText.timestamp(Fixtures.now), "2026-12-01 12:00 UTC")
        XCTAssertEqual(TaskText.timestamp(Date(timeIntervalSince1970: 951_782_399)), "2000-02-28 23:59 UTC")
        XCTAssertEqual(TaskText.timestamp(Date(timeIntervalSince1970: 951_868_800)), "2000-03-01 00:00 UTC")
        XCTAssertEqual(TaskText.timestamp(Date(timeIntervalSince1970: -60)), "1969-12-31 23:59 UTC")
    }

    func testCountsAreGroupedByThousands() {
        XCTAssertEqual(TaskText.count(0), "0")
        XCTAssertEqual(TaskText.count(999), "999")
        XCTAssertEqual(TaskText.count(1_234), "1,234")
        XCTAssertEqual(TaskText.count(10_000_000), "10,000,000")
    }
}
