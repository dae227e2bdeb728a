import Foundation
import TaskFlowCore
import TaskFlowTestSupport

/// Several real `taskflow-server` processes on one fresh PostgreSQL database, behind nginx
/// configured from deploy/nginx.conf.
final class TaskFlowCluster: @unchecked Sendable {
    // @unchecked: driven from one test task at a time (holds Processes).
    let servers: [ServerProcess]
    let nginx: NginxProcess
    let databaseURL: String

    static let secret = "cluster-test-secret-0123456789abcdef"

    init(instances: Int = 3, environment extra: [String: String] = [:]) async throws {
        databaseURL = try await PostgresTestDatabase.create("cluster")
        var environment: [String: String?] = [
            "DATABASE_URL": databaseURL, "JWT_SECRET": Self.secret, "TRUSTED_PROXIES": "127.0.0.1",
            "DATABASE_POOL_MIN": "1", "DATABASE_POOL_MAX": "8", "DATABASE_QUERY_TIMEOUT_MS": "2000",
            "DATABASE_CONNECT_TIMEOUT_MS": "1000", "RATE_LIMIT_MAX_REQUESTS": "0",
        ]
        for (key, value) in extra { environment[key] = value }
        var servers: [ServerProcess] = []
        do {
            // One at a time: they would take turns on the migration lock anyway.
            for _ in 0..<instances {
                servers.append(try await ServerProcess.start(environment))
            }
            nginx = try NginxProcess(upstreamPorts: servers.map(\.port))
            try await nginx.waitUntilListening()
        } catch {
            servers.forEach { $0.stop() }
            throw error
        }
        self.servers = servers
    }

    func stop() {
        nginx.stop()
        servers.forEach { $0.stop() }
        PostgresTestDatabase.drop(databaseURL)
    }

    var url: String { "http://127.0.0.1:\(nginx.port)" }

    func url(of instance: Int) -> String { "http://127.0.0.1:\(servers[instance].port)" }

    /// Registers through nginx.
    func register(_ name: String) async throws -> AuthResponse {
        let (body, status) = try await HTTP.request(
            "POST", url + "/api/v1/auth/register",
            body: #"{"name":"\#(name)","email":"\#(name.lowercased())-\#(UUID().uuidString.prefix(6))@example.com","password":"correct horse"}"#)
        guard status == 201 else { throw SupportError("register answered \(status): \(body)") }
        return try TaskFlowJSON.decode(AuthResponse.self, from: Data(body.utf8))
    }

    /// A socket through nginx, authenticated, with its message iterator.
    func socket(token: String) async throws -> (SocketIOProbe, AsyncStream<String>.Iterator) {
        let probe = SocketIOProbe(port: nginx.port)
        var iterator = probe.messages.makeAsyncIterator()
        try await SocketIOProbe.connect(port: nginx.port, token: token, iterator: &iterator, probe: probe)
        return (probe, iterator)
    }
}

/// Runs pg_ctl on the test cluster of `.ci/services` (as its owner when the tests run as root).
enum TestPostgresControl {
    static func pgctl(_ arguments: [String]) throws {
        let env = ProcessInfo.processInfo.environment
        guard let pgctl = env["TASKFLOW_TEST_PG_CTL"], let data = env["TASKFLOW_TEST_PG_DATA"] else {
            throw SupportError("TASKFLOW_TEST_PG_CTL/TASKFLOW_TEST_PG_DATA are not set: run with .ci/test or `source .ci/services`")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let command = [pgctl, "-D", data] + arguments
        let owned = getuid() == 0 ? ["runuser", "-u", "postgres", "--"] + command : command
        // The server pg_ctl starts lives on, and would keep whatever descriptors it inherits:
        // a pipe of a curl running at that moment would then never reach end-of-file.
        // Foundation does not close them on Linux, so python's subprocess does.
        process.arguments = ["python3", "-c", "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:], close_fds=True))"] + owned
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SupportError("pg_ctl \(arguments.first ?? "") failed") }
    }

    static func stop() throws { try pgctl(["-m", "fast", "-w", "stop"]) }

    static func start() throws {
        let env = ProcessInfo.processInfo.environment
        guard let options = env["TASKFLOW_TEST_PG_OPTIONS"], let data = env["TASKFLOW_TEST_PG_DATA"] else {
            throw SupportError("TASKFLOW_TEST_PG_OPTIONS is not set: run with .ci/test or `source .ci/services`")
        }
        let log = URL(fileURLWithPath: data).deletingLastPathComponent().appendingPathComponent("postgres.log").path
        try pgctl(["-l", log, "-o", options, "-w", "-t", "30", "start"])
    }
}
