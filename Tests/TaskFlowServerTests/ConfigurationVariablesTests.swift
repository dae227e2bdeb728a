import Foundation
import TaskFlowTestSupport
import XCTest
@testable import TaskFlowServer

/// The variables the server reads, the ones `--help` names, and the ones the manual page and
/// the README document are the same list.
final class ConfigurationVariablesTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private let listed = Set(ServerConfiguration.variables.map(\.name))

    func testEveryVariableTheCodeReadsIsListed() throws {
        let folder = root.appendingPathComponent("Sources/TaskFlowServer/Configuration")
        var read = Set<String>()
        // Every quoted ALL_CAPS name in the configuration code is a variable it reads.
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where file.hasSuffix(".swift") && file != "ServerConfiguration+Variables.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #""([A-Z][A-Z0-9_]{2,})""#)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                read.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        XCTAssertGreaterThanOrEqual(read.count, 16, "the scan found the reads")
        XCTAssertEqual(read.subtracting(listed).sorted(), [], "read but not in ServerConfiguration.variables")
        XCTAssertEqual(listed.subtracting(read).sorted(), [], "listed but never read")
    }

    func testTheManualPageAndTheREADMEDocumentEveryVariable() throws {
        let manual = try String(contentsOf: root.appendingPathComponent("man/taskflow-server.8"), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in listed.sorted() {
            XCTAssertTrue(manual.contains(name.replacingOccurrences(of: "_", with: "\\_")) || manual.contains(name),
                          "man/taskflow-server.8 does not mention \(name)")
            XCTAssertTrue(readme.contains("`\(name)`"), "README's configuration table does not list \(name)")
        }
    }

    func testHelpNamesEveryVariable() throws {
        let binary = try ProductsDirectory.executable("taskflow-server", overrideVariable: "TASKFLOW_SERVER_BIN")
        let help = try CommandLineRun.run(binary, ["--help"], environment: [:])
        XCTAssertEqual(help.status, 0)
        for name in listed.sorted() {
            XCTAssertTrue(help.stdout.contains("\n  \(name) "), "--help does not name \(name):\n\(help.stdout)")
        }
    }
}
