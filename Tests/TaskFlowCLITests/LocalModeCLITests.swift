import Foundation
import TaskFlowTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real `taskflow` binary with nothing configured: every command uses the private
/// `taskflow-server`, started on demand on a Unix socket (DESIGN.md, "Local mode").
final class LocalModeCLITests: XCTestCase {
    private var local: PrivateServerHome!

    override func setUpWithError() throws {
        local = try PrivateServerHome()
    }

    override func tearDownWithError() throws {
        local.stopServersAndRemove(taskflow: try CLIHarness.binary())
        XCTAssertEqual(local.serverPIDs(), [], "no private server outlives the test")
    }

    @discardableResult
    private func taskflow(_ arguments: String...) throws -> CommandLineRun {
        try CommandLineRun.run(try CLIHarness.binary(), arguments, environment: local.environment)
    }

    private func mode(of path: String) -> mode_t {
        var status = stat()
        XCTAssertEqual(lstat(path, &status), 0, path)
        return status.st_mode & 0o777
    }

    func testCommandsUseThePrivateServerStartedOnDemand() throws {
        let added = try taskflow("add", "Buy oat milk", "--priority", "high")
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(local.serverPIDs().count, 1)
        XCTAssertEqual(mode(of: local.runtimeDirectory), 0o700)
        XCTAssertEqual(mode(of: local.socketPath), 0o600)
        XCTAssertTrue(FileManager.default.fileExists(atPath: local.databasePath))

        let listed = try taskflow("ls", "--json")
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("Buy oat milk"), listed.stdout)
        let whoami = try taskflow("whoami")
        XCTAssertTrue(whoami.stdout.contains("me@taskflow.local"), whoami.stdout + whoami.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: local.path + "/config/taskflow/credentials.json"),
                       "the local login does not become the default server of other commands")

        let status = try taskflow("local", "status")
        XCTAssertEqual(status.status, 0)
        XCTAssertTrue(status.stdout.hasPrefix("running"), status.stdout)
        XCTAssertTrue(status.stdout.contains("pid       \(local.serverPIDs().first ?? -1)"), status.stdout)
        XCTAssertTrue(status.stdout.contains(local.socketPath) && status.stdout.contains(local.databasePath), status.stdout)

        XCTAssertEqual(try taskflow("local", "stop").stdout, "stopped\n")
        XCTAssertEqual(local.serverPIDs(), [])
        XCTAssertTrue(try taskflow("local", "status").stdout.hasPrefix("not running"))
        // The next command starts it again, on the same data.
        XCTAssertTrue(try taskflow("ls").stdout.contains("Buy oat milk"))
    }

    func testCommandsStartedTogetherMakeOneServerAndOneAccount() throws {
        // Four processes started at once, before any server exists.
        let commands = try (0..<4).map { index in
            let process = Process()
            process.executableURL = try CLIHarness.binary()
            process.arguments = ["add", "Task \(index)"]
            process.environment = local.environment
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            return process
        }
        for command in commands { try command.run() }
        for command in commands {
            command.waitUntilExit()
            XCTAssertEqual(command.terminationStatus, 0)
        }
        XCTAssertEqual(local.serverPIDs().count, 1)
        let log = (try? String(contentsOfFile: local.runtimeDirectory + "/server.log", encoding: .utf8)) ?? ""
        XCTAssertFalse(log.contains("already listening"), "a second server was started: \(log)")
        let listed = try taskflow("ls")
        for index in 0..<4 { XCTAssertTrue(listed.stdout.contains("Task \(index)"), listed.stdout) }
    }

    func testAStaleSocketFromACrashedServerIsReplaced() async throws {
        XCTAssertEqual(try taskflow("add", "Survives the crash").status, 0)
        let crashed = try XCTUnwrap(local.serverPIDs().first)
        kill(crashed, SIGKILL)
        try await local.waitUntil("the crashed server to be gone") { !PrivateServerHome.isAlive(crashed) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: local.socketPath), "SIGKILL leaves the socket file behind")

        let listed = try taskflow("ls")
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("Survives the crash"))
        let replacement = local.serverPIDs()
        XCTAssertEqual(replacement.count, 1)
        XCTAssertNotEqual(replacement.first, crashed)
    }

    func testAMissingServerBinaryIsNamedWithHowToBuildIt() throws {
        // taskflow alone in a directory, and no taskflow-server on PATH.
        let bin = local.path + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let lonely = URL(fileURLWithPath: bin + "/taskflow")
        try FileManager.default.copyItem(at: try CLIHarness.binary(), to: lonely)
        let result = try CommandLineRun.run(lonely, ["ls"], environment: local.environment)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("taskflow: taskflow-server was not found beside taskflow (\(bin)) or on PATH"), result.stderr)
        XCTAssertTrue(result.stderr.contains("swift build -c release --product taskflow-server"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
        XCTAssertEqual(local.serverPIDs(), [])
    }

    func testThePrivateServerExitsAfterItsIdleTime() async throws {
        local.extraEnvironment["TASKFLOW_LOCAL_IDLE_EXIT_AFTER"] = "1s"
        XCTAssertEqual(try taskflow("add", "One thing").status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: local.socketPath))
        try await local.waitUntil("the idle server to exit and remove its socket") {
            local.serverPIDs().isEmpty && !FileManager.default.fileExists(atPath: local.socketPath)
        }
        XCTAssertTrue(try taskflow("local", "status").stdout.hasPrefix("not running"))
        XCTAssertTrue(try taskflow("ls").stdout.contains("One thing"), "the next command starts it again")
    }
}

