import Foundation
import XCTest
@testable import TaskFlowClient
import TaskFlowTestSupport

/// The libcurl transport's failures against real peers, each with a message that says what to do.
final class HTTPPeerTests: XCTestCase {
    func client(_ server: String, caFile: String? = nil) throws -> APIClient {
        var options = TransportOptions()
        options.caFile = caFile
        options.connectTimeout = .seconds(2)
        return APIClient(session: try Session(server: try ServerAddress(server), store: nil, environmentToken: "t"),
                         transport: CurlTransport(options: options))
    }

    /// Nobody listening: connection refused, a network error that names the server.
    func testConnectionRefusedIsANetworkErrorNamingTheServer() async throws {
        let port = FreePort.next()
        let error = await thrownError { try await client("http://127.0.0.1:\(port)").stats() } as? ClientError
        XCTAssertEqual(error?.category, .network)
        XCTAssertEqual(error?.message, "Could not connect to http://127.0.0.1:\(port): connection refused. Is the server running? Check --server or TASKFLOW_SERVER.")
    }

    func testUnknownHostName() async throws {
        let error = await thrownError { try await client("http://no-such-host.invalid").stats() } as? ClientError
        XCTAssertEqual(error?.category, .network)
        XCTAssertEqual(error?.message.contains("Could not find the host no-such-host.invalid"), true, error?.message ?? "no error")
    }

    func testWebServerThatAnswersHTMLAndABodyCutShort() async throws {
        let peer = try PythonPeer(script: "http_peer.py", requires: [:])
        defer { peer.stop() }
        let html = await thrownError { try await client("http://127.0.0.1:\(peer.port)").me() } as? ClientError
        XCTAssertEqual(html?.message.contains("an HTML page instead of JSON"), true, html?.message ?? "no error")
        let cut = await thrownError { try await client("http://127.0.0.1:\(peer.port)").tasks() } as? ClientError
        XCTAssertEqual(cut?.category, .network)
        XCTAssertEqual(cut?.message.contains("closed before the answer was complete"), true, cut?.message ?? "no error")
    }

    /// A certificate we do not trust is refused; with --ca-file it is accepted.
    func testUntrustedCertificateIsRefusedAndAcceptedWithCAFile() async throws {
        let peers = PythonPeer.peersDirectory.path
        let peer = try PythonPeer(script: "http_peer.py", arguments: ["--tls", "\(peers)/test-cert.pem", "\(peers)/test-key.pem"], requires: [:])
        defer { peer.stop() }
        let untrusted = await thrownError { try await client("https://127.0.0.1:\(peer.port)").me() } as? ClientError
        XCTAssertEqual(untrusted?.category, .network)
        XCTAssertEqual(untrusted?.message.contains("Could not make a secure connection"), true, untrusted?.message ?? "no error")
        XCTAssertEqual(untrusted?.message.contains("--ca-file"), true)
        let trusted = await thrownError { try await client("https://127.0.0.1:\(peer.port)", caFile: "\(peers)/test-cert.pem").me() } as? ClientError
        // TLS worked; the answer is just not ours.
        XCTAssertEqual(trusted?.message.contains("an HTML page instead of JSON"), true, trusted?.message ?? "no error")
    }

    func testCancellingTheCallingTaskAbortsASlowRequestAtOnce() async throws {
        let peer = try PythonPeer(script: "http_peer.py", requires: [:])
        defer { peer.stop() }
        let transport = CurlTransport()
        let request = HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(peer.port)/slow")!)
        let started = ContinuousClock.now
        let call = Task { try await transport.send(request) }
        try await Task.sleep(for: .milliseconds(300))
        call.cancel()
        let error = await thrownError { try await call.value }
        XCTAssertTrue(error is CancellationError, "\(String(describing: error))")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
    }
}
