import Foundation
import TaskFlowTestSupport
import XCTest

/// man/taskflow.1 and the parser agree: every option the page lists for a command is one
/// that command accepts, with the meaning of its short letter the same everywhere.
final class ManPageOptionsTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func parser() throws -> ParserOptions {
        let dump = try CommandLineRun.run(try CLIHarness.binary(), ["--experimental-dump-help"], environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        return try ParserOptions(dump: Data(dump.stdout.utf8))
    }

    func testEveryOptionOfTheManPageIsAcceptedByItsCommand() throws {
        let page = ManPageOptions(page: try String(contentsOf: root.appendingPathComponent("man/taskflow.1"), encoding: .utf8))
        let parser = try parser()
        let commands = parser.options.keys.filter { !$0.isEmpty && $0 != "help" }
        XCTAssertGreaterThan(page.options.values.reduce(0) { $0 + $1.count }, 30, "the page was not read: \(page.options)")
        for (command, options) in page.options.sorted(by: { $0.key < $1.key }) {
            // The common options are the server's; `local status|stop` act on the private server only.
            let serverless: Set = ["ui", "themes", "views", "completions", "local", "status", "stop"]
            let targets = command == "*" ? commands.filter { !serverless.contains($0) } : [command]
            for target in targets {
                let accepted = try XCTUnwrap(parser.options[target], "the man page documents a command \"\(target)\" the parser lacks")
                for option in options.sorted() {
                    XCTAssertTrue(accepted.contains(option), "man page: taskflow \(target) \(option); the parser has \(accepted.sorted())")
                }
            }
        }
    }

    func testAShortOptionMeansTheSameInEveryCommand() throws {
        let meanings = try parser().shortMeanings
        XCTAssertFalse(meanings.isEmpty)
        for (short, longs) in meanings.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(longs.count, 1, "-\(short) means different things: \(longs)")
        }
        XCTAssertEqual(meanings["q"]?.keys.sorted(), ["search"], "ls -q searches, as the man page says")
        XCTAssertEqual(meanings["s"]?.keys.sorted(), ["status"])
    }
}
