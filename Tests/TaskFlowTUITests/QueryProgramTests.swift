import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Search, filter and sort through the whole program: keys typed at full speed, the
/// runner's real typing pause, and a fake server that filters, sorts and can answer late.
final class QueryProgramTests: XCTestCase {
    static let titled = [
        Fixtures.task(1, title: "Write report", priority: .high),
        Fixtures.task(2, title: "Read book", status: .done),
        Fixtures.task(3, title: "Report expenses", status: .inProgress),
        Fixtures.task(4, title: "Archive mail", status: .done),
    ]


    func started(_ service: FakeTaskService) -> TUIProgram<MemoryBackend> {
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the first page") { screen(program).contains("Write report") }
        return program
    }

    func searches(_ service: FakeTaskService) -> [String] { service.queries.compactMap(\.search) }

    func testSearchAsYouTypeAsksTheServerOnceAfterThePause() {
        let service = FakeTaskService(tasks: Self.titled)
        let program = started(service)
        program.backend.enqueue([.char("/")] + "report".map { .char($0) })
        waitUntil(program, "the match count") { screen(program).contains("2 matches") }
        XCTAssertEqual(searches(service), ["report"], "one query for six keys typed without a pause")
        XCTAssertFalse(screen(program).contains("Read book"))
        XCTAssertTrue(program.backend.screen.lines.last!.hasPrefix("/report"))
        program.backend.enqueue([.escape])
        waitUntil(program, "the list as before") { screen(program).contains("Read book") }
        XCTAssertTrue(screen(program).contains("1–4 of 4"))
    }

    func testAnAnswerToAnOlderSearchIsIgnored() {
        let service = FakeTaskService(tasks: Self.titled)
        service.answerSlowly(search: "re", after: .milliseconds(600))
        let program = started(service)
        program.backend.enqueue([.char("/"), .char("r"), .char("e")])
        waitUntil(program, "the slow search to be asked") { searches(service) == ["re"] }
        program.backend.enqueue("port".map { .char($0) } + [.enter])
        waitUntil(program, "the later search") { screen(program).contains("1–2 of 2") }
        let late = Date().addingTimeInterval(0.8)
        while Date() < late { program.step(wait: .milliseconds(10)) }
        XCTAssertTrue(screen(program).contains("1–2 of 2"), screen(program))
        XCTAssertFalse(screen(program).contains("Read book"), "the late answer for 're' is dropped")
        XCTAssertTrue(screen(program).contains("filter: report"))
    }

    func testTheFilterLineFiltersAndExplainsABadValue() {
        let service = FakeTaskService(tasks: Self.titled)
        let program = started(service)
        program.backend.enqueue([.char("f")] + "status:doing".map { .char($0) } + [.enter])
        waitUntil(program, "the message") { screen(program).contains("bad status 'doing'") }
        XCTAssertTrue(program.backend.screen.lines.last!.hasPrefix("filter: status:doing"), "the line stays open with the text")
        program.backend.enqueue([.ctrl("u")] + "st".map { .char($0) } + [.tab] + "done".map { .char($0) } + [.enter])
        waitUntil(program, "only done tasks") { screen(program).contains("1–2 of 2") }
        XCTAssertTrue(screen(program).contains("Read book") && screen(program).contains("Archive mail"))
        XCTAssertFalse(screen(program).contains("Write report"))
        XCTAssertTrue(screen(program).contains("filter: status:done"))
        program.backend.enqueue([.char("F")])
        waitUntil(program, "every task again") { screen(program).contains("1–4 of 4") }
        XCTAssertFalse(screen(program).contains("filter:"))
    }

    func testTheSortPopupSortsByTitle() {
        let service = FakeTaskService(tasks: Self.titled)
        let program = started(service)
        program.backend.enqueue([.char("o")])
        waitUntil(program, "the popup") { screen(program).contains("Sort by") }
        // Title starts A to Z: no flip needed.
        program.backend.enqueue(Array(repeating: .down, count: 4) + [.enter])
        waitUntil(program, "the list in title order") { program.backend.screen.lines[2].contains("Archive mail") }
        XCTAssertTrue(screen(program).contains("sort: title ↑"))
        XCTAssertTrue(program.backend.screen.lines[5].contains("Write report"))
    }
}
