import Foundation
import HummingbirdWSClient
import Logging
import TaskFlowCore
import XCTest
import TaskFlowTestSupport

/// The `taskflow-server` executable as an operator runs it: environment, signals, files.
final class ServerProcessTests: XCTestCase {
    private var directory: URL!

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-proc-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private var databaseURL: String { "sqlite:" + directory.appendingPathComponent("db.sqlite").path }

    private func register(_ server: ServerProcess) async throws -> AuthResponse {
        let (body, status) = try await HTTP.request(
            "POST", "http://127.0.0.1:\(server.port)/api/v1/auth/register",
            body: #"{"name":"Ann","email":"ann@example.com","password":"correct horse"}"#)
        XCTAssertEqual(status, 201, body)
        return try TaskFlowJSON.decode(AuthResponse.self, from: Data(body.utf8))
    }

    func testAcknowledgedWriteSurvivesKill9AndTokensSurviveRestart() async throws {
        let first = try await ServerProcess.start(["DATABASE_URL": databaseURL, "JWT_SECRET": nil])
        defer { first.stop() }
        let ann = try await register(first)
        let (created, status) = try await HTTP.request(
            "POST", "http://127.0.0.1:\(first.port)/api/v1/tasks", headers: ["Authorization": "Bearer \(ann.accessToken)"],
            body: #"{"title":"survive kill -9"}"#)
        XCTAssertEqual(status, 201)
        let task = try TaskFlowJSON.decode(TaskItem.self, from: Data(created.utf8))
        first.signal(SIGKILL)
        _ = try await first.waitForExit()

        // The generated secret was kept beside the database (0600), so the old token still works.
        let secretPath = directory.appendingPathComponent("db.sqlite.jwt-secret").path
        let attributes = try FileManager.default.attributesOfItem(atPath: secretPath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        let second = try await ServerProcess.start(["DATABASE_URL": databaseURL, "JWT_SECRET": nil])
        defer { second.stop() }
        let (fetched, fetchStatus) = try await HTTP.request(
            "GET", "http://127.0.0.1:\(second.port)/api/v1/tasks/\(task.id)", headers: ["Authorization": "Bearer \(ann.accessToken)"])
        XCTAssertEqual(fetchStatus, 200, fetched)
        XCTAssertEqual(try TaskFlowJSON.decode(TaskItem.self, from: Data(fetched.utf8)), task)
    }

    func testSIGTERMClosesSocketsWith1001AndExitsCleanly() async throws {
        let server = try await ServerProcess.start(["DATABASE_URL": databaseURL])
        defer { server.stop() }
        let ann = try await register(server)
        let probe = SocketIOProbe(port: server.port)
        var messages = probe.messages.makeAsyncIterator()
        try await SocketIOProbe.connect(port: server.port, token: ann.accessToken, iterator: &messages, probe: probe)
        server.signal(SIGTERM)
        let close = try await withTimeout(10) { try await probe.closed() }
        XCTAssertEqual(close?.closeCode, .goingAway)
        let status = try await server.waitForExit()
        XCTAssertEqual(status, 0)
    }

    func testACleanShutdownLogsNothingAtErrorLevel() async throws {
        let server = try await ServerProcess.start(["DATABASE_URL": databaseURL, "LOG_LEVEL": "info"])
        defer { server.stop() }
        let ann = try await register(server)
        // What a server usually has open when it is stopped: a Socket.IO client, a keep-alive
        // connection between requests, one that has said nothing yet, one part-way through a head.
        let probe = SocketIOProbe(port: server.port)
        var messages = probe.messages.makeAsyncIterator()
        try await SocketIOProbe.connect(port: server.port, token: ann.accessToken, iterator: &messages, probe: probe)
        let keepAlive = try RawConnection(port: server.port)
        try keepAlive.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        let answered = await keepAlive.readStatus(timeout: .seconds(10))
        XCTAssertEqual(answered, 200)
        let silent = try RawConnection(port: server.port)
        let halfHead = try RawConnection(port: server.port)
        try halfHead.send("GET /health HTTP/1.1\r\n")

        server.signal(SIGTERM)
        let status = try await server.waitForExit()
        XCTAssertEqual(status, 0)
        let log = server.output()
        XCTAssertTrue(log.contains(#""msg":"shutting down""#), log)
        let errors = log.split(separator: "\n").filter {
            $0.contains(#""level":"error""#) || $0.contains(#""level":"critical""#) || $0.contains("level=error")
        }
        XCTAssertEqual(errors, [], "a clean shutdown logged errors")
        withExtendedLifetime((keepAlive, silent, halfHead)) {}
    }

    func testProductionRefusesAShortOrMissingSecret() async throws {
        for secret in [nil, "too short"] {
            let server = try ServerProcess.launch(["DATABASE_URL": databaseURL, "TASKFLOW_ENV": "production", "JWT_SECRET": secret])
            defer { server.stop() }
            let status = try await server.waitForExit()
            XCTAssertEqual(status, 78, "EX_CONFIG")
            XCTAssertTrue(server.errorOutput().contains("JWT_SECRET must be set to at least 32 bytes"))
        }
        let server = try await ServerProcess.start([
            "DATABASE_URL": databaseURL, "TASKFLOW_ENV": "production", "JWT_SECRET": String(repeating: "s", count: 32),
        ])
        defer { server.stop() }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("db.sqlite.jwt-secret").path))
    }

    func testBadEnvironmentIsAOneLineErrorNamingTheVariable() async throws {
        for (name, value) in [("PORT", "http"), ("JWT_EXPIRES_IN", "soon"), ("DATABASE_URL", "mysql://x"), ("LOG_LEVEL", "loud")] {
            var settings: [String: String?] = ["DATABASE_URL": databaseURL]
            settings[name] = value
            let server = try ServerProcess.launch(settings)
            defer { server.stop() }
            let status = try await server.waitForExit()
            XCTAssertEqual(status, 78, "\(name)=\(value)")
            let message = server.errorOutput()
            XCTAssertTrue(message.hasPrefix("taskflow-server: \(name)=\(value) is not valid"), message)
            XCTAssertEqual(message.filter { $0 == "\n" }.count, 1, "one line: \(message)")
        }
    }
}
