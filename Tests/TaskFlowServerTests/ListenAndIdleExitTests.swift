import Foundation
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// `LISTEN=unix:PATH` and `IDLE_EXIT_AFTER` on the real executable: the private server of
/// local mode (API.md, Operations).
final class ListenAndIdleExitTests: XCTestCase {
    private var directory: URL!

    override func setUp() {
        // Short: a Unix socket path must fit in 108 bytes.
        directory = URL(fileURLWithPath: "/tmp/tf-listen-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private var databaseURL: String { "sqlite:" + directory.appendingPathComponent("db.sqlite").path }
    private var socketDirectory: URL { directory.appendingPathComponent("run") }
    private var socketPath: String { socketDirectory.appendingPathComponent("server.sock").path }

    private func startOnSocket(_ extra: [String: String?] = [:]) throws -> ServerProcess {
        try ServerProcess.launch(["DATABASE_URL": databaseURL, "LISTEN": "unix:" + socketPath].merging(extra) { $1 })
    }

    private func waitUntilAnswering(_ server: ServerProcess) async throws {
        try await eventually("the server to answer on \(socketPath)", within: .seconds(20), every: .milliseconds(20)) {
            guard server.isRunning else { throw SupportError("the server exited: \(server.errorOutput())") }
            return UnixSocketProbe.answers(socketPath)
        }
    }

    private func mode(of path: String) -> mode_t {
        var status = stat()
        XCTAssertEqual(lstat(path, &status), 0, path)
        return status.st_mode & 0o777
    }

    func testServesHTTPOnAPrivateUnixSocket() async throws {
        let server = try startOnSocket()
        defer { server.stop() }
        try await waitUntilAnswering(server)
        XCTAssertEqual(mode(of: socketDirectory.path), 0o700, "the socket's directory is the user's alone")
        XCTAssertEqual(mode(of: socketPath), 0o600, "the socket is never reachable by others")
        let (health, status) = try await HTTP.request("GET", "http://localhost/health", unixSocket: socketPath)
        XCTAssertEqual(status, 200, health)
        let (body, created) = try await HTTP.request(
            "POST", "http://localhost/api/v1/auth/register", body: #"{"name":"Ann","email":"ann@example.com","password":"correct horse"}"#,
            unixSocket: socketPath)
        XCTAssertEqual(created, 201, body)
        XCTAssertNoThrow(try TaskFlowJSON.decode(AuthResponse.self, from: Data(body.utf8)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("run/taskflow.sqlite").path))
    }

    func testReplacesAStaleSocketButNeverALiveOne() async throws {
        // A socket file nobody listens on, as a crashed server leaves it.
        try FileManager.default.createDirectory(at: socketDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(socketPath.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(stale, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        XCTAssertEqual(bound, 0)
        close(stale)
        XCTAssertFalse(UnixSocketProbe.answers(socketPath))

        let first = try startOnSocket()
        defer { first.stop() }
        try await waitUntilAnswering(first)

        let second = try startOnSocket()
        defer { second.stop() }
        let status = try await second.waitForExit()
        XCTAssertEqual(status, 78)
        XCTAssertTrue(second.errorOutput().contains("another server is already listening"))
        let (_, health) = try await HTTP.request("GET", "http://localhost/health", unixSocket: socketPath)
        XCTAssertEqual(health, 200, "the first server still owns its socket")
    }

    func testExitsAfterIdleExitAfterAndRemovesItsSocket() async throws {
        // Idle from the start: no request ever comes.
        let started = Date()
        let server = try startOnSocket(["IDLE_EXIT_AFTER": "1s"])
        defer { server.stop() }
        try await waitUntilAnswering(server)
        let status = try await server.waitForExit(within: .seconds(15))
        XCTAssertEqual(status, 0)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.9)
        XCTAssertFalse(FileManager.default.fileExists(atPath: socketPath), "no socket file is left to look like a live server")
    }

    func testAnOpenSocketKeepsAnIdleServerRunning() async throws {
        let server = try await ServerProcess.start(["DATABASE_URL": databaseURL, "IDLE_EXIT_AFTER": "1s"])
        defer { server.stop() }
        let (body, _) = try await HTTP.request(
            "POST", "http://127.0.0.1:\(server.port)/api/v1/auth/register",
            body: #"{"name":"Ann","email":"ann@example.com","password":"correct horse"}"#)
        let ann = try TaskFlowJSON.decode(AuthResponse.self, from: Data(body.utf8))
        let probe = SocketIOProbe(port: server.port)
        var messages = probe.messages.makeAsyncIterator()
        try await SocketIOProbe.connect(port: server.port, token: ann.accessToken, iterator: &messages, probe: probe)
        // Three idle limits with the socket open: the server must still be there.
        let waitedOut = Date().addingTimeInterval(3)
        while Date() < waitedOut {
            XCTAssertTrue(server.isRunning, "exited while a socket was open")
            try await Task.sleep(for: .milliseconds(100))
        }
        probe.close()
        let status = try await server.waitForExit(within: .seconds(15))
        XCTAssertEqual(status, 0, "once the socket closed, the idle limit applies")
    }

    func testBadListenOrIdleValuesAreOneLineErrors() async throws {
        for (name, value) in [("LISTEN", "tcp:5000"), ("IDLE_EXIT_AFTER", "soon")] {
            var settings: [String: String?] = ["DATABASE_URL": databaseURL]
            settings[name] = value
            let server = try ServerProcess.launch(settings)
            defer { server.stop() }
            let status = try await server.waitForExit()
            XCTAssertEqual(status, 78)
            XCTAssertTrue(server.errorOutput().contains("\(name)=\(value) is not valid"), server.errorOutput())
        }
    }
}
