import Foundation
import TaskFlowTestSupport
import XCTest

/// The real `taskflow` in tmux with nothing configured: the screens and the CLI share the
/// private server, so a change made in one shows up live in the others; the demo runs a
/// server of its own that goes away with its last screen.
final class LocalModeEndToEndTests: XCTestCase {
    private var local: PrivateServerHome!
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        local = try PrivateServerHome()
    }

    override func tearDownWithError() throws {
        sessions.forEach { $0.close() }
        local.stopServersAndRemove(taskflow: URL(fileURLWithPath: try taskflow()))
        XCTAssertEqual(local.serverPIDs(), [], "no private server outlives the test")
    }

    private func taskflow() throws -> String { try ProductsDirectory.executable("taskflow", overrideVariable: "TASKFLOW_BIN").path }

    private func screen(_ arguments: [String] = [], term: String = "tmux-256color") throws -> TmuxSession {
        let session = try TmuxSession([try taskflow()] + arguments, environment: local.environment.merging(["TERM": term]) { $1 })
        sessions.append(session)
        return session
    }

    func testACommandLineAddAppearsLiveInTwoScreens() async throws {
        let first = try screen()
        try await first.waitFor("an empty local list") { $0.contains("No tasks yet") && $0.contains("● live") }
        let second = try screen(term: "screen-256color")
        try await second.waitFor("the second screen on the same server") { $0.contains("No tasks yet") && $0.contains("● live") }
        XCTAssertEqual(local.serverPIDs().count, 1, "both screens use one private server")

        let added = try CommandLineRun.run(URL(fileURLWithPath: try taskflow()), ["add", "Added from the CLI"], environment: local.environment)
        XCTAssertEqual(added.status, 0, added.stderr)
        try await first.waitFor("the CLI's task in the first screen", timeout: 5) { $0.contains("Added from the CLI") }
        try await second.waitFor("the CLI's task in the second screen", timeout: 5) { $0.contains("Added from the CLI") }

        for session in [first, second] {
            try session.sendKeys("q")
            try await session.waitFor(text: "EXITED:0")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: local.databasePath), "the data is under $XDG_DATA_HOME/taskflow/")
        XCTAssertFalse(FileManager.default.fileExists(atPath: local.path + "/config/taskflow/credentials.json"),
                       "the local login does not become the CLI's default server")
    }

    func testTheDemoIsRemovedWhenItsLastScreenQuits() async throws {
        let first = try screen(["--demo"], term: "xterm-256color")
        try await first.waitFor("the seeded demo", timeout: 60) {
            $0.contains("Tasks (320)") && $0.contains("● live") && $0.contains("demo@taskflow.local")
        }
        let second = try screen(["--demo"])
        try await second.waitFor("the same demo in a second screen") { $0.contains("Tasks (320)") && $0.contains("● live") }
        let demoSocket = local.demoDirectory + "/server.sock"
        XCTAssertEqual(local.serverPIDs(socket: demoSocket).count, 1)

        try first.sendKeys("q")
        try await first.waitFor(text: "EXITED:0")
        XCTAssertTrue(FileManager.default.fileExists(atPath: local.demoDirectory), "the second screen still uses the demo")
        XCTAssertEqual(local.serverPIDs(socket: demoSocket).count, 1)

        try second.sendKeys("q")
        try await second.waitFor(text: "EXITED:0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: local.demoDirectory), "the last screen removes the demo and its database")
        XCTAssertEqual(local.serverPIDs(socket: demoSocket), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: local.path + "/config/taskflow/credentials.json"), "the demo saves no login")
        XCTAssertFalse(FileManager.default.fileExists(atPath: local.databasePath), "the demo leaves the user's own data alone")
    }
}
