import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The whole program on the in-memory terminal: scripted keys in, a fake server behind,
/// and the screen checked as the user would read it.
final class ProgramTests: XCTestCase {

    func testOpensOnTheFirstPageWithStatsAndGoesLive() {
        let service = FakeTaskService(tasks: Fixtures.tasks(30))
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the first page, stats and the live state") {
            screen(program).contains("Task 1 ") && screen(program).contains("● live") && screen(program).contains("todo        30")
        }
        XCTAssertTrue(screen(program).contains("1–26 of 30"))
    }

    func testHoldingJWalksPastTheFirstPage() {
        let service = FakeTaskService(tasks: Fixtures.tasks(200))
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the first page") { screen(program).contains("Task 1 ") }
        program.backend.enqueue(Array(repeating: .char("j"), count: 60))
        waitUntil(program, "the cursor on task 61") { program.backend.pendingKeyCount == 0 && program.state.selectedTask?.title == "Task 61" }
        waitUntil(program, "rows instead of loading placeholders") { !screen(program).contains("loading…") }
        XCTAssertTrue(screen(program).contains("Task 61"))
        XCTAssertTrue(service.pageRequests.starts(with: [1, 2]), "page 2 is asked for with page 1's answer: \(service.pageRequests)")
        XCTAssertTrue(service.pageRequests.contains(3), "page 3 is prefetched once the cursor is on page 2")
    }

    func testMarkingDoneFromTheListReachesTheServer() {
        let service = FakeTaskService(tasks: Fixtures.tasks(3))
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the first page") { screen(program).contains("Task 1 ") }
        program.backend.enqueue([.char("j"), .char("x")])
        waitUntil(program, "the server to have the change") { service.tasks[1].status == .done }
        waitUntil(program, "the row to show done") { program.backend.screen.lines[3].contains("[x] 0002 med  Task 2") }
    }

    func testARefusedChangeIsRolledBackWithAMessage() {
        let service = FakeTaskService(tasks: Fixtures.tasks(3))
        service.refuseUpdates(with: "the task was changed elsewhere")
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the first page") { screen(program).contains("Task 1 ") }
        program.dispatch(.key(.char("s")))
        XCTAssertEqual(program.state.selectedTask?.status, .inProgress, "applied before the server answers")
        waitUntil(program, "the rollback") { screen(program).contains("Not saved: “Task 1”: the task was changed elsewhere") }
        XCTAssertTrue(program.backend.screen.lines[2].contains("[ ] 0001 med  Task 1"))
    }

    func testAChangeElsewhereAppearsAndTheCursorStaysOnItsTask() {
        let service = FakeTaskService(tasks: Fixtures.tasks(5))
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the live feed") { service.isLive && screen(program).contains("Task 1 ") }
        program.backend.enqueue([.char("j"), .char("j")])
        waitUntil(program, "the cursor on task 3") { program.state.selectedTask?.title == "Task 3" }
        service.createElsewhere(Fixtures.task(0, title: "Added from the CLI"))
        waitUntil(program, "the new task on screen") { screen(program).contains("Added from the CLI") }
        XCTAssertEqual(program.state.selectedTask?.title, "Task 3")
        XCTAssertEqual(program.state.cursor, 3)
        var renamed = Fixtures.task(5, title: "Renamed in another window")
        renamed.version = 2
        service.changeElsewhere(renamed)
        waitUntil(program, "the renamed task") { screen(program).contains("Renamed in another window") }
    }

    func testFallingBackToPollingIsShownAndAResyncReloads() {
        let service = FakeTaskService(tasks: Fixtures.tasks(3))
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the live feed") { service.isLive && screen(program).contains("● live") }
        service.push(.state(.polling(reason: "the live connection was refused")))
        waitUntil(program, "polling in the header") { program.backend.screen.lines[0].contains("polling · synced") }
        let requestsBefore = service.pageRequests.count
        // A change the feed never announced (it happened in the gap).
        service.store.withLock { $0.tasks.insert(Fixtures.task(0, title: "Missed while offline"), at: 0) }
        service.push(.resync)
        waitUntil(program, "the reload after the gap") { screen(program).contains("Missed while offline") }
        XCTAssertGreaterThan(service.pageRequests.count, requestsBefore)
        service.push(.state(.offline(reason: "connection refused", retryIn: .seconds(4))))
        waitUntil(program, "offline in the header") { program.backend.screen.lines[0].contains("offline, retrying in 4s") }
    }

    func testResizingRelaysOutAtOnce() {
        let service = FakeTaskService(tasks: Fixtures.tasks(5))
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "three panes") { screen(program).contains("┌ Detail") && screen(program).contains("Task 1 ") }
        program.backend.resize(to: Size(width: 60, height: 20))
        program.step()
        XCTAssertFalse(screen(program).contains("┌ Detail"))
        XCTAssertEqual(program.backend.screen.lines[0].count, 60)
        XCTAssertTrue(screen(program).contains("┌ Tasks (5)"))
        program.backend.resize(to: Size(width: 30, height: 8))
        program.step()
        XCTAssertTrue(screen(program).contains("Terminal too small"))
        program.backend.resize(to: Size(width: 120, height: 30))
        program.step()
        XCTAssertTrue(screen(program).contains("┌ Detail"))
    }

    func testWithoutASessionTheLoginScreenSignsIn() {
        let service = FakeTaskService(tasks: Fixtures.tasks(2), session: nil)
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the login screen") { screen(program).contains("Sign in to TaskFlow") }
        program.backend.enqueue(typing: "ada@example.com")
        program.backend.enqueue([.tab])
        program.backend.enqueue(typing: "wrong password")
        program.backend.enqueue([.enter])
        waitUntil(program, "the refusal") { screen(program).contains("Wrong email or password.") }
        program.backend.enqueue(typing: service.password)
        program.backend.enqueue([.enter])
        waitUntil(program, "the tasks") { screen(program).contains("Task 2") && screen(program).contains("ada@example.com") }
    }

    func testQuitGivesTheTerminalBack() throws {
        let service = FakeTaskService(tasks: Fixtures.tasks(2))
        let program = makeProgram(service)
        program.backend.enqueue([.char("q")])
        try program.run()
        XCTAssertTrue(program.state.shouldQuit)
        XCTAssertFalse(program.backend.isActive)
    }
}
