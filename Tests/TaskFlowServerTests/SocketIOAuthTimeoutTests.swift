import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// API.md, Live updates: until CONNECT succeeds the server sends nothing more (no pings),
/// and it closes a socket that has not authenticated within the auth timeout (10 s in
/// service; a fraction of a second here, so the test waits on the close, not on a clock).
final class SocketIOAuthTimeoutTests: XCTestCase {
    private func live(
        _ configure: @escaping (inout ServerConfiguration) -> Void,
        _ test: @escaping @Sendable (any TestClientProtocol, Int) async throws -> Void
    ) async throws {
        let services = try await TestServer.services(configure)
        defer { TestServer.removeDatabase(of: services.configuration) }
        try await TestServer.app(services).test(.live) { client in
            let port = client.port!
            try await withTimeout(30) { try await test(client, port) }
        }
    }

    func testTheDefaultIsTenSeconds() {
        XCTAssertEqual(ServerConfiguration().socketAuthTimeoutMillis, 10_000)
    }

    func testAnUnauthenticatedSocketGetsNoPingsAndIsClosed() async throws {
        try await live({ $0.pingIntervalMillis = 50; $0.pingTimeoutMillis = 5_000; $0.socketAuthTimeoutMillis = 600 }) { _, port in
            let started = ContinuousClock.now
            let probe = SocketIOProbe(port: port)
            var messages = probe.messages.makeAsyncIterator()
            let open = await messages.next()
            XCTAssertTrue(open?.hasPrefix("0{") == true, open ?? "nil")
            var after: [String] = []
            while let message = await messages.next() { after.append(message) }
            let elapsed = ContinuousClock.now - started
            XCTAssertEqual(after, [], "nothing but the open packet before CONNECT (12 ping intervals passed)")
            XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(600))
            XCTAssertLessThan(elapsed, .seconds(10))
        }
    }

    func testAnAuthenticatedSocketOutlivesTheAuthTimeout() async throws {
        try await live({ $0.pingIntervalMillis = 200; $0.pingTimeoutMillis = 200; $0.socketAuthTimeoutMillis = 300 }) { client, port in
            let ann = try await client.register()
            let probe = SocketIOProbe(port: port)
            var messages = probe.messages.makeAsyncIterator()
            try await SocketIOProbe.connect(port: port, token: ann.accessToken, iterator: &messages, probe: probe)
            // Four pings answered: over a second, well past the 300 ms auth timeout.
            let pings = await answerPings(4, &messages, probe: probe)
            XCTAssertEqual(pings, 4)
            probe.close()
        }
    }
}