/// The client binary stays lean: local mode runs the server as a process of its own, so
/// `taskflow` links none of the server's stack (DESIGN.md, module table).
final class ClientBinaryTests: XCTestCase {
    func testTaskflowLinksNoNIOBoringSSLOrPostgres() throws {
        let symbols = try CommandLineRun.run(URL(fileURLWithPath: "/usr/bin/nm"), [try CLIHarness.binary().path], environment: [:])
        XCTAssertEqual(symbols.status, 0, symbols.stderr)
        XCTAssertTrue(symbols.stdout.contains("TaskFlowClient"), "nm lists the binary's own symbols")
        for library in ["NIOCore", "NIOPosix", "PostgresNIO", "BoringSSL", "Hummingbird", "TaskFlowServer"] {
            let lines = symbols.stdout.split(separator: "\n").filter { $0.contains(library) }
            XCTAssertTrue(lines.isEmpty, "taskflow links \(library): \(lines.prefix(3).joined(separator: "; "))")
        }
    }

    /// Both binaries carry the Swift runtime and Foundation (Package.swift), so a start
    /// loads and relocates no shared Swift library: what bench/client.sh measures.
    func testBothBinariesCarryTheSwiftRuntimeAndFoundation() throws {
        for binary in [try CLIHarness.binary(), try ProductsDirectory.executable("taskflow-server", overrideVariable: "TASKFLOW_SERVER_BIN")] {
            let libraries = try CommandLineRun.run(URL(fileURLWithPath: "/usr/bin/ldd"), [binary.path], environment: [:])
            XCTAssertEqual(libraries.status, 0, libraries.stderr)
            XCTAssertTrue(libraries.stdout.contains("libc.so"), "ldd lists the shared libraries: \(libraries.stdout)")
            for library in ["libswiftCore", "libFoundation", "lib_FoundationICU", "libswift_Concurrency", "libdispatch"] {
                XCTAssertFalse(libraries.stdout.contains(library), "\(binary.lastPathComponent) loads \(library) at start:\n\(libraries.stdout)")
            }
        }
    }

    /// libcurl and the thirty libraries it brings are loaded when the first request is
    /// made (Sources/CCurl/shim.c), not at every start: `--version` never loads them.
    func testTaskflowLoadsLibcurlOnlyWhenItMakesARequest() throws {
        let libraries = try CommandLineRun.run(URL(fileURLWithPath: "/usr/bin/ldd"), [try CLIHarness.binary().path], environment: [:])
        XCTAssertFalse(libraries.stdout.contains("libcurl"), libraries.stdout)
        XCTAssertFalse(libraries.stdout.contains("libgnutls"), libraries.stdout)
    }
}
