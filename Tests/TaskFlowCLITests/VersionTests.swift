import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// One version, one scheme (issue 15: `taskflow --version` said 0.1.0, `taskflow-server
/// --version` "taskflow-server 1.0.0"): both programs print "NAME VERSION" from
/// `TaskFlowVersion.current`, the client's User-Agent carries it, and so do the manual pages.
final class VersionTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private let version = TaskFlowVersion.current

    func testBothProgramsPrintTheirNameAndTheOneVersion() throws {
        let client = try CommandLineRun.run(try CLIHarness.binary(), ["--version"], environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(client.status, 0, client.stderr)
        XCTAssertEqual(client.stdout, "taskflow \(version)\n")
        let serverBinary = try ProductsDirectory.executable("taskflow-server", overrideVariable: "TASKFLOW_SERVER_BIN")
        let server = try CommandLineRun.run(serverBinary, ["--version"], environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(server.status, 0, server.stderr)
        XCTAssertEqual(server.stdout, "taskflow-server \(version)\n")
        XCTAssertEqual(TransportOptions().userAgent, "taskflow/\(version)")
    }

    func testEveryManualPageNamesTheSameVersion() throws {
        for page in ["taskflow.1", "taskflow-server.8", "taskflow-themes.5"] {
            let text = try String(contentsOf: root.appendingPathComponent("man/\(page)"), encoding: .utf8)
            let heading = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix(".TH ") }, page)
            XCTAssertTrue(heading.contains("\"TaskFlow \(version)\""), "\(page): \(heading)")
        }
    }
}
