import Foundation
import Testing
@testable import TaskFlowClient
import TaskFlowTestSupport

extension RealProcessTests {
    /// The libcurl transport's failures, each with a message that says what to do.
    @Suite("HTTP transport failures over libcurl")
    struct HTTPPeerTests {
        func client(_ server: String, caFile: String? = nil) throws -> APIClient {
            var options = TransportOptions()
            options.caFile = caFile
            options.connectTimeout = .seconds(2)
            return APIClient(session: try Session(server: try ServerAddress(server), store: nil, environmentToken: "t"),
                             transport: CurlTransport(options: options))
        }

        @Test("nobody listening: connection refused, a network error that names the server")
        func refused() async throws {
            let port = FreePort.next()
            let error = await thrownError { try await client("http://127.0.0.1:\(port)").stats() } as? ClientError
            #expect(error?.category == .network)
            #expect(error?.message == "Could not connect to http://127.0.0.1:\(port): connection refused. Is the server running? Check --server or TASKFLOW_SERVER.")
        }

        @Test("an unknown host name")
        func unknownHost() async throws {
            let error = await thrownError { try await client("http://no-such-host.invalid").stats() } as? ClientError
            #expect(error?.category == .network)
            #expect(error?.message.contains("Could not find the host no-such-host.invalid") == true)
        }

        @Test("a web server that answers HTML, and a body cut short")
        func wrongServer() async throws {
            let peer = try PythonPeer(script: "http_peer.py", requires: [:])
            defer { peer.stop() }
            let html = await thrownError { try await client("http://127.0.0.1:\(peer.port)").me() } as? ClientError
            #expect(html?.message.contains("an HTML page instead of JSON") == true)
            let cut = await thrownError { try await client("http://127.0.0.1:\(peer.port)").tasks() } as? ClientError
            #expect(cut?.category == .network)
            #expect(cut?.message.contains("closed before the answer was complete") == true)
        }

        @Test("a certificate we do not trust is refused; with --ca-file it is accepted")
        func certificates() async throws {
            let peers = PythonPeer.peersDirectory.path
            let peer = try PythonPeer(script: "http_peer.py", arguments: ["--tls", "\(peers)/test-cert.pem", "\(peers)/test-key.pem"], requires: [:])
            defer { peer.stop() }
            let untrusted = await thrownError { try await client("https://127.0.0.1:\(peer.port)").me() } as? ClientError
            #expect(untrusted?.category == .network)
            #expect(untrusted?.message.contains("Could not make a secure connection") == true)
            #expect(untrusted?.message.contains("--ca-file") == true)
            let trusted = await thrownError { try await client("https://127.0.0.1:\(peer.port)", caFile: "\(peers)/test-cert.pem").me() } as? ClientError
            #expect(trusted?.message.contains("an HTML page instead of JSON") == true)  // TLS worked; the answer is just not ours
        }

        @Test("cancelling the calling task aborts a slow request at once")
        func cancellation() async throws {
            let peer = try PythonPeer(script: "http_peer.py", requires: [:])
            defer { peer.stop() }
            let transport = CurlTransport()
            let request = HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(peer.port)/slow")!)
            let started = ContinuousClock.now
            let call = Task { try await transport.send(request) }
            try await Task.sleep(for: .milliseconds(300))
            call.cancel()
            let error = await thrownError { try await call.value }
            #expect(error is CancellationError)
            #expect(ContinuousClock.now - started < .seconds(3))
        }
    }
}
