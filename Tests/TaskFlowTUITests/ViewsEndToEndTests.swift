import Foundation
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// Saved views in the real binary under tmux: a view of config.toml on its key, and `V`
/// writing the filter in force into the file the user wrote.
extension QueryEndToEndTests {
    func testAConfigViewOnItsKeyAndSavingTheFilterAsAView() async throws {
        let directory = ui.home.path + "/config/taskflow"
        let path = directory + "/config.toml"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "# written by hand\nmouse = false\n\n[views.reports]\nfilter = \"report\"\nsort = \"title\"\nkey = 4\n"
        try Data(config.utf8).write(to: URL(fileURLWithPath: path))

        let session = try await openUI()
        try await session.waitFor(text: "1 todo 2 doing 3 done 4 reports")
        try session.sendKeys("4")
        let shown = try await session.waitFor("only the view's tasks, by title") { screen in
            screen.contains("1–2 of 2") && screen.contains("filter: report")
        }
        XCTAssertTrue(firstRow(shown).contains("Report expenses"), shown)
        XCTAssertTrue(shown.contains("Write report"), shown)
        XCTAssertFalse(shown.contains("Task 001") || shown.contains("Read book"), shown)
        XCTAssertTrue(shown.contains("4 reports  filter: report  sort: title ↑"), shown)

        try session.sendKeys("4")
        try await session.waitFor("all tasks again") { $0.contains("1–9 of 9") && $0.contains("Read book") }

        try session.sendKeys("f")
        try session.sendKeys("status:done", "Enter")
        try await session.waitFor("the done task") { $0.contains("1–1 of 1") && $0.contains("Read book") }
        try session.sendKeys("V")
        try await session.waitFor(text: "save view as:")
        try session.sendKeys("finished", "Enter")
        try await session.waitFor(text: "Saved view “finished” on key 5 in \(path)")

        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(written, config + "\n[views.finished]\nfilter = \"status:done\"\nsort = \"-createdAt\"\nkey = 5\n")
        try session.sendKeys("5")
        try await session.waitFor("its key again: all tasks") { $0.contains("1–9 of 9") }
    }
}
