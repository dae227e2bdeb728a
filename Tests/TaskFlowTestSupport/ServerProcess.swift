import Foundation
import TaskFlowClient
#if canImport(Glibc)
import Glibc
#endif

/// The real `taskflow-server` binary on a loopback port, by default with a temporary SQLite
/// database. `start` returns once `GET /health` answers; `launch` returns at once (for tests of
/// start-up failures); `stop` kills it and removes its files; `restart` keeps the data.
public final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` and `exit` are replaced only by `launch`/`restart`, which a test
    // calls from its one task; `ProcessExit` is itself thread-safe.
    public let port: Int
    public let directory: TemporaryDirectory
    public let environment: [String: String]
    private var process: Process?
    private var exit = ProcessExit()

    public var address: ServerAddress { try! ServerAddress(url) }
    public var url: String { "http://127.0.0.1:\(port)" }
    /// Where the server's standard error goes.
    public var logFile: URL { directory.url.appendingPathComponent("stderr.log") }
    /// Where its standard output goes: the JSON log lines (`LOG_LEVEL`, default here `error`).
    public var outputFile: URL { directory.url.appendingPathComponent("stdout.log") }

    /// Extra environment variables (`JWT_EXPIRES_IN`, `DATABASE_URL`…) override the defaults;
    /// a nil value removes a default (e.g. `"JWT_SECRET": nil` to have one generated).
    public static func start(_ settings: [String: String?] = [:], port: Int? = nil) async throws -> ServerProcess {
        let server = try launch(settings, port: port)
        try await server.waitUntilHealthy()
        return server
    }

    /// Starts the process without waiting for it to answer.
    public static func launch(_ settings: [String: String?] = [:], port: Int? = nil) throws -> ServerProcess {
        let server = try ServerProcess(settings: settings, port: port ?? FreePort.next())
        try server.run()
        return server
    }

    private init(settings: [String: String?], port: Int) throws {
        self.port = port
        directory = try TemporaryDirectory(prefix: "taskflow-server")
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = String(port)
        environment["DATABASE_URL"] = "sqlite:\(directory.path)/tasks.sqlite"
        environment["JWT_SECRET"] = "test-secret-test-secret-test-secret-0123"
        environment["LOG_LEVEL"] = "error"
        environment["RATE_LIMIT_MAX_REQUESTS"] = "100000"
        for (key, value) in settings { environment[key] = value }
        self.environment = environment
    }

    private func run() throws {
        let process = Process()
        process.executableURL = try ProductsDirectory.executable("taskflow-server", overrideVariable: "TASKFLOW_SERVER_BIN")
        process.environment = environment
        process.currentDirectoryURL = directory.url
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: logFile)
        let exit = ProcessExit()
        process.terminationHandler = { exit.record($0.terminationStatus) }
        try process.run()
        self.process = process
        self.exit = exit
    }

    /// Waits until `/health` answers 200 (polling: a listening socket sends no event), or
    /// throws with what the server wrote if it exits first.
    public func waitUntilHealthy(within limit: Duration = .seconds(30)) async throws {
        let transport = CurlTransport()
        let health = HTTPRequest(method: .get, url: URL(string: "\(url)/health")!)
        do {
            try await eventually("taskflow-server on port \(port) to answer /health", within: limit) {
                if let status = exit.status { throw SupportError("taskflow-server exited with status \(status): \(errorOutput())") }
                return (try? await transport.send(health))?.status == 200
            }
        } catch {
            terminate()
            throw error
        }
    }

    /// The exit status, once the process has ended (no polling: the termination handler tells).
    public func waitForExit(within limit: Duration = .seconds(10)) async throws -> Int32 {
        guard let status = await exit.wait(within: limit) else {
            throw SupportError("taskflow-server did not exit within \(limit).")
        }
        return status
    }

    /// Started and not yet exited.
    public var isRunning: Bool { process != nil && exit.status == nil }

    public func signal(_ signal: Int32) {
        if let process, process.isRunning { _ = Glibc.kill(process.processIdentifier, signal) }
    }

    /// What the server has written to standard error so far.
    public func errorOutput() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// What the server has written to standard output (its log) so far.
    public func output() -> String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Stops the server and starts it again on the same port and database.
    public func restart(after pause: Duration = .zero) async throws {
        terminate()
        try await Task.sleep(for: pause)  // the outage itself, not a wait for something
        try run()
        try await waitUntilHealthy()
    }

    /// Kills the server, keeping its files (for `restart`).
    public func terminate() {
        if let process { ChildProcess.kill(process) }
    }

    /// Kills the server and removes its files.
    public func stop() {
        terminate()
        directory.remove()
    }

    deinit { stop() }
}
