import Foundation
import TaskFlowTestSupport
import XCTest

/// `taskflow ls --view NAME` against a real server: the view's filter and sort from
/// config.toml, options given with it replacing that part, an unknown name a usage error.
final class ListViewCLITests: XCTestCase {
    func testListWithAViewAppliesItsFilterAndSortAndOptionsOverrideIt() async throws {
        try await CLIHarness.withRegisteredUser { cli, _ in
            try FileManager.default.createDirectory(atPath: cli.home.path + "/config/taskflow", withIntermediateDirectories: true)
            let config = """
                # mine
                [views.urgent]
                filter = "priority:high report"
                sort = "title"
                [views.broken]
                filter = "status:someday"
                """
            try Data(config.utf8).write(to: URL(fileURLWithPath: cli.home.path + "/config/taskflow/config.toml"))
            for (title, priority) in [("Write report", "high"), ("Archive report", "high"), ("Read report", "low"), ("Call Bob", "high")] {
                XCTAssertEqual(try cli.run("add", title, "-p", priority).status, 0)
            }

            let urgent = try cli.run("ls", "--view", "urgent")
            XCTAssertEqual(urgent.status, 0, urgent.stderr)
            let titles = urgent.stdout.split(separator: "\n").filter { $0.contains("report") }.map { $0.contains("Archive") ? "Archive" : "Write" }
            XCTAssertEqual(titles, ["Archive", "Write"], "high and “report”, by title:\n\(urgent.stdout)")
            XCTAssertFalse(urgent.stdout.contains("Read report") || urgent.stdout.contains("Call Bob"), urgent.stdout)
            XCTAssertTrue(urgent.stderr.contains("views.broken: filter: bad status 'someday'"), "config problems on stderr: \(urgent.stderr)")

            let overridden = try cli.run("ls", "--view", "urgent", "--priority", "low", "--sort", "-title")
            XCTAssertEqual(overridden.status, 0, overridden.stderr)
            XCTAssertTrue(overridden.stdout.contains("Read report"), overridden.stdout)
            XCTAssertFalse(overridden.stdout.contains("Write report"), "--priority replaces the view's priority:\n\(overridden.stdout)")

            let builtIn = try cli.json(cli.run("ls", "--view", "todo", "--json"))
            XCTAssertEqual((builtIn["tasks"] as? [Any])?.count, 4, "the built-in views work too")

            let unknown = try cli.run("ls", "--view", "nope")
            XCTAssertEqual(unknown.status, 64)
            let lines = unknown.stderr.split(separator: "\n").filter { $0.hasPrefix("taskflow:") }
            XCTAssertEqual(lines.count, 1, unknown.stderr)
            XCTAssertTrue(lines.first?.contains("no view \"nope\"; the views are todo, doing, done, urgent") == true, unknown.stderr)

            let list = try cli.run("views")
            XCTAssertEqual(list.status, 0, list.stderr)
            XCTAssertTrue(list.stdout.contains("1  todo    status:todo"), list.stdout)
            XCTAssertTrue(list.stdout.contains("4  urgent  priority:high report  sort title"), list.stdout)
        }
    }
}
