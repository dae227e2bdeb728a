import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-Z and `kill -TSTP` under an interactive shell with job control, the way a user
/// runs `taskflow`: every stop gives the shell its prompt back, and `fg` gives back the
/// screen as it was, without the shell's keys reaching the client.
final class SuspendEndToEndTests: XCTestCase {
    var ui: TmuxFixture!
    /// PS1 (tmux's capture drops the space after it).
    static let prompt = "tf-shell$"

    override func setUp() async throws {
        ui = try await TmuxFixture.start(tasks: TmuxFixture.numberedTasks(5))
    }

    override func tearDown() { ui?.close() }

    /// bash with job control in the pane, `taskflow` started from it, its first frame up.
    func openShellWithTheClient() async throws -> TmuxSession {
        let shell = try ui.open(
            ["bash", "--norc", "--noprofile", "-i"], environment: ui.environment.merging(["PS1": Self.prompt + " "]) { $1 })
        try await shell.waitFor(text: Self.prompt)
        try shell.sendKeys("clear; \(try ui.taskflow()) --server \(ui.server.url)", "Enter")
        try await waitForTheScreen(shell, "the first frame")
        return shell
    }

    func waitForTheScreen(_ shell: TmuxSession, _ what: String) async throws {
        let screen = try await shell.waitFor(what) {
            $0.contains("● live") && $0.containsListRow("[ ]", "med  Task 005") && $0.contains("1–5 of 5") && $0.contains("┌ Stats")
        }
        XCTAssertFalse(screen.contains("filter:") || screen.contains("New task") || screen.contains("Edit task"),
                       "no key of the shell's reached the client:\n\(screen)")
    }

    /// The shell's screen (cleared before each `fg`), with the stopped job and a prompt.
    func waitForThePrompt(_ shell: TmuxSession, _ what: String) async throws {
        try await shell.waitFor(what, timeout: 5) { screen in
            let lines = screen.split(separator: "\n")
            return !screen.contains("┌ Tasks") && lines.contains { $0.contains("Stopped") }
                && lines.last?.hasPrefix(Self.prompt) == true
        }
    }

    /// The `taskflow` process: the child of the pane's bash.
    func clientPID(_ shell: TmuxSession) throws -> pid_t {
        let bash = try XCTUnwrap(try shell.programPID(), "bash runs in the pane")
        let children = (try? String(contentsOfFile: "/proc/\(bash)/task/\(bash)/children", encoding: .utf8)) ?? ""
        return try XCTUnwrap(children.split(separator: " ").first.flatMap { pid_t($0) }, "taskflow runs under bash")
    }

    func testCtrlZSuspendsEveryTimeAndFgBringsTheScreenBack() async throws {
        let shell = try await openShellWithTheClient()
        for round in 1...8 {
            try shell.sendKeys("C-z")
            try await waitForThePrompt(shell, "the shell's prompt after Ctrl-Z number \(round)")
            try shell.sendKeys("clear; fg", "Enter")
            try await waitForTheScreen(shell, "the screen back after fg number \(round)")
        }
        // The screen still takes keys, and nothing typed for the shell changed a task.
        try shell.sendKeys("j")
        try await shell.waitFor("the cursor on the second row") { $0.contains("│Task 004") }
        let titles = try await ui.client.tasks(TaskQuery(limit: 10)).value.tasks.map(\.title)
        XCTAssertEqual(titles, ["Task 005", "Task 004", "Task 003", "Task 002", "Task 001"])
    }

    func testKillTSTPSuspendsEveryTimeToo() async throws {
        let shell = try await openShellWithTheClient()
        let pid = try clientPID(shell)
        for round in 1...4 {
            XCTAssertEqual(kill(pid, SIGTSTP), 0)
            try await waitForThePrompt(shell, "the shell's prompt after kill -TSTP number \(round)")
            try shell.sendKeys("clear; fg", "Enter")
            try await waitForTheScreen(shell, "the screen back after fg number \(round)")
        }
        try shell.sendKeys("q")
        try await shell.waitFor("the shell's prompt after q") { $0.split(separator: "\n").last?.hasPrefix(Self.prompt) == true }
    }
}
