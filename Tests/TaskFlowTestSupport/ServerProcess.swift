import Foundation
import TaskFlowClient

/// The real `taskflow-server` binary on a loopback port with a temporary SQLite database.
/// `start` returns once `GET /health` answers; `stop` kills it; `restart` keeps the data.
public final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` is replaced only by `restart`/`stop`, which tests call from one task.
    public let port: Int
    public let directory: TemporaryDirectory
    public let environment: [String: String]
    private var process: Process?

    public var address: ServerAddress { try! ServerAddress("http://127.0.0.1:\(port)") }
    public var url: String { "http://127.0.0.1:\(port)" }

    /// `settings` are extra environment variables: `JWT_EXPIRES_IN`, `RATE_LIMIT_MAX_REQUESTS`…
    public static func start(_ settings: [String: String] = [:]) async throws -> ServerProcess {
        let server = try ServerProcess(settings: settings)
        try await server.launch()
        return server
    }

    private init(settings: [String: String]) throws {
        port = FreePort.next()
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

    private func launch() async throws {
        let process = Process()
        process.executableURL = try ProductsDirectory.executable("taskflow-server", overrideVariable: "TASKFLOW_SERVER_BIN")
        process.environment = environment
        process.currentDirectoryURL = directory.url
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let log = directory.url.appendingPathComponent("stderr.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        self.process = process
        try await waitForHealth(log: log)
    }

    private func waitForHealth(log: URL) async throws {
        let transport = CurlTransport()
        let health = URL(string: "\(url)/health")!
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let response = try? await transport.send(HTTPRequest(method: .get, url: health)), response.status == 200 { return }
            if let process, !process.isRunning {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw SupportError("taskflow-server exited with status \(process.terminationStatus): \(output)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        throw SupportError("taskflow-server did not answer /health on port \(port) within 30 s.")
    }

    /// Stops the server and starts it again on the same port and database.
    public func restart(after pause: Duration = .zero) async throws {
        terminate()
        try await Task.sleep(for: pause)
        try await launch()
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
