import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real `taskflow` binary in tmux against a real `taskflow-server`.
final class EndToEndTests: XCTestCase {
    var ui: TmuxFixture!

    override func setUp() async throws {
        ui = try await TmuxFixture.start(tasks: TmuxFixture.numberedTasks(75))
    }

    override func tearDown() { ui?.close() }

    func openUI(width: Int = 120, height: Int = 40, term: String = "tmux-256color") async throws -> TmuxSession {
        try await ui.launch(width: width, height: height, term: term) {
            $0.contains("Task 075") && $0.contains("1–36 of 75") && $0.contains("todo        75")
        }
    }

    func testFirstFrameHelpAndQuitRestoresTheTerminal() async throws {
        let session = try await openUI()
        let screen = try await session.waitFor(text: "● live")
        XCTAssertTrue(screen.contains("ada@example.com"))
        XCTAssertTrue(screen.contains("┌ Detail"))
        try session.sendKeys("?")
        try await session.waitFor(text: "Keys (? or Esc to close)")
        try session.sendKeys("Escape")
        try await session.waitFor("the help to close") { !$0.contains("Keys (?") }
        try session.sendKeys("q")
        let after = try await session.waitFor(text: "EXITED:0")
        XCTAssertFalse(after.contains("┌ Tasks"), "the alternate screen is gone after quitting:\n\(after)")
    }

    func testPagingPastTheFirstPageOnAVT100() async throws {
        let session = try await openUI(term: "vt100")
        for _ in 0..<55 { try session.sendKeys("j") }
        try await session.waitFor("the cursor on row 56, past the first page of 50") { screen in
            screen.contains("21–56 of 75") && screen.contains("Task 020") && !screen.contains("loading…")
        }
        try session.sendKeys("G")
        try await session.waitFor("the last task") { $0.contains("Task 001") && $0.contains("40–75 of 75") }
        try session.sendKeys("g")
        try await session.waitFor("the first task again") { $0.contains("Task 075") && $0.contains("1–36 of 75") }
    }

    func testAChangeMadeWithTheCLIAppearsWithinASecond() async throws {
        let session = try await openUI()
        try await session.waitFor(text: "● live")
        let cli = Process()
        cli.executableURL = URL(fileURLWithPath: try ui.taskflow())
        cli.arguments = ["add", "Added from the CLI", "--server", ui.server.url]
        cli.environment = ui.environment
        cli.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try cli.run()
        cli.waitUntilExit()
        XCTAssertEqual(cli.terminationStatus, 0)
        let screen = try await session.waitFor(text: "Added from the CLI", timeout: 1)
        XCTAssertTrue(screen.contains("Tasks (76)"))
    }

    /// Defect 1 of issue 15: the header turned to "● live" but the list and the detail
    /// said "loading…" until `r`.
    func testStartedWhileTheServerIsDownTheScreenLoadsByItselfOnceItIsBack() async throws {
        ui.server.terminate()
        let session = try await ui.launch { $0.contains("offline") && $0.contains("loading…") }
        try await ui.server.restart()
        let screen = try await session.waitFor("tasks, detail and stats without a key pressed", timeout: 20) {
            $0.containsListRow("[ ]", "med  Task 075") && $0.contains("1–36 of 75") && $0.contains("todo        75")
                && $0.contains("│Task 075")
        }
        XCTAssertFalse(screen.contains("loading…"), screen)
        XCTAssertTrue(screen.contains("● live") || screen.contains("polling"), screen)
    }

    func testStatusChangeFromTheList() async throws {
        let session = try await openUI()
        try session.sendKeys("x")
        try await session.waitFor("the first row marked done") { $0.containsListRow("[x]", "med  Task 075") }
        let saved = try await eventuallyValue("the server to store the task as done", within: .seconds(5)) {
            try await ui.client.tasks(TaskQuery(limit: 1)).value.tasks.first.flatMap { $0.status == .done ? $0 : nil }
        }
        XCTAssertEqual(saved.title, "Task 075")
        try session.sendKeys("p")
        try await session.waitFor("the priority raised") { $0.containsListRow("[x]", "high Task 075") }
    }

    func testADroppedConnectionEndsTheClient() async throws {
        let session = try await openUI()
        let pid = try XCTUnwrap(try session.programPID())
        XCTAssertEqual(kill(pid, 0), 0)
        session.close()
        // A zombie waiting for its reaper has exited too.
        try await eventually("taskflow to exit after its terminal went away (SIGHUP)") {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            return kill(pid, 0) != 0 || stat.contains(") Z ")
        }
    }

    func testResizeTo60x20AndBack() async throws {
        let session = try await openUI()
        try session.resize(width: 60, height: 20)
        // The pane says it is one of three, and the hints start with the way to the others.
        let narrow = try await session.waitFor("one pane at 60×20, 1/3, Tab first in the hints") {
            $0.contains("┌ Tasks (75)") && !$0.contains("┌ Detail") && $0.contains(" 1/3 ┐") && $0.contains(" Tab pane ")
        }
        XCTAssertTrue(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 })
        try session.sendKeys("Tab")
        try await session.waitFor("the detail pane alone") { $0.contains("┌ Detail") && !$0.contains("┌ Tasks") && $0.contains(" 2/3 ┐") }
        try session.resize(width: 120, height: 40)
        try await session.waitFor("three panes again") { $0.contains("┌ Tasks (75)") && $0.contains("┌ Detail") && $0.contains("┌ Stats") }
    }
}
