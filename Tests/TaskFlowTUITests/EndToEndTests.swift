import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real `taskflow` binary in tmux against a real `taskflow-server`.
final class EndToEndTests: TmuxTestCase {
    override func seed() async throws {
        for number in 1...75 {
            _ = try await client.createTask(TaskChanges(title: String(format: "Task %03d", number)))
        }
    }

    func openUI(width: Int = 120, height: Int = 40, term: String = "tmux-256color") async throws -> TmuxSession {
        try await launch(width: width, height: height, term: term) {
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
        cli.executableURL = URL(fileURLWithPath: try taskflow())
        cli.arguments = ["add", "Added from the CLI", "--server", server.url]
        cli.environment = environment
        cli.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try cli.run()
        cli.waitUntilExit()
        XCTAssertEqual(cli.terminationStatus, 0)
        let screen = try await session.waitFor(text: "Added from the CLI", timeout: 1)
        XCTAssertTrue(screen.contains("Tasks (76)"))
    }

    func testStatusChangeFromTheList() async throws {
        let session = try await openUI()
        try session.sendKeys("x")
        try await session.waitFor("the first row marked done") { $0.contains("│[x] med  Task 075") }
        var saved: TaskItem?
        for _ in 0..<100 {
            saved = try await client.tasks(TaskQuery(limit: 1)).value.tasks.first
            if saved?.status == .done { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTAssertEqual(saved?.title, "Task 075")
        XCTAssertEqual(saved?.status, .done)
        try session.sendKeys("p")
        try await session.waitFor("the priority raised") { $0.contains("│[x] high Task 075") }
    }

    func testADroppedConnectionEndsTheClient() async throws {
        let session = try await openUI()
        let pid = try XCTUnwrap(try session.programPID())
        XCTAssertEqual(kill(pid, 0), 0)
        session.close()
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline {
            // A zombie waiting for its reaper has exited too.
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), stat.contains(") Z ") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        XCTAssertTrue(kill(pid, 0) != 0 || stat.contains(") Z "), "taskflow still runs after its terminal went away (SIGHUP)")
    }

    func testResizeTo60x20AndBack() async throws {
        let session = try await openUI()
        try session.resize(width: 60, height: 20)
        let narrow = try await session.waitFor("one pane at 60×20") { $0.contains("┌ Tasks (75)") && !$0.contains("┌ Detail") }
        XCTAssertTrue(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 })
        try session.sendKeys("Tab")
        try await session.waitFor("the detail pane alone") { $0.contains("┌ Detail") && !$0.contains("┌ Tasks") }
        try session.resize(width: 120, height: 40)
        try await session.waitFor("three panes again") { $0.contains("┌ Tasks (75)") && $0.contains("┌ Detail") && $0.contains("┌ Stats") }
    }
}
