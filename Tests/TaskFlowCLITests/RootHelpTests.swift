import Foundation
import TaskFlowTestSupport
import XCTest

/// `taskflow --help` on an 80-column terminal: the ENVIRONMENT and EXIT CODES tables keep
/// their indentation, no line of them wrapping back to column 0.
final class RootHelpTests: XCTestCase {
    func testTheRootHelpTablesFitEightyColumns() throws {
        var cli = try CLIHarness(server: nil)
        defer { cli.remove() }
        cli.extraEnvironment["COLUMNS"] = "80"
        let help = try cli.run("--help")
        XCTAssertEqual(help.status, 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try XCTUnwrap(lines.firstIndex(of: "ENVIRONMENT"))
        let end = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("USAGE:") })
        for line in lines[(start + 1)..<end] where !line.isEmpty && line != "EXIT CODES" {
            XCTAssertTrue(line.hasPrefix("  "), "wrapped to column 0: \(line)\n\(help.stdout)")
        }
    }
}
