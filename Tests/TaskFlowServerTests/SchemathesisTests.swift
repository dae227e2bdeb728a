import Foundation
import TaskFlowTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The server against the OpenAPI document it serves: `.ci/schemathesis` fuzzes the built
/// `taskflow-server` with schemathesis (every check; the examples, coverage, fuzzing and
/// stateful phases; a fixed seed) and must find no failure and no error in at least 2,000
/// generated cases, within 4 minutes. Its summary line is printed into the test log.
final class SchemathesisTests: XCTestCase {
    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".ci/schemathesis")

    func testTheServerDoesWhatItsOpenAPIDocumentSays() async throws {
        let server = try ProductsDirectory.executable("taskflow-server", overrideVariable: "TASKFLOW_SERVER_BIN")
        let directory = try TemporaryDirectory(prefix: "taskflow-schemathesis-test")
        defer { directory.remove() }
        let output = directory.url.appendingPathComponent("output.log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)

        let process = Process()
        process.executableURL = Self.script
        process.arguments = [server.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SCHEMATHESIS_TIMEOUT"] = "4m"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        let exit = ProcessExit()
        process.terminationHandler = { exit.record($0.terminationStatus) }
        try process.run()
        // The script bounds schemathesis itself (SCHEMATHESIS_TIMEOUT); this only keeps a
        // hung script from hanging the suite.
        guard let status = await exit.wait(within: .seconds(330)) else {
            kill(process.processIdentifier, SIGKILL)
            return XCTFail("`.ci/schemathesis` did not finish within 5.5 minutes:\n\(Self.tail(of: output))")
        }

        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard let summary = text.split(separator: "\n").last(where: { $0.hasPrefix("schemathesis: ") }) else {
            return XCTFail("no summary line (exit \(status)):\n\(Self.tail(of: output))")
        }
        print(summary)
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 4 else { return XCTFail("unreadable summary: \(summary)") }
        let (cases, failures, errors) = (numbers[0], numbers[1], numbers[2])
        XCTAssertEqual(status, 0, "\(summary)\n\(Self.tail(of: output))")
        XCTAssertEqual(failures, 0, String(summary))
        XCTAssertEqual(errors, 0, String(summary))
        XCTAssertGreaterThanOrEqual(cases, 2000, "too few cases generated: \(summary)")
    }

    /// The end of what the script printed: its failures, errors and summary.
    private static func tail(of file: URL) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(120).joined(separator: "\n")
    }
}
