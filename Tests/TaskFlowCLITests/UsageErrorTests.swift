import Foundation
import TaskFlowTestSupport
import XCTest

/// Mistakes on the command line, as the man page promises: one `taskflow:` line on
/// stderr, exit 64, and a suggestion for a command name that is nearly right.
final class UsageErrorTests: XCTestCase {
    private func run(_ arguments: String...) throws -> CommandLineRun {
        let cli = try CLIHarness(server: nil)
        defer { cli.remove() }
        return try cli.run(arguments: arguments)
    }

    func testAMistypedCommandSuggestsTheNearestOne() throws {
        let result = try run("lst")
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stderr, "taskflow: unknown command 'lst'; did you mean 'ls'? (taskflow --help lists them)\n")
        XCTAssertEqual(try run("shwo", "x").stderr, "taskflow: unknown command 'shwo'; did you mean 'show'? (taskflow --help lists them)\n")
    }

    func testUsageErrorsAreOneTaskflowLine() throws {
        for arguments in [["ls", "--bogus"], ["show"], ["ls", "--limit", "500"], ["add", "x", "--priority", "urgent"]] {
            let cli = try CLIHarness(server: nil)
            defer { cli.remove() }
            let result = try cli.run(arguments: arguments)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix("taskflow: "), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stdout.isEmpty)
        }
    }

    func testNotFoundNamesTheTask() async throws {
        try await CLIHarness.withRegisteredUser { cli, _ in
            let id = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
            for arguments in [["show", id], ["edit", id, "--title", "x"]] {
                let result = try cli.run(arguments: arguments)
                XCTAssertEqual(result.status, 4, "\(arguments): \(result.stderr)")
                XCTAssertTrue(result.stderr.hasPrefix("taskflow: \(id): "), "\(arguments): \(result.stderr)")
            }
        }
    }
}
