import Foundation
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// config.toml and --theme through the real binary: a user key binding works, a mistake
/// in the file is on the message line, and `--theme mono` draws without colour.
extension EndToEndTests {
    func testConfigKeyBindingWarningAndMonoTheme() async throws {
        let directory = ui.home.path + "/config/taskflow"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "theme = \"gruvbox\"\ncolour = \"red\"\n[keys]\ndone = \"d\"\n"
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/config.toml", contents: Data(config.utf8)))

        let session = try ui.open([try ui.taskflow(), "--server", ui.server.url, "--theme", "mono"], environment: ui.environment)
        try await session.waitFor("the first frame and the config warning") {
            $0.contains("Task 075") && $0.contains("config.toml:2: unknown key \"colour\"")
        }
        try session.sendKeys("Escape")
        try await session.waitFor("the problems popup to close") { !$0.contains("problems in your settings") }
        let styled = try session.captureStyled()
        XCTAssertFalse(styled.contains("38;5;") || styled.contains("48;5;"), "mono draws no colours:\n\(styled)")
        XCTAssertTrue(styled.contains("\u{1B}["), "but it draws attributes")

        try session.sendKeys("x")
        try session.sendKeys("d")
        try await session.waitFor("the rebound key marks the task done") { $0.contains("[x]") }
        // The screen shows a change at once; the server has it a moment later.
        try await eventually("the change on the server") { try await self.ui.client.allTasks().contains { $0.status == .done } }
        let all = try await ui.client.allTasks()
        XCTAssertEqual(all.first { $0.title == "Task 075" }?.status, .done)
        XCTAssertEqual(all.filter { $0.status == .done }.count, 1, "x no longer does it")
    }

    func testABadLineInConfigKeepsTheRestAndEveryProblemIsShown() async throws {
        let directory = ui.home.path + "/config/taskflow"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "mouse = yes\ntheme = \"no-such-theme\"\n[keys]\ndone = \"D\"\n"
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/config.toml", contents: Data(config.utf8)))

        let session = try ui.open([try ui.taskflow(), "--server", ui.server.url], environment: ui.environment)
        let screen = try await session.waitFor("both problems in the popup") {
            $0.contains("2 problems in your settings") && $0.contains("config.toml:1: \"yes\" is not a string")
                && $0.contains("no-such-theme")
        }
        XCTAssertTrue(screen.contains("The other settings apply"), screen)
        try session.sendKeys("Escape")
        try await session.waitFor("the popup to close and the list") { !$0.contains("problems in your settings") && $0.contains("Task 075") }
        try session.sendKeys("D")
        try await session.waitFor("the binding after the bad line applies") { $0.contains("[x]") }
    }
}
