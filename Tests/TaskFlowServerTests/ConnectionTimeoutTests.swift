import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// Connections on a live server (API.md, "Operations"): an idle keep-alive connection is
/// closed after `IDLE_TIMEOUT_MS`, and a connection still sending its head is answered.
final class ConnectionTimeoutTests: XCTestCase {
    private static func short(_ c: inout ServerConfiguration) {
        c.connectionTimeouts.idle = .milliseconds(600)
    }

    func testAnIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await withLiveServer(Self.short) { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            check(await connection.readStatus(timeout: .seconds(5)), 200)
            let closed = await connection.readUntilClosed(timeout: .seconds(5))
            XCTAssertNotNil(closed, "an idle keep-alive connection stayed open")
        }
    }

    func testASlowButCompleteHeadIsAnswered() async throws {
        try await withLiveServer(Self.short) { port, _ in
            let connection = try RawConnection(port: port)
            for part in ["GET /hea", "lth HTTP/1.1\r\n", "Host: x\r\n", "\r\n"] {
                try connection.send(part)
                try await Task.sleep(for: .milliseconds(50))
            }
            check(await connection.readStatus(timeout: .seconds(5)), 200)
        }
    }

    func testIdleTimeoutComesFromTheEnvironment() throws {
        check(try ServerConfiguration.fromEnvironment([:]).connectionTimeouts.idle, .seconds(60))
        check(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "1500"]).connectionTimeouts.idle, .milliseconds(1500))
        XCTAssertThrowsError(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "soon"]))
        XCTAssertThrowsError(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "0"]))
    }
}
