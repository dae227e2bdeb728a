import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// Connections on a live server (API.md, "Operations"): an idle keep-alive connection is
/// closed after `IDLE_TIMEOUT_MS`; a request's head must arrive within the header timeout
/// (10 s in service, short here); a connection that never sends a byte is closed after the
/// header timeout, or the idle timeout when that is shorter.
///
/// Each test makes the timeout it is about short and the other one an hour, so a close can
/// only come from the one under test, and waits up to `patience` for it: no test depends
/// on how fast the machine is.
final class ConnectionTimeoutTests: XCTestCase {
    private static let hour: Duration = .seconds(3600)
    private static let patience: Duration = .seconds(30)

    private static func timeouts(idle: Duration, header: Duration) -> (inout ServerConfiguration) -> Void {
        { configuration in
            configuration.connectionTimeouts.idle = idle
            configuration.connectionTimeouts.header = header
        }
    }

    func testAnIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await withLiveServer(Self.timeouts(idle: .milliseconds(600), header: Self.hour)) { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            check(await connection.readStatus(timeout: .seconds(5)), 200)
            let closed = await connection.readUntilClosed(timeout: Self.patience)
            XCTAssertNotNil(closed, "an idle keep-alive connection stayed open")
        }
    }

    func testAConnectionThatNeverSendsAByteIsClosedAfterTheHeaderTimeout() async throws {
        try await withLiveServer(Self.timeouts(idle: Self.hour, header: .milliseconds(300))) { port, _ in
            let connection = try RawConnection(port: port)
            let answer = await connection.readUntilClosed(timeout: Self.patience)
            XCTAssertEqual(answer, "", "a silent connection stayed open (nil) or got an answer")
        }
    }

    func testASilentConnectionIsClosedAfterTheIdleTimeoutWhenThatIsShorter() async throws {
        try await withLiveServer(Self.timeouts(idle: .milliseconds(300), header: Self.hour)) { port, _ in
            let connection = try RawConnection(port: port)
            let answer = await connection.readUntilClosed(timeout: Self.patience)
            XCTAssertEqual(answer, "", "a silent connection stayed open (nil) or got an answer")
        }
    }

    func testAHalfSentHeadIsClosedAfterTheHeaderTimeout() async throws {
        try await withLiveServer(Self.timeouts(idle: Self.hour, header: .milliseconds(300))) { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /health HTTP/1.1\r\nHost: x\r\n")
            let answer = await connection.readUntilClosed(timeout: Self.patience)
            XCTAssertEqual(answer, "", "half a head kept the connection open (nil) or got an answer")
        }
    }

    func testAHalfSentSecondHeadIsClosedAfterTheHeaderTimeout() async throws {
        try await withLiveServer(Self.timeouts(idle: Self.hour, header: .milliseconds(300))) { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            check(await connection.readStatus(timeout: .seconds(5)), 200)
            try connection.send("GET /health HTTP/1.1\r\n")
            let closed = await connection.readUntilClosed(timeout: Self.patience)
            XCTAssertNotNil(closed, "half a second head kept the connection open")
        }
    }

    func testAHeadSlowerThanTheIdleTimeoutIsStillAnswered() async throws {
        // The head takes longer than the idle timeout, well within the header timeout: a
        // connection sending its head is not an idle one.
        try await withLiveServer(Self.timeouts(idle: .seconds(1), header: Self.hour)) { port, _ in
            let connection = try RawConnection(port: port)
            for part in ["GET /hea", "lth HTTP/1.1\r\n", "Host: x\r\n", "\r\n"] {
                try connection.send(part)
                if part != "\r\n" { try await Task.sleep(for: .milliseconds(400)) }
            }
            check(await connection.readStatus(timeout: .seconds(5)), 200)
        }
    }

    func testTimeoutsComeFromTheEnvironment() throws {
        check(try ServerConfiguration.fromEnvironment([:]).connectionTimeouts.idle, .seconds(60))
        check(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "1500"]).connectionTimeouts.idle, .milliseconds(1500))
        check(try ServerConfiguration.fromEnvironment([:]).connectionTimeouts.header, .seconds(10))
        XCTAssertThrowsError(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "soon"]))
        XCTAssertThrowsError(try ServerConfiguration.fromEnvironment(["IDLE_TIMEOUT_MS": "0"]))
    }
}
