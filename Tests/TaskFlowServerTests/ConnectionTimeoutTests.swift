import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// Connections on a live server (API.md, "Operations"): an idle keep-alive connection is
/// closed after `IDLE_TIMEOUT_MS`, a request head must arrive within the header timeout,
/// and a connection that is still sending its head is not taken for an idle one.
final class ConnectionTimeoutTests: XCTestCase {
    private static func short(_ c: inout ServerConfiguration) {
        c.connectionTimeouts.idle = .milliseconds(600)
        c.connectionTimeouts.header = .milliseconds(300)
    }

    /// How long the server takes to close a connection after `request` (nil: not within 5 s).
    private static func timeToClose(port: Int, after request: String) async throws -> Duration? {
        let connection = try RawConnection(port: port)
        if !request.isEmpty { try connection.send(request) }
        let start = ContinuousClock.now
        return await connection.readUntilClosed(timeout: .seconds(5)) == nil ? nil : ContinuousClock.now - start
    }

    func testAConnectionThatNeverSpeaksIsClosedAfterTheIdleTimeout() async throws {
        try await withLiveServer(Self.short) { port, _ in
            let elapsed = try await Self.timeToClose(port: port, after: "")
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(elapsed, "still open after 5 s"), .milliseconds(500), "closed before the idle timeout")
        }
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

    func testAHeadThatDoesNotArriveInTimeClosesTheConnection() async throws {
        try await withLiveServer(Self.short) { port, _ in
            let elapsed = try await Self.timeToClose(port: port, after: "GET /health HTTP/1.1\r\nHost: x\r\n")
            XCTAssertLessThan(try XCTUnwrap(elapsed, "half a head kept the connection open"), .milliseconds(600),
                              "closed by the header timeout, not the idle one")
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
        check(try ServerConfiguration.fromEnvironment([:]).connectionTimeouts.header, .seconds(10))
        XCTAssertThrowsError(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "soon"]))
        XCTAssertThrowsError(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "0"]))
    }
}
