import Foundation
import TaskFlowTestSupport
import XCTest

/// Bad input and broken surroundings, with the real `taskflow` binary: one line on stderr
/// that says what to do, the documented exit code, and nothing written half-way.
final class CLIFailureTests: XCTestCase {
    func testUsageErrorsExit64() throws {
        let cases: [[String]] = [
            ["ls", "--limit", "500"], ["ls", "--status", "soon"], ["ls", "--sort", "colour"], ["ls", "--due-before", "someday"],
            ["add", "   "], ["add", "x", "--due", "whenever"], ["add", "x", "--priority", "urgent"], ["edit", "abc"],
            ["ls", "--server", "ftp://example.com"], ["completions", "tcsh"],
        ]
        for arguments in cases {
            let cli = try CLIHarness(server: nil)
            defer { cli.remove() }
            let result = try cli.run(arguments: arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments)")
            XCTAssertTrue(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        }
    }

    func testDeadServerExits5AndNamesIt() throws {
        let cli = try CLIHarness(server: nil)
        defer { cli.remove() }
        let port = FreePort.next()
        let result = try cli.run("login", "http://127.0.0.1:\(port)", "--email", "a@b.co", "--password-stdin", stdin: "password123\n")
        XCTAssertEqual(result.status, 5)
        XCTAssertEqual(result.stderr, "taskflow: Could not connect to http://127.0.0.1:\(port): connection refused. Is the server running? Check --server or TASKFLOW_SERVER.\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.credentialsPath))
    }

    func testWebServerThatIsNotTaskFlowIsNamedAsSuch() throws {
        let peer = try PythonPeer(script: "http_peer.py", requires: [:])
        defer { peer.stop() }
        let cli = try CLIHarness(server: nil)
        defer { cli.remove() }
        let result = try cli.run("login", "http://127.0.0.1:\(peer.port)", "--email", "a@b.co", "--password-stdin", stdin: "password123\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("an HTML page instead of JSON") && result.stderr.contains("right server address"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testCredentialsFileOthersCanReadIsRefusedWithTheFix() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try cli.register()
        chmod(cli.credentialsPath, 0o644)
        let result = try cli.run("ls")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("chmod 600 \(cli.credentialsPath)"), result.stderr)
    }

    func testDamagedCredentialsFileIsReportedAndLeftAlone() throws {
        let cli = try CLIHarness(server: nil)
        defer { cli.remove() }
        try FileManager.default.createDirectory(atPath: cli.home.path + "/config/taskflow", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: cli.credentialsPath, contents: Data("{garbage".utf8), attributes: [.posixPermissions: 0o600])
        let result = try cli.run("ls")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("is damaged") && result.stderr.contains("taskflow login"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: cli.credentialsPath, encoding: .utf8), "{garbage")
    }

    func testHelpForEveryCommandAndCompletionScripts() throws {
        let cli = try CLIHarness(server: nil)
        defer { cli.remove() }
        for command in ["login", "register", "logout", "whoami", "ls", "show", "add", "edit", "done", "start", "rm", "stats", "watch", "completions"] {
            let help = try cli.run(command, "--help")
            XCTAssertEqual(help.status, 0, command)
            XCTAssertTrue(help.stdout.contains("USAGE: taskflow \(command)"), command)
            XCTAssertTrue(help.stdout.contains("--server") || command == "completions", command)
        }
        XCTAssertTrue(try cli.run("--help").stdout.contains("EXIT CODES"))
        let bash = try cli.run("completions", "bash").stdout
        XCTAssertTrue(bash.contains("_taskflow"))
        XCTAssertTrue(bash.contains("_taskflow_ui()") && bash.contains("_taskflow_themes()"), "the executable's own commands are completed too")
        XCTAssertTrue(try cli.run("completions", "zsh").stdout.contains("#compdef taskflow"))
        XCTAssertTrue(try cli.run("completions", "fish").stdout.contains("complete -c 'taskflow'"))
    }
}
