import Foundation

/// The real `taskflow-server` executable, started as a child process on a free loopback port.
/// Found next to the test bundle (both are build products), or at `TASKFLOW_SERVER_BIN`.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: used from one test task at a time; Process is not Sendable on Linux.
    let process = Process()
    let port: Int
    let environment: [String: String]
    let stdout = Pipe()
    let stderr = Pipe()

    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["TASKFLOW_SERVER_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the runner is `…/debug/TaskFlowPackageTests.xctest`; products live beside it.
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("taskflow-server")
    }

    init(environment extra: [String: String], port: Int? = nil) throws {
        self.port = try port ?? Self.freePort()
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = String(self.port)
        environment["LOG_LEVEL"] = "error"
        for (key, value) in extra { environment[key] = value }
        self.environment = environment
        process.executableURL = Self.executable
        process.environment = environment
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
    }

    /// Waits until `/health` answers, or throws after `seconds`.
    func waitUntilHealthy(seconds: Double = 20) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !process.isRunning { throw TestFailure("taskflow-server exited with \(process.terminationStatus)") }
            if let (_, status) = try? await HTTP.request("GET", "http://127.0.0.1:\(port)/health"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("taskflow-server did not become healthy")
    }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    func waitForExit(seconds: Double = 10) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else { throw TestFailure("taskflow-server did not exit") }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// What the server wrote to standard error (read after it exited).
    func errorOutput() -> String {
        String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw TestFailure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Plain HTTP/1.1 over a socket, enough to talk to a child server without a client library.
enum HTTP {
    static func request(
        _ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil, unixSocket: String? = nil
    ) async throws -> (String, Int) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["curl", "-s", "-o", "-", "-w", "\n%{http_code}", "-X", method, "--max-time", "10"]
        if let unixSocket { arguments += ["--unix-socket", unixSocket] }
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        if let body { arguments += ["-H", "Content-Type: application/json", "--data-binary", body] }
        curl.arguments = arguments + [url]
        let pipe = Pipe()
        curl.standardOutput = pipe
        try curl.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.lastIndex(of: "\n"), let status = Int(text[text.index(after: split)...]) else {
            throw TestFailure("curl failed")
        }
        return (String(text[..<split]), status)
    }
}
