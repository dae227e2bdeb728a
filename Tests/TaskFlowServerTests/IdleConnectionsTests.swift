import Foundation
import XCTest
import TaskFlowTestSupport

/// The real `taskflow-server` with few file descriptors (`ulimit -n 256`): connections that
/// never send a byte are closed after `IDLE_TIMEOUT_MS`, so they cannot keep `/health` out.
final class IdleConnectionsTests: XCTestCase {
    func testThreeHundredSilentConnectionsDoNotStarveHealthWithALowFDLimit() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-idle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = FreePort.next()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/bin/sh")
        server.arguments = ["-c", "ulimit -n 256 && exec \"$0\"", try ProductsDirectory.executable("taskflow-server", overrideVariable: "TASKFLOW_SERVER_BIN").path]
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = String(port)
        environment["DATABASE_URL"] = "sqlite:\(directory.path)/db.sqlite"
        environment["LOG_LEVEL"] = "critical"
        environment["IDLE_TIMEOUT_MS"] = "500"
        server.environment = environment
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        try await waitForHealth(port: port, within: .seconds(20))

        var silent: [RawConnection] = []
        for _ in 0..<300 { silent.append(try RawConnection(port: port)) }
        try await waitForHealth(port: port, within: .seconds(8))
        withExtendedLifetime(silent) {}
    }

    private func waitForHealth(port: Int, within timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        try await eventually("/health to answer on port \(port)", within: timeout) {
            let connection = try? RawConnection(port: port)
            try? connection?.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return await connection?.readStatus(timeout: deadline - ContinuousClock.now) == 200
        }
    }
}
